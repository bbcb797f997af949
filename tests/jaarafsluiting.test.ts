import pg from 'pg';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AfrekeningDocument,
  BegrotingVastleggenDocument,
  BijdragenBerekenenDocument,
  BijdragenGefilterdDocument,
  BijdrageTotalenVersiesDocument,
  DeelnameBeeindigenDocument,
  DeelnameToevoegenDocument,
  JaarAfsluitenDocument,
  JaarafsluitingenDocument,
  JaarHeropenenDocument,
  JaarrekeningVastleggenDocument,
  KostenoverzichtDocument,
  VerdeelsleutelVastleggenDocument,
} from './generated/graphql.js';
import { exportCsv, rijenVan, tokenVoor } from './helpers/export-csv.js';
import { ALS } from './helpers/identities.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { MAART_2027, NU } from './helpers/scenario.js';
import { somBedrag } from './helpers/som.js';

// The demo region recorded the jaarrekeningen up to and including 2025 (adopted in July 2026).

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

const codes = (errors: readonly { extensions?: { code?: unknown } }[] | undefined) => errors?.map((e) => e.extensions?.code);

/** Every contribution of a module's year (all phases and versions) and the audit log length: what must not change. */
async function momentopname(module: string, jaar: number) {
  const bijdragen = await t.sql<{ id: number; bedrag: string; begroting_id: number }>(
    `select b.id, b.bedrag, b.begroting_id from bijdrage b join module m on m.id = b.module_id where m.code = '${module}' and b.jaar = ${jaar} order by b.id`,
  );
  const begrotingen = await t.sql<{ id: number }>(`select b.id from begroting b join module m on m.id = b.module_id where m.code = '${module}' and b.jaar = ${jaar}`);
  const [{ n }] = await t.sql<{ n: string }>('select count(*) as n from audit_log');
  return { bijdragen, begrotingen, audit: Number(n) };
}

