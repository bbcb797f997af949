import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditVanRapportagesDocument,
  CompleetheidDocument,
  RapportageCorrigerenDocument,
  RapportageIndienenDocument,
  RapportageOpslaanDocument,
  RapportageOpslaanVeldenDocument,
  RapportageTerugsturenDocument,
  RapportageGoedkeurenDocument,
  RapportageVersiesDocument,
} from './generated/graphql.js';
import type { Identity } from '../src/auth/identity.js';
import { ALS } from './helpers/identities.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { NU } from './helpers/scenario.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

const WSP_Q3 = { module: 'WSP', jaar: 2026, kwartaal: 3 };
const auditVanRapportages = async () => (await t.execute(AuditVanRapportagesDocument, {}, ALS.controller)).data!.auditLog.nodes;
const codes = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => errors?.map((e) => e.extensions!.code);

describe('de levenscyclus van een kwartaalrapportage', () => {
  it('concept → ingediend → teruggestuurd → concept → ingediend → goedgekeurd → correctie als nieuwe versie', async () => {
    const auditVoor = new Set((await auditVanRapportages()).map((n) => n.id));
    const opslaan = await t.execute(
      RapportageOpslaanDocument,
      { invoer: { ...WSP_Q3, revisie: 1, waarden: [{ kpi: 'WERKGEVERSCONTACTEN', waarde: '1311', toelichting: 'inclusief banenmarkt' }] } },
      ALS.modulemanagerWsp,
    );
    expect(opslaan.errors).toBeUndefined();
    expect(opslaan.data!.kwartaalrapportageOpslaan).toMatchObject({ status: 'CONCEPT', revisie: 2 });

    const ingediend = await t.execute(RapportageIndienenDocument, { rapportage: { ...WSP_Q3, revisie: 2 } }, ALS.modulemanagerWsp);
    expect(ingediend.errors).toBeUndefined();
    expect(ingediend.data!.kwartaalrapportageIndienen).toMatchObject({ status: 'INGEDIEND', revisie: 3, ingediendOp: NU.toISOString() });

    const terug = await t.execute(RapportageTerugsturenDocument, { rapportage: { ...WSP_Q3, revisie: 3, reden: 'Plaatsingen Duiven ontbreken in de toelichting.' } }, ALS.controller);
    expect(terug.data!.kwartaalrapportageTerugsturen).toMatchObject({ status: 'TERUGGESTUURD', revisie: 4, reden: 'Plaatsingen Duiven ontbreken in de toelichting.' });

    const weer = await t.execute(
      RapportageOpslaanDocument,
      { invoer: { ...WSP_Q3, revisie: 4, waarden: [{ kpi: 'PLAATSINGEN', gemeente: 'GM0226', waarde: '17', toelichting: 'nagekomen' }] } },
      ALS.modulemanagerWsp,
    );
    expect(weer.data!.kwartaalrapportageOpslaan).toMatchObject({ status: 'CONCEPT', revisie: 5 });
    await t.execute(RapportageIndienenDocument, { rapportage: { ...WSP_Q3, revisie: 5 } }, ALS.modulemanagerWsp);
    const vast = await t.execute(RapportageGoedkeurenDocument, { rapportage: { ...WSP_Q3, revisie: 6 } }, ALS.controller);
    expect(vast.data!.kwartaalrapportageGoedkeuren).toMatchObject({ status: 'GOEDGEKEURD', versie: 1, revisie: 7 });

    // An adopted report is never overwritten: saving it is refused, correcting makes version 2.
    const overschrijven = await t.execute(RapportageOpslaanDocument, { invoer: { ...WSP_Q3, revisie: 7, waarden: [] } }, ALS.modulemanagerWsp);
    expect(codes(overschrijven.errors)).toEqual(['INVALID_STATUS']);
    const correctie = await t.execute(RapportageCorrigerenDocument, { rapportage: { ...WSP_Q3, revisie: 7, reden: 'Plaatsing Duiven dubbel geteld.' } }, ALS.modulemanagerWsp);
    expect(correctie.data!.kwartaalrapportageCorrigeren).toMatchObject({ versie: 2, status: 'CONCEPT', revisie: 1, reden: 'Plaatsing Duiven dubbel geteld.' });

    const versies = (await t.execute(RapportageVersiesDocument, WSP_Q3)).data!.kwartaalrapportages.nodes;
    expect(versies.map((v) => [v.versie, v.status])).toEqual([[1, 'GOEDGEKEURD'], [2, 'CONCEPT']]);
    expect(versies[1].waarden).toEqual(versies[0].waarden);
    const duiven = versies[0].waarden.find((w) => w.kpi.code === 'PLAATSINGEN' && w.gemeente?.cbsCode === 'GM0226');
    expect(duiven!.waarde).toBe('17');

    // Exactly one audit entry per successful step, in order, by the person who took it; the refused
    // overwrite left none.
    const nieuw = (await auditVanRapportages()).filter((n) => !auditVoor.has(n.id)).reverse();
    expect(nieuw.map((n) => [n.actie, n.wie])).toEqual([
      ['KWARTAALRAPPORTAGE_OPGESLAGEN', expect.stringContaining(ALS.modulemanagerWsp.id)],
      ['KWARTAALRAPPORTAGE_INGEDIEND', expect.stringContaining(ALS.modulemanagerWsp.id)],
      ['KWARTAALRAPPORTAGE_TERUGGESTUURD', expect.stringContaining(ALS.controller.id)],
      ['KWARTAALRAPPORTAGE_OPGESLAGEN', expect.stringContaining(ALS.modulemanagerWsp.id)],
      ['KWARTAALRAPPORTAGE_INGEDIEND', expect.stringContaining(ALS.modulemanagerWsp.id)],
      ['KWARTAALRAPPORTAGE_GOEDGEKEURD', expect.stringContaining(ALS.controller.id)],
      ['KWARTAALRAPPORTAGE_CORRECTIE_GESTART', expect.stringContaining(ALS.modulemanagerWsp.id)],
    ]);
  });
});

