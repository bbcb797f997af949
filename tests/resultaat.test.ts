import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verdeel } from '../src/bijdrage/verdeling.service.js';
import { Decimal } from '../src/core/decimal.js';
import {
  AfrekeningDocument,
  BegrotingVastleggenDocument,
  ReserveInstellenDocument,
  BijdragenBerekenenDocument,
  JaarHeropenenDocument,
  JaarresultaatDocument,
  JaarresultatenDocument,
  ReservemutatieVastleggenDocument,
  ReservesDocument,
  ReservestandenDocument,
  ResultaatAfrekeningDocument,
  ResultaatbestemmingVastleggenDocument,
  BestemmingIntrekkenDocument,
  ResultaatbestemmingenDocument,
} from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

const som = (bedragen: string[]) => bedragen.reduce((s, b) => s.plus(b), new Decimal(0));

/** The result straight from the tables: (lasten − baten) na wijziging − (lasten − baten) of the jaarrekening. */
async function resultaatUitBegroting(module: string, jaar: number): Promise<string> {
  const [rij] = await t.sql<{ resultaat: string }>(
    `select ((nw.lasten - nw.baten) - (r.lasten - r.baten))::text as resultaat
     from jaarrekening r join module m on m.id = r.module_id
     join lateral (select b.lasten, b.baten from begroting b where b.module_id = r.module_id and b.jaar = r.jaar and b.soort in ('PRIMITIEF', 'WIJZIGING')
                   order by b.soort = 'WIJZIGING' desc, b.volgnummer desc limit 1) nw on true
     where m.code = ? and r.jaar = ?`,
    [module, jaar],
  );
  return rij.resultaat;
}

/** What a failed write must leave untouched. */
const tellingen = () =>
  t.sql<{ bestemmingen: string; regels: string; mutaties: string; reserves: string; audit: string }>(
    `select (select count(*) from resultaatbestemming) as bestemmingen, (select count(*) from resultaatbestemming_regel) as regels,
            (select count(*) from reservemutatie) as mutaties, (select count(*) from reserve) as reserves, (select count(*) from audit_log) as audit`,
  );

async function reserveId(naam: string): Promise<number> {
  const [r] = await t.sql<{ id: number }>('select id from reserve where naam = ?', [naam]);
  return r.id;
}

