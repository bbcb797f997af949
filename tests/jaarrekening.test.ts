import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BegrotingenVanJaarDocument,
  GerealiseerdeBijdragenBerekenenDocument,
  JaarHeropenenDocument,
  JaarrekeningAuditDocument,
  JaarrekeningDocument,
  JaarrekeningenDocument,
  JaarrekeningGeldDocument,
  JaarrekeningVastleggenDocument,
  PcDocumentToevoegenDocument,
} from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { somBedrag } from './helpers/som.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// The jaarrekening is its own object (issue [14]): not a budget version, one per module and year,
// the source of the realised contributions. The demo region has them up to and including 2025.

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

const codes = (errors: readonly { extensions?: { code?: unknown } }[] | undefined) => errors?.map((e) => e.extensions?.code);
const heropen = (module: string, jaar: number) =>
  t.execute(JaarHeropenenDocument, { module, jaar, reden: 'Accountant vond een fout in de lasten (test).' }, ALS.beheerder);

/** Every money path's realised figure of a module's year, in one request. */
async function geld(module: string, jaar: number) {
  const where = { module: { eq: module }, jaar: { eq: jaar }, fase: { eq: 'GEREALISEERD' as const } };
  const { data, errors } = await t.execute(JaarrekeningGeldDocument, { module, jaar, where }, ALS.controller);
  expect(errors).toBeUndefined();
  return data!;
}

describe('de jaarrekening als eigen object', () => {
  it('staat niet tussen de begrotingsversies, wel als jaarrekening met het P&C-stuk dat haar draagt', async () => {
    const versies = await t.execute(BegrotingenVanJaarDocument, { jaar: 2025 }, ALS.gemeenteArnhem);
    expect(new Set(versies.data!.begrotingen.map((b) => b.soort))).toEqual(new Set(['PRIMITIEF', 'WIJZIGING']));

    const { data } = await t.execute(JaarrekeningDocument, { module: 'WGSW', jaar: 2025 }, ALS.gemeenteArnhem);
    expect(data!.jaarrekening).toMatchObject({ jaar: 2025, vastgesteldOp: '2026-07-01', module: { code: 'WGSW' } });
    expect(data!.jaarrekening.pcDocumenten.map((d) => d.soort)).toEqual(['JAARREKENING']);
    const geen = await t.execute(JaarrekeningDocument, { module: 'WGSW', jaar: 2026 }, ALS.gemeenteArnhem);
    expect(codes(geen.errors)).toEqual(['NOT_FOUND']);
    expect(geen.errors![0].message).toBe('WGSW heeft over 2026 (nog) geen jaarrekening; een beheerder legt die vast met jaarrekeningVastleggen.');
    const onbekend = await t.execute(JaarrekeningDocument, { module: 'BESTAATNIET', jaar: 2025 }, ALS.gemeenteArnhem);
    expect(codes(onbekend.errors)).toEqual(['NOT_FOUND']);

    const lijst = await t.execute(JaarrekeningenDocument, { jaar: 2025, modules: ['WSP', 'RBL'] }, ALS.controller);
    expect(lijst.data!.jaarrekeningen.map((j) => `${j.module.code}/${j.jaar}`)).toEqual(['RBL/2025', 'WSP/2025']);
  });

  it('is de bron van de gerealiseerde bijdragen, en elk geldpad telt precies die', async () => {
    const { data } = await t.execute(JaarrekeningDocument, { module: 'WSP', jaar: 2025 }, ALS.controller);
    const netto = data!.jaarrekening.nettoLasten;
    const g = await geld('WSP', 2025);
    expect(g.bijdragen.totalCount).toBe(9);
    expect(g.bijdragen.nodes.every((b) => b.actueel && b.begroting === null && b.jaarrekening?.nettoLasten === netto)).toBe(true);
    expect(somBedrag(g.bijdragen.nodes.map((b) => b.bedrag))).toBe(netto);
    expect(g.kostenoverzicht.regio!.gerealiseerd).toBe(netto);
    expect(g.bijdrageTotalen).toEqual([{ fase: 'GEREALISEERD', som: netto, aantal: 9 }]);
    // With every version: the realised contributions are one group without a budget version.
    expect(g.alleVersies).toEqual([{ fase: 'GEREALISEERD', versie: null, som: netto }]);
    expect(g.afrekening.totaal.gerealiseerd).toBe(netto);
    expect(g.jaarresultaat.gerealiseerd).toBe(netto);
  });

  it('laat de database geen bijdrage toe met twee of geen bron, of een gerealiseerde uit een begroting', async () => {
    const [rij] = await t.sql<{ id: number; begroting_id: number | null; jaarrekening_id: number | null }>(
      `select b.id, b.begroting_id, b.jaarrekening_id from bijdrage b join module m on m.id = b.module_id
       where m.code = 'WSP' and b.jaar = 2026 and b.fase = 'BEGROOT' limit 1`,
    );
    await expect(t.sql('update bijdrage set begroting_id = null where id = ?', [rij.id])).rejects.toThrow(/bijdrage_bron_check/);
    await expect(t.sql(`update bijdrage set fase = 'GEREALISEERD' where id = ?`, [rij.id])).rejects.toThrow(/bijdrage_bron_check/);
    await expect(t.sql(`insert into begroting (module_id, jaar, soort, volgnummer, lasten, baten, vastgesteld_op, omschrijving)
      select module_id, 2026, 'REALISATIE', 0, 1, 0, '2026-07-01', 'x' from bijdrage where id = ?`, [rij.id])).rejects.toThrow(/begroting_soort_check/);
  });
});