describe('afgesloten jaren blijven dicht', () => {
  it('sluit elk jaar met een vastgelegde jaarrekening af', async () => {
    const { data } = await t.execute(JaarafsluitingenDocument, { module: 'WGSW' }, ALS.gemeenteArnhem);
    expect(data!.jaarafsluitingen.map((a) => `${a.jaar}:${a.status}`)).toEqual([2020, 2021, 2022, 2023, 2024, 2025].map((j) => `${j}:AFGESLOTEN`));
  });

  it('weigert bijdragenBerekenen 2025 PRIMITIEF na de jaarrekening met JAAR_AFGESLOTEN, en verandert niets', async () => {
    const voor = await momentopname('WGSW', 2025);
    const { data, errors } = await t.execute(BijdragenBerekenenDocument, { module: 'WGSW', jaar: 2025, soort: 'PRIMITIEF' }, ALS.controller);
    expect(data).toBeNull();
    expect(codes(errors)).toEqual(['JAAR_AFGESLOTEN']);
    expect(errors![0].message).toMatch(/^Het jaar 2025 van WGSW is afgesloten \(jaarrekening vastgelegd, afgesloten op 2026-07-01\); .*jaarHeropenen/);
    expect(errors![0].extensions!.jaren).toEqual([2025]);
    expect(await momentopname('WGSW', 2025)).toEqual(voor);
  });

  it('weigert ook nieuwe begrotingsversies, een nieuwe verdeelsleutel en deelnames die het jaar raken', async () => {
    const voor = await momentopname('WGSW', 2025);
    const wijziging = await t.execute(
      BegrotingVastleggenDocument,
      { invoer: { module: 'WGSW', jaar: 2025, soort: 'WIJZIGING', lasten: '60000000.00', baten: '0.00', vastgesteldOp: '2025-11-01', omschrijving: 'te laat' } },
      ALS.beheerder,
    );
    const sleutel = await t.execute(
      VerdeelsleutelVastleggenDocument,
      { invoer: { module: 'WGSW', jaar: 2025, grondslag: 'GELIJKE_DELEN', omschrijving: 'anders', eenheden: [{ gemeente: 'GM0202', eenheden: '1', bron: 'test' }] } },
      ALS.beheerder,
    );
    const toetreden = await t.execute(DeelnameToevoegenDocument, { invoer: { gemeente: 'GM0274', module: 'WGSW', vanaf: '2025-07-01' } }, ALS.beheerder);
    const [{ id }] = await t.sql<{ id: number }>(
      "select d.id from deelname d join module m on m.id = d.module_id join gemeente g on g.id = d.gemeente_id where m.code = 'WGSW' and g.cbs_code = 'GM0221'",
    );
    const uittreden = await t.execute(DeelnameBeeindigenDocument, { id, tot: '2025-07-01' }, ALS.beheerder);
    for (const poging of [wijziging, sleutel, toetreden, uittreden]) {
      expect(codes(poging.errors)).toEqual(['JAAR_AFGESLOTEN']);
    }
    expect(uittreden.errors![0].message).toMatch(/Het jaar 2025 van WGSW is afgesloten/);
    // Ending it from 2027 on touches only open years.
    expect((await t.execute(DeelnameBeeindigenDocument, { id, tot: '2027-01-01' }, ALS.beheerder)).errors).toBeUndefined();
    expect(await momentopname('WGSW', 2025)).toEqual({ ...voor, audit: voor.audit + 1 });
  });

  it('laat de database zelf ook niets veranderen in een afgesloten jaar, ook buiten de hub om', async () => {
    const client = new pg.Client({ connectionString: t.orm.config.get('clientUrl') });
    await client.connect();
    try {
      const poging = client.query("update bijdrage set bedrag = bedrag + 1 where jaar = 2025 and module_id = (select id from module where code = 'INKOOP-BW')");
      await expect(poging).rejects.toMatchObject({ code: 'RH001', message: 'Het jaar 2025 van module INKOOP-BW is afgesloten: de jaarrekening is vastgelegd.' });
      // An open year takes the same write.
      await client.query('begin');
      const { rowCount } = await client.query("update bijdrage set bedrag = bedrag where jaar = 2026 and module_id = (select id from module where code = 'INKOOP-BW')");
      await client.query('rollback');
      expect(rowCount).toBe(22);
    } finally {
      await client.end();
    }
  });

  it('heropenen doet alleen een beheerder, met een reden, en het auditlog houdt het bij', async () => {
    const controller = await t.execute(JaarHeropenenDocument, { module: 'WSP', jaar: 2024, reden: 'Correctie van de sleutel.' }, ALS.controller);
    expect(codes(controller.errors)).toEqual(['FORBIDDEN']);
    const zonderReden = await t.execute(JaarHeropenenDocument, { module: 'WSP', jaar: 2024, reden: ' kort ' }, ALS.beheerder);
    expect(codes(zonderReden.errors)).toEqual(['BAD_USER_INPUT']);
    const open = await t.execute(JaarHeropenenDocument, { module: 'WSP', jaar: 2026, reden: 'Er is nog geen jaarrekening.' }, ALS.beheerder);
    expect(codes(open.errors)).toEqual(['INVALID_STATUS']);

    const reden = 'Verdeelsleutel 2024 bevatte een telfout in de inwoners van Duiven.';
    const { data, errors } = await t.execute(JaarHeropenenDocument, { module: 'WSP', jaar: 2024, reden }, ALS.beheerder);
    expect(errors).toBeUndefined();
    expect(data!.jaarHeropenen).toMatchObject({ jaar: 2024, status: 'HEROPEND', redenHeropening: reden, module: { code: 'WSP' } });
    const [regel] = await t.sql<{ actie: string; na: { reden: string; status: string } }>(
      "select actie, na from audit_log where actie = 'JAAR_HEROPEND' order by id desc limit 1",
    );
    expect(regel).toEqual({ actie: 'JAAR_HEROPEND', na: { module: 'WSP', jaar: 2024, status: 'HEROPEND', reden } });
  });
});

