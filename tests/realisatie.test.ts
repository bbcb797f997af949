import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { BestuursrapportageDocument, RealisatieDocument, RealisatieVastleggenDocument, type RealisatieInvoer } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { dataStatements, startTestHub, type TestHub } from './helpers/test-hub.js';
import { NU } from './helpers/scenario.js';

// The demo region has realised figures for 2026 quarters 1–3 per budgeted module (src/demo/demo-realisatie.ts).

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

const codes = (errors: readonly { extensions?: { code?: unknown } }[] | undefined) => errors?.map((e) => e.extensions?.code);

/** Everything realisatieVastleggen may touch: the rows, the forecasts and the audit log. */
async function momentopname() {
  const regels = await t.sql('select module_id, jaar, kwartaal, taakveld, categorie, kant, bedrag::text from realisatie order by id');
  const prognoses = await t.sql('select module_id, jaar, kwartaal, lasten::text, baten::text, toelichting from realisatie_prognose order by id');
  const [{ n }] = await t.sql<{ n: string }>('select count(*) as n from audit_log');
  return { regels, prognoses, audit: Number(n) };
}

const WSP_Q3: RealisatieInvoer = {
  module: 'WSP',
  jaar: 2026,
  kwartaal: 3,
  regels: [
    { taakveld: '6.5', categorie: '1.1', kant: 'LASTEN', bedrag: '310000.10' },
    { taakveld: '6.5', categorie: '3.5.1', kant: 'LASTEN', bedrag: '45000.00' },
    { taakveld: '6.5', categorie: '3.8', kant: 'LASTEN', bedrag: '120000.05' },
    { taakveld: '6.5', categorie: '4.3.2', kant: 'BATEN', bedrag: '400000.00' },
    { taakveld: '6.5', categorie: '3.8', kant: 'BATEN', bedrag: '1234.56' },
  ],
  prognose: { lasten: '1900000.00', baten: '5000.00', toelichting: '- minder inhuur dan begroot' },
};