describe('een gecorrigeerde jaarrekening in een heropend jaar', () => {
  it('weigert een tweede jaarrekening in een afgesloten jaar (JAAR_AFGESLOTEN) en verandert niets', async () => {
    const voor = await geld('RBL', 2024);
    const { errors } = await t.execute(
      JaarrekeningVastleggenDocument,
      { invoer: { module: 'RBL', jaar: 2024, lasten: '1.00', baten: '0.00', vastgesteldOp: '2025-09-01', omschrijving: 'correctie' } },
      ALS.beheerder,
    );
    expect(codes(errors)).toEqual(['JAAR_AFGESLOTEN']);
    expect(await geld('RBL', 2024)).toEqual(voor);
  });

  it('vervangt de cijfers (audit oud → nieuw), berekent de gerealiseerde bijdragen opnieuw en sluit het jaar weer af', async () => {
    const oud = (await t.execute(JaarrekeningDocument, { module: 'WSP', jaar: 2024 }, ALS.controller)).data!.jaarrekening;
    expect((await heropen('WSP', 2024)).errors).toBeUndefined();
    const invoer = { module: 'WSP', jaar: 2024, lasten: '2600000.00', baten: '400000.00', vastgesteldOp: '2026-10-01', omschrijving: 'Gecorrigeerde jaarrekening 2024 WSP (test)' };
    const { data, errors } = await t.execute(JaarrekeningVastleggenDocument, { invoer }, ALS.beheerder);
    expect(errors).toBeUndefined();
    const uitkomst = data!.jaarrekeningVastleggen;
    expect(uitkomst.gewijzigd).toBe(true);
    expect(uitkomst.jaarrekening).toMatchObject({ id: oud.id, lasten: '2600000.00', baten: '400000.00', nettoLasten: '2200000.00', vastgesteldOp: '2026-10-01' });
    expect(uitkomst.afsluiting.status).toBe('AFGESLOTEN');
    expect(somBedrag(uitkomst.bijdragen.map((b) => b.bedrag))).toBe('2200000.00');

    const g = await geld('WSP', 2024);
    expect(g.bijdragen.totalCount).toBe(uitkomst.bijdragen.length);
    expect(g.kostenoverzicht.regio!.gerealiseerd).toBe('2200000.00');
    expect(g.bijdrageTotalen[0].som).toBe('2200000.00');
    expect(g.afrekening.totaal.gerealiseerd).toBe('2200000.00');
    expect(g.jaarresultaat.gerealiseerd).toBe('2200000.00');

    const audit = (await t.execute(JaarrekeningAuditDocument, { id: oud.id }, ALS.beheerder)).data!.auditLog.nodes;
    const correctie = audit.find((a) => a.actie === 'JAARREKENING_GECORRIGEERD')!;
    expect(correctie.voor).toMatchObject({ lasten: oud.lasten, baten: oud.baten, vastgesteldOp: oud.vastgesteldOp });
    expect(correctie.na).toMatchObject({ lasten: '2600000.00', baten: '400000.00', vastgesteldOp: '2026-10-01' });
    expect(audit.map((a) => a.actie)).toContain('BIJDRAGEN_BEREKEND');
  });

  it('weigert een correctie die eerder is vastgesteld dan de jaarrekening die zij vervangt', async () => {
    expect((await heropen('INBURGERING', 2024)).errors).toBeUndefined();
    const { errors } = await t.execute(
      JaarrekeningVastleggenDocument,
      { invoer: { module: 'INBURGERING', jaar: 2024, lasten: '1.00', baten: '0.00', vastgesteldOp: '2025-03-01', omschrijving: 'te vroeg' } },
      ALS.beheerder,
    );
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors![0].message).toMatch(/niet eerder zijn vastgesteld dan de jaarrekening die zij vervangt \(2025-07-01\)/);
  });
});

