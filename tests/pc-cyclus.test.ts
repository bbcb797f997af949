import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PcStap, TermijnSoort } from '../src/pc/pc.entity.js';
import { uitersteDatum } from '../src/pc/termijn.js';
import * as ops from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { CBS_CODES, NU } from './helpers/scenario.js';
import { dataStatements, startTestHub, type TestHub } from './helpers/test-hub.js';
import { vingerafdruk } from './helpers/vingerafdruk.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

// The demo documents, in the order demo-pc.ts adds them.
const KADERNOTA = '1';
const ONTWERPBEGROTING = '3';
const JAARREKENING = '4';
const WIJZIGING_WGSW = '6';
const ROZENDAAL = 'GM0277';
const WGSW_RADEN = ['GM0202', 'GM0221', 'GM0226', 'GM0275', 'GM0277', 'GM0293', 'GM0299', 'GM1705', 'GM1734'];

type Rij = { document: { id: string; soort: string }; regel: { code: string }; gemeente: { cbsCode: string } | null; uiterlijk: string | null; gedaanOp: string | null; status: string };
const kalender = async (als = ALS.controller): Promise<Rij[]> => {
  const { data, errors } = await t.execute(ops.PcKalenderDocument, { jaar: 2027 }, als);
  expect(errors).toBeUndefined();
  return data!.pcKalender as Rij[];
};
const vanRegel = (rijen: Rij[], code: string) => rijen.filter((r) => r.regel.code === code);

describe('de democyclus van begroting 2027 in pcKalender(2027)', () => {
  it('toont kaders, voorlopige jaarrekening, zienswijzen per raad, GS-termijnen en het uitvoeringsplan, met de te late raad gemarkeerd', async () => {
    const rijen = await kalender();
    const bestuur = (code: string) => vanRegel(rijen, code).map((r) => [r.document.soort, r.uiterlijk, r.gedaanOp, r.status]);
    // Wgr art. 34b: "vóór 30 april" 2026 = 29 April at the latest.
    expect(bestuur('KADERNOTA_NAAR_RADEN')).toEqual([['KADERNOTA', '2026-04-29', '2026-04-07', 'GEDAAN']]);
    expect(bestuur('VOORLOPIGE_JAARREKENING_NAAR_RADEN')).toEqual([['VOORLOPIGE_JAARREKENING', '2026-04-29', '2026-04-07', 'GEDAAN']]);
    // Art. 34 lid 2: two weeks after adoption on 2 July (16 July) comes before 14 September.
    expect(bestuur('ONTWERPBEGROTING_NAAR_GS')).toEqual([['ONTWERPBEGROTING', '2026-07-16', '2026-07-09', 'GEDAAN']]);
    // Art. 34a: two weeks after 1 July is 15 July, but "vóór 15 juli" means the 14th.
    expect(bestuur('JAARREKENING_NAAR_GS')).toEqual([['JAARREKENING', '2026-07-14', '2026-07-09', 'GEDAAN']]);

    const zienswijzen = vanRegel(rijen, 'ONTWERPBEGROTING_ZIENSWIJZE');
    expect(zienswijzen.map((r) => r.gemeente!.cbsCode).sort()).toEqual(CBS_CODES);
    expect(new Set(zienswijzen.map((r) => r.uiterlijk))).toEqual(new Set(['2026-06-30']));
    expect(zienswijzen.filter((r) => r.status !== 'GEDAAN').map((r) => [r.gemeente!.cbsCode, r.gedaanOp, r.status])).toEqual([[ROZENDAAL, '2026-07-01', 'GEDAAN_TE_LAAT']]);

    const plan = vanRegel(rijen, 'UITVOERINGSPLAN_ZIENSWIJZE');
    expect(plan).toHaveLength(11);
    expect(plan.every((r) => r.status === 'GEDAAN' && r.uiterlijk === '2023-11-28')).toBe(true);

    // The WGSW wijziging is sent to the nine WGSW raden only; two have answered, the term runs to 18 January.
    const wijziging = vanRegel(rijen, 'BEGROTINGSWIJZIGING_ZIENSWIJZE');
    expect(wijziging.map((r) => r.gemeente!.cbsCode).sort()).toEqual(WGSW_RADEN);
    expect(wijziging.filter((r) => r.status === 'GEDAAN')).toHaveLength(2);
    expect(wijziging.filter((r) => r.status === 'OP_TIJD')).toHaveLength(7);
    expect(new Set(wijziging.map((r) => r.uiterlijk))).toEqual(new Set(['2027-01-18']));

    // Soonest deadline first.
    const datums = rijen.map((r) => r.uiterlijk ?? '9999');
    expect([...datums].sort()).toEqual(datums);
  });

  it('markeert de te late zienswijze ook op de zienswijze zelf, en koppelt het stuk jaarrekening 2025 aan de jaarrekeningen 2025', async () => {
    const { data } = await t.execute(ops.ZienswijzenDocument, { document: ONTWERPBEGROTING }, ALS.controller);
    expect(data!.zienswijzen.filter((z) => z.teLaat).map((z) => z.gemeente.cbsCode)).toEqual([ROZENDAAL]);
    const jaarrekening = await t.execute(ops.PcDocumentDetailDocument, { id: JAARREKENING }, ALS.controller);
    const cijfers = await t.sql<{ n: number }>(`select count(*)::int as n from jaarrekening where jaar = 2025`);
    expect(cijfers[0].n).toBeGreaterThan(0);
    expect(jaarrekening.data!.pcDocument.jaarrekeningen.length).toBe(cijfers[0].n);
    expect(jaarrekening.data!.pcDocument.jaarrekeningen.every((j) => j.jaar === 2025)).toBe(true);
    // The jaarrekening is no budget version: the document carries no begrotingen.
    expect(jaarrekening.data!.pcDocument.begrotingen).toEqual([]);
    // There are no budget figures for 2027 in the demo, so the begroting 2027 links none.
    const begroting = await t.execute(ops.PcDocumentDetailDocument, { id: ONTWERPBEGROTING }, ALS.controller);
    expect(begroting.data!.pcDocument.begrotingen).toEqual([]);
    expect(begroting.data!.pcDocument.openstaandeZienswijzen).toEqual({ termijnTot: '2026-06-30', gemeenten: [] });
  });
});