describe('realisatieVastleggen', () => {
  it('legt een kwartaal vast: per cel, per kwartaal, met de bestuursrapportage van dat kwartaal', async () => {
    const voor = await momentopname();
    const { data, errors } = await t.execute(RealisatieVastleggenDocument, { invoer: WSP_Q3 }, ALS.modulemanagerWsp);
    expect(errors).toBeUndefined();
    const { regels, bestuursrapportage: b } = data!.realisatieVastleggen;
    expect(regels.map((r) => `${r.kant} ${r.taakveld} ${r.categorie} ${r.bedrag}`)).toEqual([
      'LASTEN 6.5 1.1 310000.10',
      'LASTEN 6.5 3.5.1 45000.00',
      'LASTEN 6.5 3.8 120000.05',
      'BATEN 6.5 3.8 1234.56',
      'BATEN 6.5 4.3.2 400000.00',
    ]);
    expect(regels[0]).toMatchObject({ taakveldNaam: 'Arbeidsparticipatie', categorieNaam: 'Salarissen en sociale lasten' });
    expect(b).toMatchObject({
      kwartaal: 3,
      gerealiseerdLasten: '475000.15',
      gerealiseerdBaten: '1234.56',
      bijdragenGemeenten: '400000.00',
      prognoseLasten: '1900000.00',
      prognoseBaten: '5000.00',
      prognoseToelichting: '- minder inhuur dan begroot',
    });
    // Year-to-date is the sum of quarters 1..3, exact.
    const kwartalen = (await t.execute(BestuursrapportageDocument, { jaar: 2026, module: 'WSP' }, ALS.gemeenteArnhem)).data!.bestuursrapportage;
    expect(kwartalen.map((k) => k.kwartaal)).toEqual([1, 2, 3]);
    const som = (veld: 'gerealiseerdLasten' | 'gerealiseerdBaten' | 'bijdragenGemeenten') => kwartalen.reduce((s, k) => s.plus(k[veld]), new Decimal(0)).toFixed(2);
    expect(b!.gerealiseerdLastenTotNu).toBe(som('gerealiseerdLasten'));
    expect(b!.gerealiseerdBatenTotNu).toBe(som('gerealiseerdBaten'));
    expect(b!.bijdragenGemeentenTotNu).toBe(som('bijdragenGemeenten'));
    kwartalen.forEach((k, i) => {
      const totNu = kwartalen.slice(0, i + 1).reduce((s, x) => s.plus(x.gerealiseerdLasten), new Decimal(0)).toFixed(2);
      expect(k.gerealiseerdLastenTotNu, `kwartaal ${k.kwartaal}`).toBe(totNu);
    });
    const na = await momentopname();
    expect(na.audit).toBe(voor.audit + 1);
    const [audit] = await t.sql<{ actie: string; entiteit_id: string; wie: string }>('select actie, entiteit_id, wie from audit_log order by id desc limit 1');
    expect(audit).toMatchObject({ actie: 'REALISATIE_VASTGELEGD', entiteit_id: 'WSP/2026/3' });
    expect(audit.wie).toContain('manager-wsp');
  });

  it('dezelfde cijfers nog eens vastleggen verandert niets: geen nieuwe rijen, geen auditregel (andere volgorde of toelichting met spaties telt niet)', async () => {
    const { errors } = await t.execute(RealisatieVastleggenDocument, { invoer: WSP_Q3 }, ALS.beheerder);
    expect(errors).toBeUndefined();
    const voor = await momentopname();
    const ids = await t.sql('select id from realisatie order by id');
    const zelfde = { ...WSP_Q3, regels: [...WSP_Q3.regels].reverse(), prognose: { ...WSP_Q3.prognose!, toelichting: ` ${WSP_Q3.prognose!.toelichting} ` } };
    expect((await t.execute(RealisatieVastleggenDocument, { invoer: zelfde }, ALS.beheerder)).errors).toBeUndefined();
    expect(await momentopname()).toEqual(voor);
    expect(await t.sql('select id from realisatie order by id')).toEqual(ids);
    // One cent more is a change, audited.
    const anders = { ...WSP_Q3, regels: WSP_Q3.regels.map((r, i) => (i === 0 ? { ...r, bedrag: '310000.11' } : r)) };
    expect((await t.execute(RealisatieVastleggenDocument, { invoer: anders }, ALS.beheerder)).errors).toBeUndefined();
    expect((await momentopname()).audit).toBe(voor.audit + 1);
  });

  it('vervangt het kwartaal als geheel: een cel die ontbreekt verdwijnt, andere kwartalen blijven', async () => {
    const anderKwartaal = await t.execute(RealisatieDocument, { jaar: 2026, module: 'WSP', kwartaal: 2 }, ALS.controller);
    const { errors } = await t.execute(
      RealisatieVastleggenDocument,
      { invoer: { ...WSP_Q3, regels: [{ taakveld: '6.5', categorie: '1.1', kant: 'LASTEN', bedrag: '1.00' }], prognose: null } },
      ALS.beheerder,
    );
    expect(errors).toBeUndefined();
    const { data } = await t.execute(RealisatieDocument, { jaar: 2026, module: 'WSP', kwartaal: 3 }, ALS.controller);
    expect(data!.realisatie.map((r) => `${r.categorie} ${r.bedrag}`)).toEqual(['1.1 1.00']);
    expect((await t.execute(RealisatieDocument, { jaar: 2026, module: 'WSP', kwartaal: 2 }, ALS.controller)).data).toEqual(anderKwartaal.data);
    const [q3] = (await t.execute(BestuursrapportageDocument, { jaar: 2026, module: 'WSP' }, ALS.controller)).data!.bestuursrapportage.filter((k) => k.kwartaal === 3);
    expect(q3).toMatchObject({ gerealiseerdLasten: '1.00', gerealiseerdBaten: '0.00', prognoseLasten: null });
  });
});