describe('gerealiseerdeBijdragenBerekenen', () => {
  it('weigert een afgesloten jaar, en een jaar zonder jaarrekening', async () => {
    const dicht = await t.execute(GerealiseerdeBijdragenBerekenenDocument, { module: 'RBL', jaar: 2023 }, ALS.controller);
    expect(codes(dicht.errors)).toEqual(['JAAR_AFGESLOTEN']);
    const zonder = await t.execute(GerealiseerdeBijdragenBerekenenDocument, { module: 'RBL', jaar: 2026 }, ALS.controller);
    expect(codes(zonder.errors)).toEqual(['INVALID_STATUS']);
    expect(zonder.errors![0].message).toMatch(/RBL heeft voor 2026 nog geen jaarrekening; leg die vast met jaarrekeningVastleggen/);
  });

  it('berekent in een heropend jaar uit de jaarrekening, met dezelfde uitkomst als toen', async () => {
    expect((await heropen('RBL', 2023)).errors).toBeUndefined();
    const { data, errors } = await t.execute(GerealiseerdeBijdragenBerekenenDocument, { module: 'RBL', jaar: 2023 }, ALS.controller);
    expect(errors).toBeUndefined();
    const uitkomst = data!.gerealiseerdeBijdragenBerekenen;
    expect(uitkomst.gewijzigd).toBe(false);
    expect(somBedrag(uitkomst.bijdragen.map((b) => b.bedrag))).toBe(uitkomst.jaarrekening.nettoLasten);
    for (const b of uitkomst.bijdragen) {
      expect(b).toMatchObject({ fase: 'GEREALISEERD', actueel: true, begroting: null, jaarrekening: { jaar: 2023 } });
      expect(b.berekening).toMatchObject({ nettoLasten: uitkomst.jaarrekening.nettoLasten, begroting: null, jaarrekening: { jaar: 2023 } });
    }
  });
});

describe('P&C-stukken dragen jaarrekeningen', () => {
  const toevoegen = (soort: 'JAARREKENING' | 'VOORLOPIGE_JAARREKENING' | 'BEGROTING', jaar: number, titel: string, jaarrekeningen: string[]) =>
    t.execute(PcDocumentToevoegenDocument, { invoer: { soort, jaar, titel: `${titel} (test)`, jaarrekeningen } }, ALS.beheerder);

  it('koppelt een jaarrekening aan een (voorlopige) jaarrekening, één keer per soort stuk', async () => {
    const voorlopig = await toevoegen('VOORLOPIGE_JAARREKENING', 2023, 'Voorlopige jaarrekening 2023', ['wgsw', 'RBL']);
    expect(voorlopig.errors).toBeUndefined();
    expect(voorlopig.data!.pcDocumentToevoegen.jaarrekeningen.map((j) => `${j.module.code}/${j.jaar}`).sort()).toEqual(['RBL/2023', 'WGSW/2023']);
    expect((await toevoegen('JAARREKENING', 2023, 'Jaarrekening 2023', ['WGSW'])).errors).toBeUndefined();
    const nogmaals = await toevoegen('VOORLOPIGE_JAARREKENING', 2023, 'Nog een voorlopige 2023', ['WGSW']);
    expect(codes(nogmaals.errors)).toEqual(['CONFLICT']);
    const { data } = await t.execute(JaarrekeningDocument, { module: 'WGSW', jaar: 2023 }, ALS.controller);
    expect(data!.jaarrekening.pcDocumenten.map((d) => d.soort).sort()).toEqual(['JAARREKENING', 'VOORLOPIGE_JAARREKENING']);
  });

  it('weigert jaarrekeningen op een ander soort stuk, en een jaarrekening die er niet is', async () => {
    const begroting = await toevoegen('BEGROTING', 2026, 'Begroting met jaarrekening', ['WGSW']);
    expect(codes(begroting.errors)).toEqual(['BAD_USER_INPUT']);
    expect(begroting.errors![0].message).toMatch(/Alleen een jaarrekening of voorlopige jaarrekening draagt jaarrekeningen/);
    const geen = await toevoegen('JAARREKENING', 2026, 'Jaarrekening 2026', ['WGSW']);
    expect(codes(geen.errors)).toEqual(['BAD_USER_INPUT']);
    expect(geen.errors![0].message).toMatch(/WGSW heeft over 2026 \(nog\) geen jaarrekening/);
  });
});