describe('leespad', () => {
  it('het aantal SQL-statements groeit niet met het aantal stukken, raden en zienswijzen', async () => {
    const tel = async (uitvoeren: () => ReturnType<TestHub['execute']>) => {
      t.statements.length = 0;
      const { errors } = await uitvoeren();
      expect(errors).toBeUndefined();
      return dataStatements(t.statements).length;
    };
    // The demo's documents carry jaarrekeningen but no budget versions: give one document a version
    // first, so that every kind of link is read before counting.
    const eerste = await t.execute(
      ops.PcDocumentToevoegenDocument,
      { invoer: { soort: 'BEGROTINGSWIJZIGING', jaar: 2024, titel: 'Begrotingswijziging 2024 WSP (test)', begrotingen: [{ module: 'WSP', soort: 'WIJZIGING', volgnummer: 1 }] } },
      ALS.beheerder,
    );
    expect(eerste.errors).toBeUndefined();
    await t.execute(ops.PcDocumentenDiepDocument, {}, ALS.controller); // warms the caches the write emptied
    const voor = await tel(() => t.execute(ops.PcDocumentenDiepDocument, {}, ALS.controller));
    expect(voor).toBeLessThanOrEqual(14);
    // One more document with a module, a budget version, a zienswijze and open raden: no more statements.
    const nieuw = await t.execute(
      ops.PcDocumentToevoegenDocument,
      { invoer: { soort: 'BEGROTING', jaar: 2024, titel: 'Begroting 2024 WSP (test)', modules: ['WSP'], begrotingen: [{ module: 'WSP', soort: 'PRIMITIEF' }] } },
      ALS.beheerder,
    );
    const id = nieuw.data!.pcDocumentToevoegen.id;
    await t.execute(ops.PcDocumentVoorZienswijzeDocument, { id, verzondenOp: '2026-11-01' }, ALS.beheerder);
    const zienswijze = await t.execute(ops.ZienswijzeVastleggenDocument, { invoer: { document: id, gemeente: 'GM0202', ontvangenOp: '2026-11-02', samenvatting: 'test' } }, ALS.beheerder);
    expect(zienswijze.errors).toBeUndefined();
    // At most as many: the modules of the documents and of their budget versions come from two link
    // loaders, and are read in one batch or two depending on when those resolve.
    expect(await tel(() => t.execute(ops.PcDocumentenDiepDocument, {}, ALS.controller))).toBeLessThanOrEqual(voor);
    expect(await tel(() => t.execute(ops.PcKalenderDocument, { jaar: 2027 }, ALS.controller))).toBeLessThanOrEqual(6);
  });
});