describe('jaarresultaat', () => {
  it('is exact de begrote netto lasten na wijziging min de gerealiseerde, voor elke module met een jaarrekening', async () => {
    for (const jaar of [2024, 2025]) {
      const { data, errors } = await t.execute(JaarresultatenDocument, { jaar });
      expect(errors).toBeUndefined();
      expect(data!.jaarresultaten.length).toBe(8);
      for (const r of data!.jaarresultaten) expect(r.resultaat, `${r.module.code} ${jaar}`).toBe(await resultaatUitBegroting(r.module.code, jaar));
    }
    const { data } = await t.execute(JaarresultaatDocument, { module: 'WGSW', jaar: 2025 });
    const wgsw = data!.jaarresultaat;
    expect(wgsw).toMatchObject({ resultaat: '2920101.40', uitkomst: 'VOORDELIG', nogTeBestemmen: '0.00' });
    expect(new Decimal(wgsw.begrootNaWijziging).minus(wgsw.gerealiseerd).toFixed(2)).toBe(wgsw.resultaat);
    expect(new Decimal(wgsw.lasten).minus(wgsw.baten).toFixed(2)).toBe(wgsw.gerealiseerd);
    const rbl = (await t.execute(JaarresultaatDocument, { module: 'RBL', jaar: 2025 })).data!.jaarresultaat;
    expect(rbl).toMatchObject({ resultaat: '-11740.99', uitkomst: 'NADELIG', nogTeBestemmen: '0.00' });
    expect(rbl.resultaatbestemming!.regels).toEqual([{ soort: 'ONTTREKKEN_AAN_RESERVE', bedrag: '11740.99', reserve: { naam: 'Egalisatiereserve RBL (demodata)' } }]);
  });

  it('is er nog niet zonder jaarrekening', async () => {
    const { errors } = await t.execute(JaarresultaatDocument, { module: 'WGSW', jaar: 2026 });
    expect(errors![0].extensions!.code).toBe('INVALID_STATUS');
    expect(errors![0].message).toContain('nog geen jaarrekening');
    const onbekend = await t.execute(JaarresultaatDocument, { module: 'BESTAATNIET', jaar: 2025 });
    expect(onbekend.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('demo: elke module heeft over 2025 een resultaatbestemming die het hele resultaat bestemt', async () => {
    const { data } = await t.execute(JaarresultatenDocument, { jaar: 2025 });
    for (const r of data!.jaarresultaten) {
      expect(r.resultaatbestemming, r.module.code).not.toBeNull();
      expect(r.nogTeBestemmen).toBe('0.00');
    }
  });
});

describe('afrekening volgens de resultaatbestemming', () => {
  it('WgSW 2025: de terugbetaling (resultaat min de toevoeging aan de reserve) naar de verdeelsleutel, tot op de cent', async () => {
    const { data, errors } = await t.execute(ResultaatAfrekeningDocument, { module: 'WGSW', jaar: 2025 }, ALS.gemeenteArnhem);
    expect(errors).toBeUndefined();
    const a = data!.afrekening;
    expect(a.grondslag).toBe('RESULTAATBESTEMMING');
    const terug = new Decimal('2920101.40').minus('500000.00');
    expect(a.totaal.teVerrekenen).toBe(terug.negated().toFixed(2));
    expect(a.totaal.uitkomst).toBe('TERUGONTVANGEN');
    expect(som(a.regels.map((r) => r.teVerrekenen)).toFixed(2)).toBe(a.totaal.teVerrekenen);
    // Independently: the key's units of 2025 (everyone took part all year), split with the largest remainder.
    const sleutel = await t.sql<{ cbs_code: string; eenheden: string }>(
      `select g.cbs_code, e.eenheden::text from verdeelsleutel_eenheid e join verdeelsleutel v on v.id = e.verdeelsleutel_id
       join module m on m.id = v.module_id join gemeente g on g.id = e.gemeente_id where m.code = 'WGSW' and v.jaar = 2025 order by g.cbs_code`,
    );
    const verwacht = verdeel(terug.negated(), sleutel.map((s) => ({ sleutel: s.cbs_code, gewicht: new Decimal(s.eenheden) })));
    expect(a.regels.map((r) => [r.gemeente!.cbsCode, r.teVerrekenen]).sort()).toEqual(verwacht.map((d) => [d.sleutel, d.bedrag.toFixed(2)]).sort());
    // Not the full difference any more: that would settle the whole result.
    expect(a.regels.some((r) => r.teVerrekenen !== new Decimal(r.gerealiseerd).minus(r.gefactureerd).toFixed(2))).toBe(true);
  });

  it('WSP 2025: het tekort bijbetalen door de gemeenten naar de sleutel', async () => {
    const a = (await t.execute(ResultaatAfrekeningDocument, { module: 'WSP', jaar: 2025 })).data!.afrekening;
    expect(a.grondslag).toBe('RESULTAATBESTEMMING');
    expect(a.totaal).toMatchObject({ teVerrekenen: '43314.42', uitkomst: 'BIJBETALEN' });
    expect(som(a.regels.map((r) => r.teVerrekenen)).toFixed(2)).toBe('43314.42');
  });

  it('zonder resultaatbestemming blijft de afrekening het volledige verschil (WgSW 2024)', async () => {
    const a = (await t.execute(ResultaatAfrekeningDocument, { module: 'WGSW', jaar: 2024 })).data!.afrekening;
    expect(a.grondslag).toBe('VOLLEDIG_VERSCHIL');
    for (const r of a.regels) expect(r.teVerrekenen).toBe(new Decimal(r.gerealiseerd).minus(r.gefactureerd).toFixed(2));
    expect(a.totaal.teVerrekenen).toBe(new Decimal(await resultaatUitBegroting('WGSW', 2024)).negated().toFixed(2));
    // The older operation (without grondslag) gives the same lines.
    const oud = (await t.execute(AfrekeningDocument, { module: 'WGSW', jaar: 2024 })).data!.afrekening;
    expect(oud.regels).toEqual(a.regels);
  });
});

describe('resultaatbestemming vastleggen', () => {
  const basis = { module: 'WGSW', jaar: 2024, omschrijving: 'Bestemming resultaat 2024 (test)' };

  it('weigert regels die niet exact optellen tot het resultaat, met het verschil, en schrijft niets', async () => {
    const voor = await tellingen();
    const { data, errors } = await t.execute(
      ResultaatbestemmingVastleggenDocument,
      { invoer: { ...basis, besluitOp: '2026-03-01', regels: [{ soort: 'TERUGBETALEN_AAN_GEMEENTEN', bedrag: '1155309.98' }] } },
      ALS.beheerder,
    );
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', verschil: '0.01' });
    expect(errors![0].message).toContain('verschil 0.01');
    expect(await tellingen()).toEqual(voor);
  });

  it('weigert een voorziening, een reserve van een andere module en een reserve die negatief zou worden', async () => {
    const voor = await tellingen();
    const voorziening = await reserveId('Voorziening boventallig personeel WgSW (demodata)');
    const rbl = await reserveId('Egalisatiereserve RBL (demodata)');
    const { errors } = await t.execute(
      ResultaatbestemmingVastleggenDocument,
      {
        invoer: {
          ...basis,
          besluitOp: '2026-03-01',
          regels: [
            { soort: 'TOEVOEGEN_AAN_RESERVE', bedrag: '1000.00', reserve: voorziening },
            { soort: 'TOEVOEGEN_AAN_RESERVE', bedrag: '1000.00', reserve: rbl },
            { soort: 'TERUGBETALEN_AAN_GEMEENTEN', bedrag: '1153309.99' },
          ],
        },
      },
      ALS.beheerder,
    );
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toContain('regel 1: "Voorziening boventallig personeel WgSW (demodata)" is een voorziening');
    expect(errors![0].message).toContain('regel 2: "Egalisatiereserve RBL (demodata)" is een reserve van RBL');
    const frictie = await reserveId('Bestemmingsreserve frictiekosten afbouw SW (demodata)');
    const teVeel = await t.execute(
      ResultaatbestemmingVastleggenDocument,
      {
        invoer: {
          ...basis,
          besluitOp: '2026-03-01',
          regels: [
            { soort: 'ONTTREKKEN_AAN_RESERVE', bedrag: '900000.00', reserve: frictie },
            { soort: 'TERUGBETALEN_AAN_GEMEENTEN', bedrag: '2055309.99' },
          ],
        },
      },
      ALS.beheerder,
    );
    expect(teVeel.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(teVeel.errors![0].message).toContain('kan niet negatief worden');
    expect(await tellingen()).toEqual(voor);
  });

  it('weigert reservemutaties in een afgesloten jaar: een besluit van juli 2025 boekt in 2025, dat dicht is', async () => {
    const voor = await tellingen();
    const frictie = await reserveId('Bestemmingsreserve frictiekosten afbouw SW (demodata)');
    const regels = [
      { soort: 'TOEVOEGEN_AAN_RESERVE' as const, bedrag: '100000.00', reserve: frictie },
      { soort: 'TERUGBETALEN_AAN_GEMEENTEN' as const, bedrag: '1055309.99' },
    ];
    const { errors } = await t.execute(ResultaatbestemmingVastleggenDocument, { invoer: { ...basis, besluitOp: '2025-07-15', regels } }, ALS.beheerder);
    expect(errors![0].extensions!.code).toBe('JAAR_AFGESLOTEN');
    expect(await tellingen()).toEqual(voor);
  });

  it('legt een kloppende bestemming vast met de reservemutatie, en de afrekening volgt haar', async () => {
    const frictie = await reserveId('Bestemmingsreserve frictiekosten afbouw SW (demodata)');
    const voor = await tellingen();
    const regels = [
      { soort: 'TOEVOEGEN_AAN_RESERVE' as const, bedrag: '155309.99', reserve: frictie },
      { soort: 'TERUGBETALEN_AAN_GEMEENTEN' as const, bedrag: '1000000.00' },
    ];
    const { data, errors } = await t.execute(ResultaatbestemmingVastleggenDocument, { invoer: { ...basis, besluitOp: '2026-03-01', regels } }, ALS.beheerder);
    expect(errors).toBeUndefined();
    expect(data!.resultaatbestemmingVastleggen).toMatchObject({ jaar: 2024, besluitOp: '2026-03-01', resultaat: '1155309.99' });
    const na = await tellingen();
    expect(Number(na.at(0)!.bestemmingen)).toBe(Number(voor[0].bestemmingen) + 1);
    expect(Number(na.at(0)!.mutaties)).toBe(Number(voor[0].mutaties) + 1);
    expect(Number(na.at(0)!.audit)).toBe(Number(voor[0].audit) + 1);
    const a = (await t.execute(ResultaatAfrekeningDocument, { module: 'WGSW', jaar: 2024 })).data!.afrekening;
    expect(a.grondslag).toBe('RESULTAATBESTEMMING');
    expect(a.totaal.teVerrekenen).toBe('-1000000.00');
    expect(som(a.regels.map((r) => r.teVerrekenen)).toFixed(2)).toBe('-1000000.00');
    const standen = (await t.execute(ReservestandenDocument, { jaar: 2026, module: 'WGSW' })).data!.reservestanden;
    expect(standen.find((s) => s.reserve.id === String(frictie))).toMatchObject({ beginstand: '250000.00', toevoegingen: '655309.99', eindstand: '905309.99' });
    const nogmaals = await t.execute(ResultaatbestemmingVastleggenDocument, { invoer: { ...basis, besluitOp: '2026-03-01', regels } }, ALS.beheerder);
    expect(nogmaals.errors![0].extensions!.code).toBe('CONFLICT');
  });
});

describe('reserves en voorzieningen', () => {
  it('leiden begin- en eindstand per jaar af uit de mutaties', async () => {
    const standen = (await t.execute(ReservestandenDocument, { jaar: 2025, module: 'WGSW' })).data!.reservestanden;
    const voorziening = standen.find((s) => s.reserve.soort === 'VOORZIENING')!;
    // 1.800.000 in 2019, 180.000 per jaar onttrokken (2019–2024: 6×) en 200.000 vrijval in 2024.
    expect(voorziening).toMatchObject({ beginstand: '520000.00', toevoegingen: '0.00', onttrekkingen: '180000.00', vrijval: '0.00', eindstand: '340000.00' });
    const { data } = await t.execute(ReservesDocument, { module: 'WGSW' });
    for (const r of data!.reserves) {
      const standen2026 = (await t.execute(ReservestandenDocument, { jaar: 2026, module: 'WGSW' })).data!.reservestanden.find((s) => s.reserve.id === r.id)!;
      const uitMutaties = r.mutaties.reduce((s, m) => (m.soort === 'TOEVOEGING' ? s.plus(m.bedrag) : s.minus(m.bedrag)), new Decimal(0));
      expect(standen2026.eindstand).toBe(uitMutaties.toFixed(2));
    }
  });

  it('worden nooit negatief, ook niet door een onttrekking met een eerdere datum', async () => {
    const rbl = await reserveId('Egalisatiereserve RBL (demodata)');
    const voor = await tellingen();
    // 60.000 − 11.740,99 (bestemming 1 juli 2026) = 48.259,01; 50.000 op 15 januari laat 1 juli negatief.
    const { data, errors } = await t.execute(
      ReservemutatieVastleggenDocument,
      { invoer: { reserve: rbl, soort: 'ONTTREKKING', datum: '2026-01-15', bedrag: '50000.00', reden: 'Test' } },
      ALS.beheerder,
    );
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', datum: '2026-07-01', stand: '-1740.99' });
    expect(await tellingen()).toEqual(voor);
    const ok = await t.execute(
      ReservemutatieVastleggenDocument,
      { invoer: { reserve: rbl, soort: 'ONTTREKKING', datum: '2026-08-01', bedrag: '48259.01', reden: 'Leegmaken mag (test)' } },
      ALS.beheerder,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.reservemutatieVastleggen).toMatchObject({ jaar: 2026, bedrag: '48259.01' });
  });

  it('wacht op een gelijktijdige onttrekking (een andere instantie) en weigert dan wat samen te veel is', async () => {
    const nieuw = await t.execute(
      ReserveInstellenDocument,
      { invoer: { module: null, soort: 'ALGEMENE_RESERVE', naam: 'Gelijktijdig (test)', doel: 'test', ingesteldOp: '2026-01-01' } },
      ALS.beheerder,
    );
    const reserve = Number(nieuw.data!.reserveInstellen.id);
    await t.execute(ReservemutatieVastleggenDocument, { invoer: { reserve, soort: 'TOEVOEGING', datum: '2026-02-01', bedrag: '100.00', reden: 'Begin' } }, ALS.beheerder);
    // Another write is in the middle of its own onttrekking of 60 and has not committed (its row's foreign
    // key holds a share lock on the reserve, which the hub's FOR UPDATE waits for).
    const ander = new pg.Client({ connectionString: t.orm.config.get('clientUrl') });
    await ander.connect();
    try {
      await ander.query('begin');
      await ander.query(
        "insert into reservemutatie (reserve_id, soort, datum, bedrag, reden, vastgelegd_op, vastgelegd_door) values ($1, 'ONTTREKKING', '2026-03-01', 60, 'Andere instantie', now(), 'test')",
        [reserve],
      );
      const hier = t.execute(ReservemutatieVastleggenDocument, { invoer: { reserve, soort: 'ONTTREKKING', datum: '2026-03-01', bedrag: '60.00', reden: 'Hier' } }, ALS.beheerder);
      await new Promise((klaar) => setTimeout(klaar, 300));
      await ander.query('commit');
      const { errors } = await hier;
      expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    } finally {
      await ander.end();
    }
    const [{ stand }] = await t.sql<{ stand: string }>(
      "select sum(case when soort = 'TOEVOEGING' then bedrag else -bedrag end)::text as stand from reservemutatie where reserve_id = ?",
      [reserve],
    );
    expect(stand).toBe('40.00');
  });

  it('vrijval alleen bij een voorziening; geen mutatie in een afgesloten jaar van de module', async () => {
    const voor = await tellingen();
    const frictie = await reserveId('Bestemmingsreserve frictiekosten afbouw SW (demodata)');
    const vrijval = await t.execute(
      ReservemutatieVastleggenDocument,
      { invoer: { reserve: frictie, soort: 'VRIJVAL', datum: '2026-08-01', bedrag: '1.00', reden: 'Test' } },
      ALS.beheerder,
    );
    expect(vrijval.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', veld: 'soort' });
    const voorziening = await reserveId('Voorziening boventallig personeel WgSW (demodata)');
    const gesloten = await t.execute(
      ReservemutatieVastleggenDocument,
      { invoer: { reserve: voorziening, soort: 'VRIJVAL', datum: '2025-12-31', bedrag: '1.00', reden: 'Test' } },
      ALS.beheerder,
    );
    expect(gesloten.errors![0].extensions!.code).toBe('JAAR_AFGESLOTEN');
    expect(await tellingen()).toEqual(voor);
  });
});

describe('een jaarrekening gewijzigd na het besluit', () => {
  it('verandert het resultaat, niet wat het AB besloot: de afrekening verrekent de besloten bedragen, de rest is nog te bestemmen', async () => {
    const heropend = await t.execute(JaarHeropenenDocument, { module: 'WSP', jaar: 2025, reden: 'Een begrotingswijziging alsnog verwerken (test).' }, ALS.beheerder);
    expect(heropend.errors).toBeUndefined();
    const wijziging = await t.execute(
      BegrotingVastleggenDocument,
      { invoer: { module: 'WSP', jaar: 2025, soort: 'WIJZIGING', lasten: '2500000.00', baten: '421386.63', vastgesteldOp: '2025-12-01', omschrijving: 'Wijziging (test)' } },
      ALS.beheerder,
    );
    expect(wijziging.errors).toBeUndefined();
    const volgnummer = wijziging.data!.begrotingVastleggen.volgnummer;
    expect((await t.execute(BijdragenBerekenenDocument, { module: 'WSP', jaar: 2025, soort: 'WIJZIGING', volgnummer })).errors).toBeUndefined();
    const r = (await t.execute(JaarresultaatDocument, { module: 'WSP', jaar: 2025 })).data!.jaarresultaat;
    // Begroot na wijziging 2.078.613,37 − gerealiseerd 2.009.073,72; the AB decided on −43.314,42.
    expect(r).toMatchObject({ begrootNaWijziging: '2078613.37', resultaat: '69539.65', resultaatbestemming: { resultaat: '-43314.42' }, nogTeBestemmen: '112854.07' });
    expect(r.resultaat).toBe(await resultaatUitBegroting('WSP', 2025));
    const a = (await t.execute(ResultaatAfrekeningDocument, { module: 'WSP', jaar: 2025 })).data!.afrekening;
    expect(a.grondslag).toBe('RESULTAATBESTEMMING');
    expect(a.totaal.teVerrekenen).toBe('43314.42');
    expect(a.totaal.gefactureerd).toBe('2078613.37');
  });
});

describe('een resultaatbestemming intrekken', () => {
  const frictie = 'Bestemmingsreserve frictiekosten afbouw SW (demodata)';
  const vandaag = NU.toISOString().slice(0, 10);
  const mutatiesVan = async (reserve: number) =>
    t.sql<{ soort: string; datum: string; bedrag: string }>(`select soort, datum::text as datum, bedrag::text as bedrag from reservemutatie where reserve_id = ? order by id`, [reserve]);

  it('boekt de reservemutaties terug op de dag van intrekking, bewaart het besluit, en laat een nieuw besluit toe dat de afrekening dan volgt', async () => {
    const reserve = await reserveId(frictie);
    const voor = await tellingen();
    const kort = await t.execute(BestemmingIntrekkenDocument, { module: 'WGSW', jaar: 2025, reden: 'kort' }, ALS.beheerder);
    expect(kort.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', veld: 'reden' });
    expect(await tellingen()).toEqual(voor);
    const standen = async (jaar: number) => (await t.execute(ReservestandenDocument, { jaar })).data!.reservestanden.find((s) => s.reserve.id === String(reserve))!;
    const stand2025 = await standen(2025);
    const stand2026 = await standen(2026);
    const mutatiesVoor = await mutatiesVan(reserve);

    const reden = 'Het algemeen bestuur herroept het besluit en neemt een nieuw (test).';
    const { data, errors } = await t.execute(BestemmingIntrekkenDocument, { module: 'WGSW', jaar: 2025, reden }, ALS.beheerder);
    expect(errors).toBeUndefined();
    expect(data!.resultaatbestemmingIntrekken).toMatchObject({ jaar: 2025, ingetrokkenOp: vandaag, redenIntrekking: reden });
    // The 500.000 added to the reserve is taken back today; every earlier stand stays as it was reported.
    expect(await mutatiesVan(reserve)).toEqual([...mutatiesVoor, { soort: 'ONTTREKKING', datum: vandaag, bedrag: '500000.00' }]);
    expect(await standen(2025)).toEqual(stand2025);
    expect((await standen(2026)).eindstand).toBe(new Decimal(stand2026.eindstand).minus('500000.00').toFixed(2));
    const [auditregel] = await t.sql<{ na: { tegenboekingen: unknown[] } }>(`select na from audit_log where actie = 'RESULTAATBESTEMMING_INGETROKKEN'`);
    expect(auditregel.na.tegenboekingen).toEqual([{ reserve, soort: 'ONTTREKKING', bedrag: '500000.00' }]);

    // No decision in force: the whole result is to be decided, the afrekening is the full difference.
    const r = (await t.execute(JaarresultaatDocument, { module: 'WGSW', jaar: 2025 })).data!.jaarresultaat;
    expect(r.resultaatbestemming).toBeNull();
    expect(r.nogTeBestemmen).toBe(r.resultaat);
    expect((await t.execute(ResultaatAfrekeningDocument, { module: 'WGSW', jaar: 2025 })).data!.afrekening.grondslag).toBe('VOLLEDIG_VERSCHIL');
    const nogmaals = await t.execute(BestemmingIntrekkenDocument, { module: 'WGSW', jaar: 2025, reden }, ALS.beheerder);
    expect(nogmaals.errors![0].extensions!.code).toBe('INVALID_STATUS');

    // The new decision: 100.000 to the reserve, the rest back to the gemeenten.
    const naarReserve = '100000.00';
    const nieuw = await t.execute(
      ResultaatbestemmingVastleggenDocument,
      {
        invoer: {
          module: 'WGSW',
          jaar: 2025,
          besluitOp: vandaag,
          omschrijving: 'Nieuw besluit (test)',
          regels: [
            { soort: 'TOEVOEGEN_AAN_RESERVE', bedrag: naarReserve, reserve },
            { soort: 'TERUGBETALEN_AAN_GEMEENTEN', bedrag: new Decimal(r.resultaat).minus(naarReserve).toFixed(2) },
          ],
        },
      },
      ALS.beheerder,
    );
    expect(nieuw.errors).toBeUndefined();
    const a = (await t.execute(ResultaatAfrekeningDocument, { module: 'WGSW', jaar: 2025 })).data!.afrekening;
    expect(a.grondslag).toBe('RESULTAATBESTEMMING');
    expect(a.totaal.teVerrekenen).toBe(new Decimal(r.resultaat).minus(naarReserve).negated().toFixed(2));
    expect(som(a.regels.map((x) => x.teVerrekenen)).toFixed(2)).toBe(a.totaal.teVerrekenen);
    const besluiten = (await t.execute(ResultaatbestemmingenDocument, { jaar: 2025, module: 'WGSW' }, ALS.gemeenteArnhem)).data!.resultaatbestemmingen;
    expect(besluiten.map((b) => [b.ingetrokkenOp, b.redenIntrekking])).toEqual([
      [vandaag, reden],
      [null, null],
    ]);
    expect((await t.execute(JaarresultaatDocument, { module: 'WGSW', jaar: 2025 })).data!.jaarresultaat.nogTeBestemmen).toBe('0.00');
  });

  it('weigert als de reserve sindsdien is gebruikt en onder nul zou komen, en verandert dan niets', async () => {
    const reserve = await reserveId(frictie);
    const stand = (await t.execute(ReservestandenDocument, { jaar: 2026 })).data!.reservestanden.find((s) => s.reserve.id === String(reserve))!.eindstand;
    // Everything but 50.000 is spent today, so taking back the 100.000 of the decision would leave −50.000.
    const besteed = await t.execute(
      ReservemutatieVastleggenDocument,
      { invoer: { reserve, soort: 'ONTTREKKING', datum: vandaag, bedrag: new Decimal(stand).minus('50000.00').toFixed(2), reden: 'Frictiekosten (test)' } },
      ALS.beheerder,
    );
    expect(besteed.errors).toBeUndefined();
    const voor = await tellingen();
    const { errors } = await t.execute(BestemmingIntrekkenDocument, { module: 'WGSW', jaar: 2025, reden: 'Nog een herroeping (test).' }, ALS.beheerder);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', stand: '-50000.00' });
    expect(errors![0].message).toContain('kan niet negatief worden');
    expect(await tellingen()).toEqual(voor);
    const geldend = (await t.execute(ResultaatbestemmingenDocument, { jaar: 2025, module: 'WGSW' })).data!.resultaatbestemmingen.filter((b) => b.ingetrokkenOp === null);
    expect(geldend).toHaveLength(1);
  });
});

describe('leespad', () => {
  it('leest reserves met mutaties en standen in een vast aantal statements, hoeveel rijen er ook zijn', async () => {
    const tel = async () => {
      t.statements.length = 0;
      const reserves = await t.execute(ReservesDocument, {});
      const standen = await t.execute(ReservestandenDocument, { jaar: 2026 });
      const resultaten = await t.execute(JaarresultatenDocument, { jaar: 2025 });
      expect([reserves.errors, standen.errors, resultaten.errors]).toEqual([undefined, undefined, undefined]);
      return { aantal: t.statements.length, reserves: reserves.data!.reserves.length, mutaties: reserves.data!.reserves.flatMap((r) => r.mutaties).length };
    };
    const voor = await tel();
    for (let i = 0; i < 5; i++) {
      const nieuw = await t.execute(
        ReserveInstellenDocument,
        { invoer: { module: i % 2 ? 'WSP' : null, soort: 'BESTEMMINGSRESERVE', naam: `Leespad ${i}`, doel: 'test', ingesteldOp: '2026-01-01' } },
        ALS.beheerder,
      );
      const reserve = Number(nieuw.data!.reserveInstellen.id);
      for (const bedrag of ['2.00', '1.00']) {
        const m = await t.execute(ReservemutatieVastleggenDocument, { invoer: { reserve, soort: 'TOEVOEGING', datum: '2026-09-01', bedrag, reden: `Leespad ${i}` } }, ALS.beheerder);
        expect(m.errors).toBeUndefined();
      }
    }
    const na = await tel();
    expect([na.reserves, na.mutaties]).toEqual([voor.reserves + 5, voor.mutaties + 10]);
    expect(na.aantal).toBe(voor.aantal);
  });
});