describe('controle bij opslaan en indienen', () => {
  const RBL_Q3_2024 = { module: 'RBL', jaar: 2024, kwartaal: 3 };

  it('weigert bij opslaan waarden buiten de grenzen en van onbekende KPI’s, alle tegelijk, zonder iets op te slaan', async () => {
    const { data, errors } = await t.execute(
      RapportageOpslaanDocument,
      {
        invoer: {
          ...RBL_Q3_2024,
          waarden: [
            { kpi: 'VSV_PERCENTAGE', waarde: '120' },
            { kpi: 'VERZUIMMELDINGEN', gemeente: 'GM0202', waarde: '12.5' },
            { kpi: 'PLAATSINGEN', gemeente: 'GM0202', waarde: '3' },
            { kpi: 'THUISZITTERS', waarde: '3' },
          ],
        },
      },
      ALS.modulemanagerRbl,
    );
    expect(data).toBeNull();
    expect(errors![0].extensions!.problemen).toEqual([
      // VSV is a yearly figure: it belongs in the fourth quarter's report only.
      { kpi: 'VSV_PERCENTAGE', gemeente: null, probleem: 'jaarcijfer: alleen in de rapportage van kwartaal 4' },
      { kpi: 'VERZUIMMELDINGEN', gemeente: 'GM0202', probleem: 'een aantal is een geheel getal van 0 of meer' },
      { kpi: 'PLAATSINGEN', gemeente: 'GM0202', probleem: 'geen KPI van RBL' },
      { kpi: 'THUISZITTERS', gemeente: null, probleem: 'KPI per gemeente: geef de gemeente op' },
    ]);
    expect((await t.execute(RapportageVersiesDocument, RBL_Q3_2024)).data!.kwartaalrapportages.nodes).toEqual([]);
  });

  it('meldt bij indienen elk ontbrekend of overbodig gegeven met KPI-code en gemeente', async () => {
    // A quarter of its own (the one above must stay empty), also before the demo's first report.
    const RBL_Q2_2024 = { module: 'RBL', jaar: 2024, kwartaal: 2 };
    const opgeslagen = await t.execute(
      RapportageOpslaanDocument,
      {
        invoer: {
          ...RBL_Q2_2024,
          waarden: [
            { kpi: 'VERZUIMMELDINGEN', gemeente: 'GM0202', waarde: '410' },
            { kpi: 'THUISZITTERS', gemeente: 'GM0289', waarde: '2' },
          ],
        },
      },
      ALS.modulemanagerRbl,
    );
    expect(opgeslagen.data!.kwartaalrapportageOpslaan.revisie).toBe(1);
    const { errors } = await t.execute(RapportageIndienenDocument, { rapportage: { ...RBL_Q2_2024, revisie: 1 } }, ALS.modulemanagerRbl);
    expect(codes(errors)).toEqual(['BAD_USER_INPUT']);
    const problemen = errors![0].extensions!.problemen as Array<{ kpi: string; gemeente: string | null; probleem: string }>;
    // 9 other RBL gemeenten miss VERZUIMMELDINGEN, all 10 miss THUISZITTERS, Wageningen takes no part;
    // VSV, a yearly figure, is not asked in the second quarter.
    expect(problemen.filter((p) => p.kpi === 'VERZUIMMELDINGEN' && p.probleem === 'waarde ontbreekt')).toHaveLength(9);
    expect(problemen.filter((p) => p.kpi === 'THUISZITTERS' && p.probleem === 'waarde ontbreekt')).toHaveLength(10);
    expect(problemen).toContainEqual({ kpi: 'THUISZITTERS', gemeente: 'GM0289', probleem: 'gemeente neemt dit kwartaal niet deel aan de module' });
    expect(problemen.filter((p) => p.kpi === 'VSV_PERCENTAGE')).toEqual([]);
    const na = (await t.execute(RapportageVersiesDocument, RBL_Q2_2024)).data!.kwartaalrapportages.nodes[0];
    expect(na).toMatchObject({ status: 'CONCEPT', revisie: 1 });
  });

  it('weigert een percentage buiten 0–100, ook voor een jaarcijfer in het vierde kwartaal', async () => {
    const q4 = { module: 'RBL', jaar: 2026, kwartaal: 4 };
    const { errors } = await t.execute(RapportageOpslaanDocument, { invoer: { ...q4, waarden: [{ kpi: 'VSV_PERCENTAGE', waarde: '120' }] } }, ALS.modulemanagerRbl);
    expect(errors![0].extensions!.problemen).toEqual([{ kpi: 'VSV_PERCENTAGE', gemeente: null, probleem: 'een percentage ligt tussen 0 en 100' }]);
  });

  it('weigert indienen voordat het kwartaal is afgelopen', async () => {
    // WSP, not RBL: the test above expects RBL's fourth quarter of 2026 to have no report yet.
    const q4 = { module: 'WSP', jaar: 2026, kwartaal: 4 };
    const opgeslagen = await t.execute(RapportageOpslaanDocument, { invoer: { ...q4, waarden: [{ kpi: 'WERKGEVERSCONTACTEN', waarde: '1200' }] } }, ALS.modulemanagerWsp);
    expect(opgeslagen.data!.kwartaalrapportageOpslaan).toMatchObject({ status: 'CONCEPT', revisie: 1 });
    const { errors } = await t.execute(RapportageIndienenDocument, { rapportage: { ...q4, revisie: 1 } }, ALS.modulemanagerWsp);
    expect(errors![0].message).toMatch(/nog niet afgelopen; indienen kan vanaf 2027-01-01/);
  });
});