describe('realisatieVastleggen weigert, en schrijft dan niets', () => {
  const geweigerd = async (invoer: RealisatieInvoer, code: string, als = ALS.beheerder) => {
    const voor = await momentopname();
    const { data, errors } = await t.execute(RealisatieVastleggenDocument, { invoer }, als);
    expect(data).toBeNull();
    expect(codes(errors)).toEqual([code]);
    expect(await momentopname()).toEqual(voor);
    return errors![0];
  };
  const regel = (taakveld: string, categorie: string, kant: 'LASTEN' | 'BATEN', bedrag = '10.00') => ({ taakveld, categorie, kant, bedrag }) as const;

  it('een taakveld dat dat jaar niet bestaat', async () => {
    const fout = await geweigerd({ ...WSP_Q3, regels: [regel('6.72', '1.1', 'LASTEN')] }, 'BAD_USER_INPUT');
    expect(fout.extensions!.problemen).toEqual(['regel 1 (6.72 × 1.1, lasten): taakveld 6.72 staat in 2026 niet in de BBV-lijst van taakvelden (query taakvelden)']);
  });

  it('een categorie buiten de Iv3-lijst, of aan de verkeerde kant', async () => {
    const fout = await geweigerd({ ...WSP_Q3, regels: [regel('6.5', '9.9', 'LASTEN'), regel('6.5', '4.1.2', 'LASTEN'), regel('6.5', '1.1', 'BATEN')] }, 'BAD_USER_INPUT');
    expect(fout.extensions!.problemen).toEqual([
      expect.stringContaining('categorie 9.9 staat niet in de Iv3-lijst van lastencategorieën'),
      'regel 2 (6.5 × 4.1.2, lasten): categorie 4.1.2 is een batencategorie en hoort niet aan de lastenkant',
      'regel 3 (6.5 × 1.1, baten): categorie 1.1 is een lastencategorie en hoort niet aan de batenkant',
    ]);
  });

  it('een verboden combinatie (grijze cel): 0.10 alleen met 7.1, 7.1 alleen op 0.10/0.11, rente alleen op 0.5, geen 6.1', async () => {
    const fout = await geweigerd(
      { ...WSP_Q3, regels: [regel('0.10', '3.8', 'LASTEN'), regel('6.5', '7.1', 'BATEN'), regel('6.5', '5.1', 'LASTEN'), regel('0.5', '6.1', 'LASTEN')] },
      'BAD_USER_INPUT',
    );
    expect(fout.extensions!.problemen).toEqual([
      'regel 1 (0.10 × 3.8, lasten): taakveld 0.10 gaat alleen samen met categorie 7.1 (Mutatie reserves), niet met 3.8',
      'regel 2 (6.5 × 7.1, baten): categorie 7.1 (Mutatie reserves) hoort alleen op taakveld 0.10 of 0.11, niet op 6.5',
      'regel 3 (6.5 × 5.1, lasten): categorie 5.1 (Rente) hoort aan de lastenkant alleen op taakveld 0.5 Treasury, niet op 6.5',
      'regel 4 (0.5 × 6.1, lasten): categorie 6.1 (Financiële transacties) hoort op de balans, niet op een taakveld',
    ]);
    // 0.10 with 7.1 is the place for mutaties reserves; rente on 0.5 Treasury.
    const { errors } = await t.execute(RealisatieVastleggenDocument, { invoer: { ...WSP_Q3, regels: [regel('0.10', '7.1', 'LASTEN'), regel('0.5', '5.1', 'LASTEN')] } }, ALS.beheerder);
    expect(errors).toBeUndefined();
  });

  it('een negatief bedrag, een cel die twee keer voorkomt, een negatieve prognose', async () => {
    const fout = await geweigerd(
      { ...WSP_Q3, regels: [regel('6.5', '1.1', 'LASTEN', '-5.00'), regel('6.5', '3.8', 'LASTEN'), regel('6.5', '3.8', 'LASTEN')], prognose: { lasten: '-1.00', baten: '0.00' } },
      'BAD_USER_INPUT',
    );
    expect(fout.extensions!.problemen).toEqual([
      'regel 1 (6.5 × 1.1, lasten): een bedrag kan niet negatief zijn; corrigeer het kwartaal door het opnieuw vast te leggen',
      'regel 3 (6.5 × 3.8, lasten): deze cel staat meer dan eens in het kwartaal; tel de bedragen op tot één regel',
      'prognose: lasten en baten kunnen niet negatief zijn',
    ]);
  });

  it('een kwartaal dat nog niet begonnen is, en een ongeldig kwartaal', async () => {
    const fout = await geweigerd({ ...WSP_Q3, jaar: 2027, kwartaal: 1 }, 'BAD_USER_INPUT');
    expect(fout.message).toBe('Kwartaal 1 van 2027 begint pas op 2027-01-01; leg de realisatie vast als het kwartaal loopt of voorbij is.');
    await geweigerd({ ...WSP_Q3, kwartaal: 5 }, 'BAD_USER_INPUT');
  });

  it('een afgesloten jaar: JAAR_AFGESLOTEN', async () => {
    const fout = await geweigerd({ ...WSP_Q3, jaar: 2025 }, 'JAAR_AFGESLOTEN');
    expect(fout.message).toMatch(/^Het jaar 2025 van WSP is afgesloten .*de realisatie vastleggen kan daarom niet/);
  });

  it('de modulemanager van een andere module: FORBIDDEN', async () => {
    const fout = await geweigerd(WSP_Q3, 'FORBIDDEN', ALS.modulemanagerWgsw);
    expect(fout.message).toBe('U bent geen modulemanager van WSP en kunt de realisatie van die module niet vastleggen.');
    await geweigerd({ ...WSP_Q3, module: 'BESTAAT-NIET' }, 'NOT_FOUND', ALS.modulemanagerWgsw);
  });

  it('een controller of gemeente: FORBIDDEN', async () => {
    await geweigerd(WSP_Q3, 'FORBIDDEN', ALS.controller);
    await geweigerd(WSP_Q3, 'FORBIDDEN', ALS.gemeenteArnhem);
  });

  it('ook de database houdt een afgesloten jaar dicht', async () => {
    await expect(
      t.sql(`insert into realisatie (module_id, jaar, kwartaal, taakveld, categorie, kant, bedrag) select id, 2025, 1, '6.5', '1.1', 'LASTEN', 1 from module where code = 'WSP'`),
    ).rejects.toThrow(/afgesloten/);
  });
});