describe('één antwoord per vraag na begrotingswijzigingen (RBL 2025, heropend)', () => {
  it('telt alleen de laatste wijziging: totalen, lijst, kostenoverzicht, afrekening en CSV geven 3.450.000,00', async () => {
    const heropend = await t.execute(JaarHeropenenDocument, { module: 'RBL', jaar: 2025, reden: 'Twee begrotingswijzigingen alsnog verwerken.' }, ALS.beheerder);
    expect(heropend.errors).toBeUndefined();
    for (const [lasten, datum] of [['3300000.00', '2025-10-01'], ['3450000.00', '2025-12-01']] as const) {
      const wijziging = await t.execute(
        BegrotingVastleggenDocument,
        { invoer: { module: 'RBL', jaar: 2025, soort: 'WIJZIGING', lasten, baten: '0.00', vastgesteldOp: datum, omschrijving: `Wijziging ${lasten}` } },
        ALS.beheerder,
      );
      expect(wijziging.errors).toBeUndefined();
      const volgnummer = wijziging.data!.begrotingVastleggen.volgnummer;
      const berekend = await t.execute(BijdragenBerekenenDocument, { module: 'RBL', jaar: 2025, soort: 'WIJZIGING', volgnummer });
      expect(berekend.errors).toBeUndefined();
    }
    const where = { module: { eq: 'RBL' }, jaar: { eq: 2025 }, fase: { eq: 'GEWIJZIGD' as const } };

    const totalen = (await t.execute(BijdrageTotalenVersiesDocument, { groupBy: ['MODULE'], where })).data!.bijdrageTotalen;
    expect(totalen.map((r) => [r.module!.code, r.fase, r.versie, r.som])).toEqual([['RBL', 'GEWIJZIGD', null, '3450000.00']]);

    const overzicht = (await t.execute(KostenoverzichtDocument, { jaar: 2025, modules: ['RBL'] })).data!.kostenoverzicht;
    expect(overzicht.regio!.gewijzigd).toBe('3450000.00');
    expect(overzicht.regio!.naWijziging).toBe('3450000.00');

    const lijst = (await t.execute(BijdragenGefilterdDocument, { where, first: 500 })).data!.bijdragen;
    expect(somBedrag(lijst.edges.map((e) => e.node.bedrag))).toBe('3450000.00');

    const afrekening = (await t.execute(AfrekeningDocument, { module: 'RBL', jaar: 2025 })).data!.afrekening;
    expect(afrekening.totaal.gefactureerd).toBe('3450000.00');

    // Asked for all versions, each version is its own group: nothing is ever added across versions.
    const alle = (await t.execute(BijdrageTotalenVersiesDocument, { groupBy: ['MODULE'], where, alleenActueel: false })).data!.bijdrageTotalen;
    expect(alle.map((r) => r.versie)).toEqual([1, 2, 3]);
    expect(alle.slice(1).map((r) => r.som)).toEqual(['3300000.00', '3450000.00']);

    // The README's CSV example: totals per gemeente and module are per phase too.
    const basis = (await t.listen()).replace('/graphql', '');
    const params = { groupBy: 'GEMEENTE,MODULE', where: { jaar: { eq: 2025 }, module: { eq: 'RBL' } } };
    const { status, tekst } = await exportCsv(basis, 'bijdrage-totalen.csv', params, await tokenVoor(t, ALS.controller));
    expect(status).toBe(200);
    const gewijzigd = rijenVan(tekst).filter((r) => r.Fase === 'GEWIJZIGD');
    expect(gewijzigd).toHaveLength(10);
    expect(somBedrag(gewijzigd.map((r) => r.Som))).toBe('3450000.00');
  });

  it('sluit het heropende jaar weer af; daarna is herberekenen weer geweigerd', async () => {
    const dicht = await t.execute(JaarAfsluitenDocument, { module: 'RBL', jaar: 2025 }, ALS.beheerder);
    expect(dicht.errors).toBeUndefined();
    expect(dicht.data!.jaarAfsluiten.status).toBe('AFGESLOTEN');
    const opnieuw = await t.execute(BijdragenBerekenenDocument, { module: 'RBL', jaar: 2025, soort: 'WIJZIGING', volgnummer: 3 });
    expect(codes(opnieuw.errors)).toEqual(['JAAR_AFGESLOTEN']);
  });
});

describe('jaarrekening vastleggen', () => {
  let na: TestHub;
  beforeAll(async () => {
    na = await startTestHub({ now: MAART_2027 });
  });
  afterAll(() => na.close());

  it('legt de jaarrekening 2026 vast, berekent de gerealiseerde bijdragen en sluit het jaar, in één keer', async () => {
    const invoer = { module: 'WSP', jaar: 2026, lasten: '2500000.00', baten: '420000.00', vastgesteldOp: '2027-03-10', omschrijving: 'Jaarrekening 2026 WSP' };
    const { data, errors } = await na.execute(JaarrekeningVastleggenDocument, { invoer }, ALS.beheerder);
    expect(errors).toBeUndefined();
    const uitkomst = data!.jaarrekeningVastleggen;
    expect(uitkomst.jaarrekening).toMatchObject({ jaar: 2026, lasten: '2500000.00', baten: '420000.00', nettoLasten: '2080000.00', module: { code: 'WSP' } });
    expect(uitkomst.bijdragen).toHaveLength(9);
    expect(uitkomst.bijdragen.every((b) => b.fase === 'GEREALISEERD')).toBe(true);
    expect(somBedrag(uitkomst.bijdragen.map((b) => b.bedrag))).toBe('2080000.00');
    expect(uitkomst.afsluiting).toMatchObject({ jaar: 2026, status: 'AFGESLOTEN', module: { code: 'WSP' } });

    const afrekening = (await na.execute(AfrekeningDocument, { module: 'WSP', jaar: 2026 })).data!.afrekening;
    expect(afrekening.totaal.gerealiseerd).toBe('2080000.00');
    const herberekenen = await na.execute(BijdragenBerekenenDocument, { module: 'WSP', jaar: 2026, soort: 'PRIMITIEF' });
    expect(codes(herberekenen.errors)).toEqual(['JAAR_AFGESLOTEN']);
    const tweede = await na.execute(JaarrekeningVastleggenDocument, { invoer }, ALS.beheerder);
    expect(codes(tweede.errors)).toEqual(['JAAR_AFGESLOTEN']);
  });

  it('kent geen begrotingsversie REALISATIE meer: de jaarrekening is een eigen object', async () => {
    const { errors } = await na.execute(
      BegrotingVastleggenDocument,
      // Outside the typed document's enum on purpose: an old client sending the former kind.
      { invoer: { module: 'RBL', jaar: 2026, soort: 'REALISATIE' as 'PRIMITIEF', lasten: '1.00', baten: '0.00', vastgesteldOp: '2027-03-01', omschrijving: 'x' } },
      ALS.beheerder,
    );
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    expect(errors![0].message).toMatch(/REALISATIE/);
  });
});