describe('scope en gelijktijdigheid', () => {
  it('laat een RBL-manager niet aan WSP komen, een gemeente niet indienen en een manager niet vaststellen', async () => {
    const rbl = await t.execute(RapportageOpslaanDocument, { invoer: { module: 'WSP', jaar: 2025, kwartaal: 1, revisie: 1, waarden: [] } }, ALS.modulemanagerRbl);
    expect(codes(rbl.errors)).toEqual(['FORBIDDEN']);
    const gemeente = await t.execute(RapportageIndienenDocument, { rapportage: { module: 'RBL', jaar: 2026, kwartaal: 3, revisie: 1 } }, ALS.gemeenteArnhem);
    expect(codes(gemeente.errors)).toEqual(['FORBIDDEN']);
    const manager = await t.execute(RapportageGoedkeurenDocument, { rapportage: { module: 'RBL', jaar: 2026, kwartaal: 3, revisie: 1 } }, ALS.modulemanagerRbl);
    expect(codes(manager.errors)).toEqual(['FORBIDDEN']);
  });

  it('weigert een verouderde schrijfactie met CONFLICT en verandert dan niets', async () => {
    const sleutel = { module: 'RBL', jaar: 2026, kwartaal: 3 };
    const voor = (await t.execute(RapportageVersiesDocument, sleutel)).data!.kwartaalrapportages.nodes[0];
    const eerste = await t.execute(RapportageGoedkeurenDocument, { rapportage: { ...sleutel, revisie: voor.revisie } }, ALS.controller);
    expect(eerste.errors).toBeUndefined();
    const tweede = await t.execute(RapportageTerugsturenDocument, { rapportage: { ...sleutel, revisie: voor.revisie, reden: 'te laat gezien' } }, ALS.controller);
    expect(codes(tweede.errors)).toEqual(['INVALID_STATUS']);
    const correctie = await t.execute(RapportageCorrigerenDocument, { rapportage: { ...sleutel, revisie: voor.revisie, reden: 'oude revisie' } }, ALS.modulemanagerRbl);
    expect(codes(correctie.errors)).toEqual(['CONFLICT']);
    const na = (await t.execute(RapportageVersiesDocument, sleutel)).data!.kwartaalrapportages.nodes;
    expect(na.map((v) => [v.versie, v.status, v.revisie])).toEqual([[1, 'GOEDGEKEURD', voor.revisie + 1]]);
  });

  it('laat van tien gelijktijdige opslagen op dezelfde revisie er precies één slagen', async () => {
    const sleutel = { module: 'INKOOP', jaar: 2026, kwartaal: 3 };
    const manager = { ...ALS.modulemanagerWsp, id: 'test:manager-inkoop', modules: ['INKOOP'] };
    const { revisie } = (await t.execute(RapportageVersiesDocument, sleutel)).data!.kwartaalrapportages.nodes[0];
    const pogingen = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.execute(RapportageOpslaanDocument, { invoer: { ...sleutel, revisie, waarden: [{ kpi: 'KOSTEN_PER_CLIENT_JEUGD', waarde: `${3000 + i}` }] } }, manager),
      ),
    );
    const geslaagd = pogingen.filter((p) => !p.errors);
    expect(geslaagd).toHaveLength(1);
    expect(pogingen.filter((p) => p.errors).map((p) => p.errors![0].extensions!.code)).toEqual(Array(9).fill('CONFLICT'));
    const winnaar = geslaagd[0].data!.kwartaalrapportageOpslaan.waarden.find((w) => w.kpi.code === 'KOSTEN_PER_CLIENT_JEUGD')!.waarde;
    const opgeslagen = (await t.execute(RapportageVersiesDocument, sleutel)).data!.kwartaalrapportages.nodes[0];
    expect(opgeslagen.waarden.find((w) => w.kpi.code === 'KOSTEN_PER_CLIENT_JEUGD')!.waarde).toBe(winnaar);
    expect(opgeslagen.revisie).toBe(revisie + 1);
  });
});