describe('bestuursrapportage', () => {
  it('geeft per module en kwartaal de begroting na wijziging, de prognose en de realisatie van de demoregio', async () => {
    const { data, errors } = await t.execute(BestuursrapportageDocument, { jaar: 2026, module: 'WGSW' }, ALS.dashboardRegio);
    expect(errors).toBeUndefined();
    const regels = data!.bestuursrapportage;
    expect(regels.map((r) => r.kwartaal)).toEqual([1, 2, 3]);
    // Begroot is the current amendment (wijziging 1 of 2026, contributions computed), as in the cost overview.
    const [naWijziging] = await t.sql<{ lasten: string; baten: string }>(
      `select b.lasten::text, b.baten::text from begroting b join module m on m.id = b.module_id where m.code = 'WGSW' and b.jaar = 2026 and b.soort = 'WIJZIGING' and b.volgnummer = 1`,
    );
    for (const r of regels) {
      expect(r.begrootLasten).toBe(naWijziging.lasten);
      expect(r.begrootBaten).toBe(naWijziging.baten);
      expect(r.prognoseLasten).not.toBeNull();
      expect(r.prognoseToelichting).toContain('(demodata)');
    }
    // Three quarters of lasten are about three quarters of the budget (demodata within ± 4 % per quarter).
    const aandeel = new Decimal(regels[2].gerealiseerdLastenTotNu).div(naWijziging.lasten).toNumber();
    expect(aandeel).toBeGreaterThan(0.72);
    expect(aandeel).toBeLessThan(0.78);
    // The contributions recorded as baten 4.3.2 are kept apart from the other baten.
    expect(new Decimal(regels[0].bijdragenGemeenten).toNumber()).toBeGreaterThan(new Decimal(regels[0].gerealiseerdBaten).toNumber());
  });
});

describe('leespad', () => {
  it('de bestuursrapportage en de realisatie van alle modules kosten elk een vast aantal statements, hoeveel rijen ook', async () => {
    t.statements.length = 0;
    const rapportage = await t.execute(BestuursrapportageDocument, { jaar: 2026 }, ALS.controller);
    expect(rapportage.data!.bestuursrapportage.length).toBeGreaterThan(10);
    // The report in one statement, the modules it names in one more (the request's loader).
    expect(dataStatements(t.statements)).toHaveLength(2);
    t.statements.length = 0;
    const regels = await t.execute(RealisatieDocument, { jaar: 2026 }, ALS.controller);
    expect(regels.data!.realisatie.length).toBeGreaterThan(50);
    expect(dataStatements(t.statements)).toHaveLength(2);
  });
});