describe('pcDocumentToevoegen', () => {
  it('modules en begrotingen expliciet null betekent: geen (het stuk gaat over alle modules), net als weglaten', async () => {
    const { data, errors } = await t.execute(
      ops.PcDocumentToevoegenDocument,
      { invoer: { soort: 'KADERNOTA', jaar: 2031, titel: 'Kadernota 2031 (test null)', modules: null, begrotingen: null } },
      ALS.beheerder,
    );
    expect(errors).toBeUndefined();
    expect(data!.pcDocumentToevoegen).toMatchObject({ modules: [], begrotingen: [] });
  });
});

describe('zienswijzen per rol', () => {
  it('een gemeente (en een dashboard met gemeentescope) ziet alleen de zienswijze en kalenderregels van de eigen raad', async () => {
    for (const als of [ALS.gemeenteArnhem, ALS.dashboardArnhem]) {
      const { data } = await t.execute(ops.ZienswijzenDocument, { document: ONTWERPBEGROTING }, als);
      expect(data!.zienswijzen.map((z) => z.gemeente.cbsCode)).toEqual(['GM0202']);
      const perRaad = (await kalender(als)).filter((r) => r.gemeente !== null);
      expect(perRaad.length).toBeGreaterThan(0);
      expect(perRaad.every((r) => r.gemeente!.cbsCode === 'GM0202')).toBe(true);
      const detail = await t.execute(ops.PcDocumentDetailDocument, { id: ONTWERPBEGROTING }, als);
      expect(detail.data!.pcDocument.zienswijzen.map((z) => z.gemeente.cbsCode)).toEqual(['GM0202']);
    }
    const controller = await t.execute(ops.ZienswijzenDocument, { document: ONTWERPBEGROTING }, ALS.controller);
    expect(controller.data!.zienswijzen).toHaveLength(11);
  });

  it('openstaandeZienswijzen noemt de raden zonder zienswijze; een gemeente hoort alleen of haar eigen raad nog open staat', async () => {
    const controller = await t.execute(ops.OpenstaandeZienswijzenDocument, { document: WIJZIGING_WGSW }, ALS.controller);
    expect(controller.data!.openstaandeZienswijzen.termijnTot).toBe('2027-01-18');
    expect(controller.data!.openstaandeZienswijzen.gemeenten.map((g) => g.cbsCode).sort()).toEqual(WGSW_RADEN.filter((c) => !['GM0202', 'GM0221'].includes(c)));
    const arnhem = await t.execute(ops.OpenstaandeZienswijzenDocument, { document: WIJZIGING_WGSW }, ALS.gemeenteArnhem);
    expect(arnhem.data!.openstaandeZienswijzen.gemeenten).toEqual([]);
    const dashboardRegio = await t.execute(ops.OpenstaandeZienswijzenDocument, { document: WIJZIGING_WGSW }, ALS.dashboardRegio);
    expect(dashboardRegio.data!.openstaandeZienswijzen.gemeenten).toHaveLength(7);
  });
});