describe('SQL-statements per schrijfactie', () => {
  // The statements of one request, transaction control included. The write path of a report is a few
  // set-based statements: BEGIN, the claim (with what the rules need), the values, the audit, COMMIT.
  async function statements(uitvoeren: () => Promise<{ errors?: unknown }>): Promise<string[]> {
    t.statements.length = 0;
    const { errors } = await uitvoeren();
    expect(errors).toBeUndefined();
    return [...t.statements];
  }

  it('opslaan van een bestaand concept is 5 statements (hoogstens 7), de andere stappen 4, allemaal in één transactie', async () => {
    // An approved quarter of the demo that no other test here touches: correct it, then run it through.
    const sleutel = { module: 'RBL', jaar: 2025, kwartaal: 3 };
    const manager = ALS.modulemanagerRbl;
    const [{ revisie }] = (await t.execute(RapportageVersiesDocument, sleutel)).data!.kwartaalrapportages.nodes;
    const corrigeren = await statements(() => t.execute(RapportageCorrigerenDocument, { rapportage: { ...sleutel, revisie, reden: 'Verzuim Arnhem herteld.' } }, manager));
    const opslaan = await statements(() =>
      t.execute(RapportageOpslaanVeldenDocument, { invoer: { ...sleutel, revisie: 1, waarden: [{ kpi: 'VERZUIMMELDINGEN', gemeente: 'GM0202', waarde: '401' }] } }, manager),
    );
    const indienen = await statements(() => t.execute(RapportageIndienenDocument, { rapportage: { ...sleutel, revisie: 2 } }, manager));
    const terugsturen = await statements(() => t.execute(RapportageTerugsturenDocument, { rapportage: { ...sleutel, revisie: 3, reden: 'Toelichting ontbreekt.' } }, ALS.controller));
    const weerOpslaan = await statements(() =>
      t.execute(RapportageOpslaanVeldenDocument, { invoer: { ...sleutel, revisie: 4, waarden: [{ kpi: 'VERZUIMMELDINGEN', gemeente: 'GM0202', waarde: '402', toelichting: 'herteld' }] } }, manager),
    );
    await t.execute(RapportageIndienenDocument, { rapportage: { ...sleutel, revisie: 5 } }, manager);
    const goedkeuren = await statements(() => t.execute(RapportageGoedkeurenDocument, { rapportage: { ...sleutel, revisie: 6 } }, ALS.controller));
    const nieuw = await statements(() =>
      t.execute(RapportageOpslaanVeldenDocument, { invoer: { module: 'RBL', jaar: 2027, kwartaal: 1, waarden: [{ kpi: 'THUISZITTERS', gemeente: 'GM0202', waarde: '4' }] } }, manager),
    );

    expect(opslaan.length).toBeLessThanOrEqual(7);
    expect(
      Object.fromEntries(Object.entries({ corrigeren, opslaan, indienen, terugsturen, weerOpslaan, goedkeuren, nieuw }).map(([stap, s]) => [stap, s.length])),
    ).toEqual({ corrigeren: 5, opslaan: 5, indienen: 4, terugsturen: 4, weerOpslaan: 5, goedkeuren: 4, nieuw: 5 });
    // Corrigeren selects the copied waarden: one statement after the commit; everything else is inside.
    for (const s of [opslaan, indienen, terugsturen, weerOpslaan, goedkeuren, nieuw, corrigeren.slice(0, -1)]) {
      expect([s[0], s.at(-1)]).toEqual([expect.stringMatching(/\bbegin\b/), expect.stringMatching(/\bcommit\b/)]);
    }
    const [versie2] = (await t.execute(RapportageVersiesDocument, sleutel)).data!.kwartaalrapportages.nodes.slice(1);
    expect(versie2).toMatchObject({ versie: 2, status: 'GOEDGEKEURD', revisie: 7 });
    expect(versie2.waarden.find((w) => w.kpi.code === 'VERZUIMMELDINGEN' && w.gemeente?.cbsCode === 'GM0202')!.waarde).toBe('402');
  });
});