describe('plausibele vaststellingsdata (Wgr art. 34 en 34a)', () => {
  const versie = (soort: 'PRIMITIEF' | 'WIJZIGING', jaar: number, vastgesteldOp: string) =>
    t.execute(
      BegrotingVastleggenDocument,
      { invoer: { module: 'INBURGERING', jaar, soort, lasten: '1000000.00', baten: '0.00', vastgesteldOp, omschrijving: 'datumtest' } },
      ALS.beheerder,
    );

  it('een primitieve begroting wordt in het jaar ervoor vastgesteld', async () => {
    const teVroeg = await versie('PRIMITIEF', 2027, '2025-11-01');
    expect(codes(teVroeg.errors)).toEqual(['BAD_USER_INPUT']);
    expect(teVroeg.errors![0].message).toBe(
      'Onwaarschijnlijke vaststellingsdatum: het algemeen bestuur stelt de begroting 2027 vast in het jaar ervoor (Wgr art. 34); kies een datum in 2026, niet 2025-11-01.',
    );
    const laat = await versie('PRIMITIEF', 2026, '2026-02-01');
    // 2026 already has its primitieve begroting: versions are never overwritten.
    expect(codes(laat.errors)).toEqual(['CONFLICT']);
    expect(teVroeg.errors![0].extensions!.veld).toBe('vastgesteldOp');
    expect((await versie('PRIMITIEF', 2027, '2026-07-02')).errors).toBeUndefined();
  });

  it('een vaststelling ligt niet in de toekomst', async () => {
    const { errors } = await versie('WIJZIGING', 2026, '2026-12-01');
    expect(errors![0].message).toMatch(/ligt in de toekomst/);
  });

  it('een begrotingswijziging valt in het jaar of kort erna, en niet vóór de vorige versie', async () => {
    expect((await versie('WIJZIGING', 2026, '2025-12-01')).errors![0].message).toMatch(/in 2026 of kort daarna \(uiterlijk 31 maart 2027\)/);
    // The demo's amendment 1 of 2026 was adopted on 2026-07-02.
    expect((await versie('WIJZIGING', 2026, '2026-03-01')).errors![0].message).toMatch(/niet eerder zijn vastgesteld dan de vorige versie van 2026 \(2026-07-02\)/);
    expect((await versie('WIJZIGING', 2026, '2026-09-15')).errors).toBeUndefined();
  });

  it('een jaarrekening wordt na afloop van het jaar vastgesteld', async () => {
    const na = await startTestHub({ now: MAART_2027 });
    try {
      const { errors } = await na.execute(
        JaarrekeningVastleggenDocument,
        { invoer: { module: 'RBL', jaar: 2026, lasten: '1.00', baten: '0.00', vastgesteldOp: '2026-12-20', omschrijving: 'te vroeg' } },
        ALS.beheerder,
      );
      expect(errors![0].message).toMatch(/de jaarrekening 2026 wordt na afloop van het jaar vastgesteld, in 2027 \(Wgr art. 34a\)/);
    } finally {
      await na.close();
    }
  });
});

describe('mutaties na elkaar in één verzoek', () => {
  it('geven elk de stand na hun eigen schrijven, niet een eerder gelezen rij', async () => {
    // The read loaders of a request are shared by its mutations; jaarAfsluiten must not answer with
    // the row jaarHeropenen read just before it.
    const document = parse(`mutation {
      heropend: jaarHeropenen(module: "BEHEER", jaar: 2020, reden: "Test: twee mutaties in één verzoek.") { id status redenHeropening }
      afgesloten: jaarAfsluiten(module: "BEHEER", jaar: 2020) { id status redenHeropening }
    }`) as TypedDocumentNode<Record<string, { id: string; status: string; redenHeropening: string | null }>, Record<string, never>>;
    const { data, errors } = await t.execute(document, {}, ALS.beheerder);
    expect(errors).toBeUndefined();
    expect(data!.heropend.status).toBe('HEROPEND');
    expect(data!.afgesloten).toEqual({ id: data!.heropend.id, status: 'AFGESLOTEN', redenHeropening: 'Test: twee mutaties in één verzoek.' });
  });
});