describe('termijnberekening', () => {
  const naarGs = { soort: TermijnSoort.WEKEN_NA_UITERLIJK, weken: 2, naStap: PcStap.VASTGESTELD, voorMaand: 9, voorDag: 15, jaarVerschil: -1 };
  it('"binnen 2 weken na vaststelling, doch vóór 15 september": de vroegste van de twee, 14 september als laatste dag', () => {
    const document = (vastgesteldOp: string | null) => ({ jaar: 2027, verzondenAanRadenOp: null, vastgesteldOp });
    expect(uitersteDatum(naarGs, document('2026-07-02'))).toBe('2026-07-16');
    expect(uitersteDatum(naarGs, document('2026-08-31'))).toBe('2026-09-14');
    expect(uitersteDatum(naarGs, document('2026-09-05'))).toBe('2026-09-14');
    // Not yet adopted: the fixed date is already the latest possible day.
    expect(uitersteDatum(naarGs, document(null))).toBe('2026-09-14');
  });

  it('12 weken na verzending, en het AB stelt niet eerder vast dan na die termijn', async () => {
    const nieuw = await t.execute(ops.PcDocumentToevoegenDocument, { invoer: { soort: 'ONTWERPBEGROTING', jaar: 2028, titel: 'Ontwerpbegroting 2028 (test)', modules: ['RBL'] } }, ALS.beheerder);
    expect(nieuw.errors).toBeUndefined();
    const id = nieuw.data!.pcDocumentToevoegen.id;
    const verzonden = await t.execute(ops.PcDocumentVoorZienswijzeDocument, { id, verzondenOp: '2026-09-01' }, ALS.beheerder);
    expect(verzonden.data!.pcDocumentVoorZienswijze).toMatchObject({ status: 'VOOR_ZIENSWIJZE', verzondenAanRadenOp: '2026-09-01', zienswijzetermijnTot: '2026-11-24' });
    const te_vroeg = await t.execute(ops.PcDocumentVaststellenDocument, { id, vastgesteldOp: '2026-11-23' }, ALS.beheerder);
    expect(te_vroeg.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(te_vroeg.errors![0].message).toContain('na afloop van de zienswijzetermijn');
  });
});

describe('statusovergangen', () => {
  it('gaan alleen vooruit: terug of opnieuw is CONFLICT en verandert niets', async () => {
    const nieuw = await t.execute(ops.PcDocumentToevoegenDocument, { invoer: { soort: 'KADERNOTA', jaar: 2029, titel: 'Kadernota 2029 (test)' } }, ALS.beheerder);
    const id = nieuw.data!.pcDocumentToevoegen.id;
    expect(nieuw.data!.pcDocumentToevoegen.status).toBe('CONCEPT');
    // Not adopted yet: nothing to send to GS.
    const nietVastgesteld = await t.execute(ops.PcDocumentVerzendenDocument, { id, verzondenOp: '2026-11-20' }, ALS.beheerder);
    expect(nietVastgesteld.errors![0].extensions!.code).toBe('CONFLICT');
    const vastgesteld = await t.execute(ops.PcDocumentVaststellenDocument, { id, vastgesteldOp: '2026-11-20' }, ALS.beheerder);
    expect(vastgesteld.data!.pcDocumentVaststellen.status).toBe('VASTGESTELD');
    const voor = await vingerafdruk(t.orm.em.fork());
    for (const terug of [
      t.execute(ops.PcDocumentVoorZienswijzeDocument, { id, verzondenOp: '2026-11-21' }, ALS.beheerder),
      t.execute(ops.PcDocumentVaststellenDocument, { id, vastgesteldOp: '2026-11-21' }, ALS.beheerder),
      t.execute(ops.PcDocumentVerzendenDocument, { id: ONTWERPBEGROTING, verzondenOp: '2026-11-21' }, ALS.beheerder),
    ]) {
      const { data, errors } = await terug;
      expect(data).toBeNull();
      expect(errors![0].extensions!.code).toBe('CONFLICT');
      expect(errors![0].message).toContain('gaat alleen vooruit');
    }
    expect(await vingerafdruk(t.orm.em.fork())).toEqual(voor);
    const verzonden = await t.execute(ops.PcDocumentVerzendenDocument, { id, verzondenOp: '2026-11-22' }, ALS.beheerder);
    expect(verzonden.data!.pcDocumentVerzenden).toMatchObject({ status: 'VERZONDEN', verzondenAanToezichthouderOp: '2026-11-22' });
  });

  it('een zienswijze na de termijn wordt vastgelegd en gemarkeerd, en geaudit', async () => {
    const audit = async () => (await t.sql<{ n: number }>(`select count(*)::int as n from audit_log where actie = 'ZIENSWIJZE_VASTGELEGD'`))[0].n;
    const voor = await audit();
    const { data, errors } = await t.execute(
      ops.ZienswijzeVastleggenDocument,
      { invoer: { document: WIJZIGING_WGSW, gemeente: 'GM0299', ontvangenOp: '2026-11-23', samenvatting: 'Zevenaar stemt in (test).' } },
      ALS.beheerder,
    );
    expect(errors).toBeUndefined();
    expect(data!.zienswijzeVastleggen).toMatchObject({ teLaat: false, gemeente: { cbsCode: 'GM0299' } });
    expect(await audit()).toBe(voor + 1);
  });
});

describe('onjuiste invoer: BAD_USER_INPUT en niets geschreven', () => {
  const gevallen: Array<[string, () => ReturnType<TestHub['execute']>]> = [
    ['totJaar op een kadernota', () => t.execute(ops.PcDocumentToevoegenDocument, { invoer: { soort: 'KADERNOTA', jaar: 2031, totJaar: 2034, titel: 'x' } }, ALS.beheerder)],
    ['titel als formule', () => t.execute(ops.PcDocumentToevoegenDocument, { invoer: { soort: 'KADERNOTA', jaar: 2031, titel: '=1+1' } }, ALS.beheerder)],
    ['begrotingsversie die niet bestaat', () => t.execute(ops.PcDocumentToevoegenDocument, { invoer: { soort: 'BEGROTING', jaar: 2031, titel: 'x', begrotingen: [{ module: 'WSP', soort: 'PRIMITIEF' }] } }, ALS.beheerder)],
    ['volgnummer buiten bereik', () => t.execute(ops.PcDocumentToevoegenDocument, { invoer: { soort: 'BEGROTING', jaar: 2031, titel: 'x', begrotingen: [{ module: 'WSP', soort: 'WIJZIGING', volgnummer: 70000 }] } }, ALS.beheerder)],
    ['verzending in de toekomst', () => t.execute(ops.PcDocumentVoorZienswijzeDocument, { id: '2', verzondenOp: '2026-11-24' }, ALS.beheerder)],
    ['vaststelling vóór einde zienswijzetermijn', () => t.execute(ops.PcDocumentVaststellenDocument, { id: WIJZIGING_WGSW, vastgesteldOp: '2026-11-22' }, ALS.beheerder)],
    ['geen geldig id', () => t.execute(ops.PcDocumentVaststellenDocument, { id: 'abc', vastgesteldOp: '2026-11-22' }, ALS.beheerder)],
    ['verzending aan GS vóór de vaststelling', () => t.execute(ops.PcDocumentVerzendenDocument, { id: KADERNOTA, verzondenOp: '2026-07-01' }, ALS.beheerder)],
    ['zienswijze van een raad die niet deelneemt', () => t.execute(ops.ZienswijzeVastleggenDocument, { invoer: { document: WIJZIGING_WGSW, gemeente: 'GM0274', ontvangenOp: '2026-11-20', samenvatting: 'x' } }, ALS.beheerder)],
    ['zienswijze ontvangen vóór verzending', () => t.execute(ops.ZienswijzeVastleggenDocument, { invoer: { document: WIJZIGING_WGSW, gemeente: 'GM0226', ontvangenOp: '2026-10-20', samenvatting: 'x' } }, ALS.beheerder)],
    ['zienswijze met lege samenvatting', () => t.execute(ops.ZienswijzeVastleggenDocument, { invoer: { document: WIJZIGING_WGSW, gemeente: 'GM0226', ontvangenOp: '2026-11-20', samenvatting: '  ' } }, ALS.beheerder)],
    ['reactie vóór ontvangst', () => t.execute(ops.ZienswijzeBeantwoordenDocument, { invoer: { zienswijze: '1', reactie: 'x', reactieOp: '2020-01-01' } }, ALS.beheerder)],
    ['regel "weken na" zonder weken', () => t.execute(ops.TermijnregelWijzigenDocument, { invoer: { code: 'ONTWERPBEGROTING_ZIENSWIJZE', soort: 'WEKEN_NA', naStap: 'VERZONDEN_AAN_RADEN' } }, ALS.beheerder)],
    ['regel met 31 februari', () => t.execute(ops.TermijnregelWijzigenDocument, { invoer: { code: 'KADERNOTA_NAAR_RADEN', soort: 'VASTE_DATUM', voorMaand: 2, voorDag: 31, jaarVerschil: -1 } }, ALS.beheerder)],
    ['advies na de vaststelling', () => t.execute(ops.CommissieadviesVastleggenDocument, { invoer: { programma: 'ZORG', document: JAARREKENING, datum: '2026-07-02', advies: 'x' } }, ALS.beheerder)],
    ['advies in de toekomst', () => t.execute(ops.CommissieadviesVastleggenDocument, { invoer: { programma: 'ZORG', document: WIJZIGING_WGSW, datum: '2026-11-24', advies: 'x' } }, ALS.beheerder)],
    ['lid met een naam als formule', () => t.execute(ops.BestuurscommissieLidToevoegenDocument, { invoer: { programma: 'ZORG', gemeente: 'GM0202', naam: '@x', portefeuille: 'Zorg' } }, ALS.beheerder)],
    ['regel die op zichzelf telt', () => t.execute(ops.TermijnregelWijzigenDocument, { invoer: { code: 'JAARREKENING_NAAR_GS', soort: 'WEKEN_NA', weken: 2, naStap: 'VERZONDEN_AAN_TOEZICHTHOUDER' } }, ALS.beheerder)],
  ];
  for (const [geval, voerUit] of gevallen) {
    it(geval, async () => {
      const voor = await vingerafdruk(t.orm.em.fork());
      const { data, errors } = await voerUit();
      expect(data ?? null).toBeNull();
      expect(errors!.map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
      expect(errors![0].message.length).toBeGreaterThan(20);
      expect(await vingerafdruk(t.orm.em.fork())).toEqual(voor);
    });
  }
});

describe('bestuurlijk register', () => {
  it('de demo heeft per programma een bestuurscommissie met leden, vergaderingen en een advies over de ontwerpbegroting 2027', async () => {
    const { data, errors } = await t.execute(ops.BestuurscommissiesDocument, {}, ALS.gemeenteArnhem);
    expect(errors).toBeUndefined();
    expect(data!.bestuurscommissies.map((c) => c.programma.code).sort()).toEqual(['ONDERWIJS', 'PARTICIPATIE', 'ZORG']);
    for (const commissie of data!.bestuurscommissies) {
      expect(commissie.leden.length).toBeGreaterThan(0);
      expect(commissie.vergaderingen.map((v) => v.datum)).toEqual(['2026-03-19', '2026-10-08']);
      expect(commissie.adviezen.map((a) => a.document.titel)).toEqual(['Ontwerpbegroting 2027 en meerjarenraming 2028–2030 (demodata)']);
    }
    const zorg = data!.bestuurscommissies.find((c) => c.programma.code === 'ZORG')!;
    expect(zorg.leden.map((l) => l.gemeente.cbsCode).sort()).toEqual(CBS_CODES);
  });

  it('een advies wordt vastgelegd, geaudit en is zichtbaar op het stuk; een tweede advies van dezelfde commissie is CONFLICT', async () => {
    const invoer = { programma: 'PARTICIPATIE', document: WIJZIGING_WGSW, datum: '2026-11-12', advies: 'Positief advies over de wijziging (test).' };
    const { data, errors } = await t.execute(ops.CommissieadviesVastleggenDocument, { invoer }, ALS.beheerder);
    expect(errors).toBeUndefined();
    expect(data!.commissieadviesVastleggen.document.adviezen.map((a) => a.commissie.naam)).toEqual(['Bestuurscommissie Participatie']);
    const nogmaals = await t.execute(ops.CommissieadviesVastleggenDocument, { invoer }, ALS.beheerder);
    expect(nogmaals.errors![0].extensions!.code).toBe('CONFLICT');
  });
});

describe('termijnregel wijzigen', () => {
  it('een kortere termijn van de beheerder verschuift de uiterste datum in de kalender, met audit', async () => {
    const voor = vanRegel(await kalender(), 'JAARREKENING_NAAR_GS')[0];
    expect([voor.uiterlijk, voor.status]).toEqual(['2026-07-14', 'GEDAAN']);
    const { errors } = await t.execute(
      ops.TermijnregelWijzigenDocument,
      { invoer: { code: 'JAARREKENING_NAAR_GS', soort: 'WEKEN_NA_UITERLIJK', weken: 1, naStap: 'VASTGESTELD', voorMaand: 7, voorDag: 15, jaarVerschil: 1 } },
      ALS.beheerder,
    );
    expect(errors).toBeUndefined();
    const na = vanRegel(await kalender(), 'JAARREKENING_NAAR_GS')[0];
    // Adopted 1 July + 1 week = 8 July; sent on 9 July is now a day late.
    expect([na.uiterlijk, na.gedaanOp, na.status]).toEqual(['2026-07-08', '2026-07-09', 'GEDAAN_TE_LAAT']);
    const audit = await t.sql<{ actie: string }>(`select actie from audit_log where entiteit = 'Termijnregel' order by id desc limit 1`);
    expect(audit).toEqual([{ actie: 'TERMIJNREGEL_GEWIJZIGD' }]);
  });

  it('alleen de beheerder wijzigt termijnregels', async () => {
    const { errors } = await t.execute(ops.TermijnregelWijzigenDocument, { invoer: { code: 'JAARREKENING_NAAR_GS', soort: 'VASTE_DATUM', voorMaand: 7, voorDag: 15, jaarVerschil: 1 } }, ALS.controller);
    expect(errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('wat komt eraan (pcKomendeTermijnen)', () => {
  it('geeft de open termijnen van de komende 8 weken en de verlopen, vroegste eerst, in de scope van de rol', async () => {
    const komend = async (weken: number | undefined, als = ALS.controller) => {
      const { data, errors } = await t.execute(ops.PcKomendeTermijnenDocument, { weken }, als);
      expect(errors).toBeUndefined();
      return data!.pcKomendeTermijnen;
    };
    // On 23 November 2026 the WGSW wijziging's term (18 January 2027) is within 8 weeks, not within 7.
    // (The ontwerpbegroting 2028 added above, term 24 November, is in both.)
    const wgsw = (rijen: Awaited<ReturnType<typeof komend>>) => rijen.filter((r) => r.regel.code === 'BEGROTINGSWIJZIGING_ZIENSWIJZE');
    const acht = await komend(undefined);
    // Seven raden were open; Zevenaar answered in a test above.
    expect(wgsw(acht).map((r) => [r.uiterlijk, r.status])).toEqual(Array(6).fill(['2027-01-18', 'OP_TIJD']));
    expect(wgsw(await komend(7))).toEqual([]);
    expect((await komend(7)).every((r) => r.uiterlijk! <= '2027-01-11')).toBe(true);
    // Arnhem has answered the wijziging; of the ontwerpbegroting 2028 it sees its own raad only.
    expect((await komend(8, ALS.gemeenteArnhem)).every((r) => r.gemeente?.cbsCode === 'GM0202')).toBe(true);
    expect(wgsw(await komend(8, ALS.gemeenteArnhem))).toEqual([]);
    // An uitvoeringsprogramma sent in August: its term ended on 24 October, the raden are overdue.
    const nieuw = await t.execute(ops.PcDocumentToevoegenDocument, { invoer: { soort: 'UITVOERINGSPROGRAMMA', jaar: 2027, titel: 'Uitvoeringsprogramma 2027 (test)', modules: ['RBL'] } }, ALS.beheerder);
    await t.execute(ops.PcDocumentVoorZienswijzeDocument, { id: nieuw.data!.pcDocumentToevoegen.id, verzondenOp: '2026-08-01' }, ALS.beheerder);
    const metVerlopen = await komend(8);
    const verlopen = metVerlopen.filter((r) => r.status === 'TE_LAAT');
    expect(verlopen.length).toBeGreaterThan(0);
    expect(new Set(verlopen.map((r) => r.uiterlijk))).toEqual(new Set(['2026-10-24']));
    expect(metVerlopen[0].status).toBe('TE_LAAT');
    expect((await t.execute(ops.PcKomendeTermijnenDocument, { weken: 99 }, ALS.controller)).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