describe('rapportageCompleetheid', () => {
  it('toont per module en kwartaal status, deadline (45 dagen) en wie te laat is', async () => {
    const hub = await startTestHub({ now: NU });
    const { data } = await hub.execute(CompleetheidDocument, { jaar: 2026 });
    await hub.close();
    const stand = (module: string, kwartaal: number) => data!.rapportageCompleetheid.find((s) => s.module.code === module && s.kwartaal === kwartaal)!;
    expect(stand('RFZ', 3)).toMatchObject({ status: null, deadline: '2026-11-14', kwartaalAfgelopen: true, teLaat: true, dagenTeLaat: 9 });
    expect(stand('WSP', 3)).toMatchObject({ status: 'CONCEPT', teLaat: true });
    expect(stand('RBL', 3)).toMatchObject({ status: 'INGEDIEND', teLaat: false, dagenTeLaat: 0 });
    expect(stand('WGSW', 2)).toMatchObject({ status: 'GOEDGEKEURD', deadline: '2026-08-14', teLaat: false });
    expect(stand('RBL', 4)).toMatchObject({ status: null, kwartaalAfgelopen: false, teLaat: false, deadline: '2027-02-14' });
    expect(data!.rapportageCompleetheid).toHaveLength(6 * 4);
  });
});

describe('het antwoord van een schrijfactie', () => {
  // The mutations answer with the row their write returned, mapped onto the read type without another
  // statement; these answers must be what a query reads afterwards, field for field.
  const VELDEN = `id jaar kwartaal versie status reden ingediendOp goedgekeurdOp gewijzigdOp revisie module { id code }
    waarden { id waarde toelichting gemeente { cbsCode } kpi { code } rapportage { id revisie } }`;
  type Rapportage = { id: string; jaar: number; kwartaal: number; versie: number; revisie: number; module: { code: string }; waarden: Array<{ kpi: { code: string }; gemeente: { cbsCode: string } | null; waarde: string }> };
  const document = <T,>(tekst: string) => parse(tekst) as TypedDocumentNode<T, Record<string, unknown>>;
  const VERSIES = document<{ kwartaalrapportages: { nodes: Rapportage[] } }>(
    `query ($module: String!, $jaar: Int!, $kwartaal: Int!) {
      kwartaalrapportages(where: { module: { eq: $module }, jaar: { eq: $jaar }, kwartaal: { eq: $kwartaal } }) { nodes { ${VELDEN} } } }`,
  );
  const mutatie = (naam: string, argument: string, type: string) =>
    document<Record<string, Rapportage>>(`mutation ($invoer: ${type}!) { ${naam}(${argument}: $invoer) { ${VELDEN} } }`);
  const OPSLAAN = mutatie('kwartaalrapportageOpslaan', 'invoer', 'RapportageOpslaanInvoer');
  const INDIENEN = mutatie('kwartaalrapportageIndienen', 'rapportage', 'RapportageSleutel');
  const TERUGSTUREN = mutatie('kwartaalrapportageTerugsturen', 'rapportage', 'RapportageMetReden');
  const GOEDKEUREN = mutatie('kwartaalrapportageGoedkeuren', 'rapportage', 'RapportageSleutel');
  const CORRIGEREN = mutatie('kwartaalrapportageCorrigeren', 'rapportage', 'RapportageMetReden');

  it('is de rij zoals een query haar daarna leest, bij elke stap; een tweede schrijfactie in hetzelfde request antwoordt niet verouderd', async () => {
    // A clock with milliseconds, so that the written timestamps are compared to the millisecond.
    const hub = await startTestHub({ now: new Date('2026-11-23T10:00:00.987Z') });
    try {
      const sleutel = { module: 'WSP', jaar: 2026, kwartaal: 3 };
      const gelezen = async (r: Rapportage) =>
        (await hub.execute(VERSIES, { module: r.module.code, jaar: r.jaar, kwartaal: r.kwartaal }, ALS.controller)).data!.kwartaalrapportages.nodes.find((n) => n.id === r.id);
      const stap = async (document: TypedDocumentNode<Record<string, Rapportage>, Record<string, unknown>>, invoer: object, wie: Identity) => {
        const { data, errors } = await hub.execute(document, { invoer }, wie);
        expect(errors).toBeUndefined();
        const antwoord = Object.values(data!)[0];
        expect(antwoord).toEqual(await gelezen(antwoord));
        return antwoord;
      };

      const [concept] = (await hub.execute(VERSIES, sleutel, ALS.controller)).data!.kwartaalrapportages.nodes;
      // Two saves in one request: the second answers with its own values, not with those the first read.
      const waarde = (r: Rapportage) => r.waarden.find((w) => w.kpi.code === 'PLAATSINGEN' && w.gemeente?.cbsCode === 'GM0202')!.waarde;
      const tweeKeer = await hub.execute(
        document<{ a: Rapportage; b: Rapportage }>(`mutation ($a: RapportageOpslaanInvoer!, $b: RapportageOpslaanInvoer!) {
          a: kwartaalrapportageOpslaan(invoer: $a) { ${VELDEN} } b: kwartaalrapportageOpslaan(invoer: $b) { ${VELDEN} } }`),
        {
          a: { ...sleutel, revisie: concept.revisie, waarden: [{ kpi: 'PLAATSINGEN', gemeente: 'GM0202', waarde: '31' }] },
          b: { ...sleutel, revisie: concept.revisie + 1, waarden: [{ kpi: 'PLAATSINGEN', gemeente: 'GM0202', waarde: '32', toelichting: 'herteld' }] },
        },
        ALS.modulemanagerWsp,
      );
      expect(tweeKeer.errors).toBeUndefined();
      expect([waarde(tweeKeer.data!.a), waarde(tweeKeer.data!.b)]).toEqual(['31', '32']);
      expect(tweeKeer.data!.b).toEqual(await gelezen(concept));
      let revisie = tweeKeer.data!.b.revisie;

      revisie = (await stap(INDIENEN, { ...sleutel, revisie }, ALS.modulemanagerWsp)).revisie;
      revisie = (await stap(TERUGSTUREN, { ...sleutel, revisie, reden: 'Plaatsingen Arnhem nagaan.' }, ALS.controller)).revisie;
      revisie = (await stap(OPSLAAN, { ...sleutel, revisie, waarden: [{ kpi: 'WERKGEVERSCONTACTEN', waarde: '1400' }] }, ALS.modulemanagerWsp)).revisie;
      revisie = (await stap(INDIENEN, { ...sleutel, revisie }, ALS.modulemanagerWsp)).revisie;
      revisie = (await stap(GOEDKEUREN, { ...sleutel, revisie }, ALS.controller)).revisie;
      const correctie = await stap(CORRIGEREN, { ...sleutel, revisie, reden: 'Werkgeverscontacten dubbel geteld.' }, ALS.modulemanagerWsp);
      expect(correctie).toMatchObject({ versie: 2, revisie: 1, status: 'CONCEPT', ingediendOp: null, gewijzigdOp: '2026-11-23T10:00:00.987Z' });
      const nieuw = await stap(OPSLAAN, { module: 'WSP', jaar: 2026, kwartaal: 4, waarden: [{ kpi: 'WERKGEVERSCONTACTEN', waarde: '12' }] }, ALS.modulemanagerWsp);
      expect(nieuw).toMatchObject({ versie: 1, revisie: 1, status: 'CONCEPT', reden: null, waarden: [expect.objectContaining({ waarde: '12' })] });
    } finally {
      await hub.close();
    }
  });
});
