import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALS } from './helpers/identities.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// The read path moved from hydrated MikroORM entities to SQL into plain read types ([12]). This test
// holds every role's answers to a broad set of queries over the demo region as the entity path gave
// them (recorded once from commit 1136d50, the last commit before the change, into
// fixtures/leespad-antwoorden.json) and requires the read path to give exactly the same: the same
// rows, in the same order, with the same figures written the same way, and the same errors.
//
// Recording again (LEESPAD_OPNEMEN=1) is only right when an answer is meant to change; the diff of
// the fixture then shows which answers did.

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'leespad-antwoorden.json');
const OPNEMEN = process.env.LEESPAD_OPNEMEN === '1';

const BIJDRAGE = `id jaar fase bedrag taakveld taakveldNaam eenheden deelnameDagen aandeel actueel
  gemeente { id cbsCode naam }
  module { id code naam omschrijving startdatum einddatum taakveld betaalritme programma { id code naam vanaf } hoofdmodule { code } }
  begroting { id } verdeelsleutel { id }
  berekening { grondslag eenheden aandeel exactBedrag nettoLasten deelnameDagen dagenInJaar }`;

const VRAGEN: Record<string, string> = {
  controllerpagina: `{ bijdragen(where: { jaar: { gte: 2024 } }, orderBy: [{ veld: BEDRAG, richting: DESC }], first: 40) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } nodes { ${BIJDRAGE} } } }`,
  tweedePaginaAlleVersies: `{ bijdragen(where: { or: [{ gemeente: { eq: "GM0202" } }, { module: { in: ["WSP", "RBL"] } }] },
    orderBy: [{ veld: GEMEENTE }, { veld: MODULE, richting: DESC }], first: 25, after: "cDoyNA", alleenActueel: false) {
    totalCount pageInfo { hasNextPage hasPreviousPage } nodes { ${BIJDRAGE} } } }`,
  voorbijHetEinde: `{ bijdragen(where: { programma: { eq: "PARTICIPATIE" } }, first: 10, after: "cDo5OTk5") { totalCount nodes { id } pageInfo { hasNextPage } } }`,
  leegFilter: `{ bijdragen(where: { bedrag: { lt: "-1.00" } }, first: 0) { totalCount nodes { id } } }`,
  gemeenten: `{ gemeenten { id cbsCode naam inwoners inwonertallen { jaar aantal }
    bijdragen(jaar: 2025) { id bedrag fase module { code } }
    deelnames { module { code } bijdragen(jaar: 2024) { bedrag } }
    modules(inclusiefSubmodules: true) { code hoofdmodule { code } }
    dvos { kenmerk } } }`,
  modules: `{ modules { id code naam omschrijving startdatum einddatum taakveld betaalritme
    programma { code modules { code } } hoofdmodule { code } submodules { code submodules { code } }
    bijdragen(jaar: 2024, fase: BEGROOT) { bedrag eenheden aandeel gemeente { cbsCode } }
    kpis { code } dvos { kenmerk } } }`,
  hoofdmodules: `{ modules(alleenHoofdmodules: true, where: { programma: { in: ["ZORG", "PARTICIPATIE"] } }) { code } }`,
  programmas: `{ programmas { id code naam vanaf modules { code submodules { code } } } }`,
  dvos: `{ dvos { kenmerk module { code programma { code } } partij { __typename ... on Gemeente { cbsCode naam } ... on Organisatie { naam } } } }`,
  kostenoverzicht: `{ kostenoverzicht(jaar: 2025) { regels { gemeente { id cbsCode naam } module { id code betaalritme } begroot gewijzigd gerealiseerd }
    perGemeente { gemeente { cbsCode } begroot } perModule { module { code hoofdmodule { code } } begroot } } }`,
  eenGemeente: `{ gemeente(cbsCode: "gm0202") { naam inwoners(jaar: 2024) } module(code: "WGSW") { naam submodules { code } } }`,
  onbekend: `{ gemeente(cbsCode: "GM9999") { naam } }`,
  onbekendeModule: `{ module(code: "BESTAAT-NIET") { naam } }`,
  totalen: `{ bijdrageTotalen(groupBy: [GEMEENTE, MODULE], where: { jaar: { eq: 2025 } }) { fase aantal som gemiddelde minimum maximum gemeente { cbsCode } module { code } } }`,
};

const ROLLEN = ['beheerder', 'controller', 'modulemanagerWgsw', 'modulemanagerRbl', 'gemeenteArnhem', 'dashboardRegio', 'dashboardArnhem'] as const;

type Antwoord = { data: unknown; errors?: Array<{ code: unknown; path: unknown }> };

let t: TestHub;
const opgenomen: Record<string, Antwoord> = OPNEMEN || !existsSync(FIXTURE) ? {} : JSON.parse(readFileSync(FIXTURE, 'utf8'));
const nieuw: Record<string, Antwoord> = {};

beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => {
  await t.close();
  if (OPNEMEN) {
    mkdirSync(dirname(FIXTURE), { recursive: true });
    // One answer per line, so that a diff names the questions whose answers changed.
    const regels = Object.entries(nieuw).map(([sleutel, antwoord]) => `${JSON.stringify(sleutel)}: ${JSON.stringify(antwoord)}`);
    writeFileSync(FIXTURE, `{\n${regels.join(',\n')}\n}\n`);
  }
});

describe('het leespad geeft elke rol dezelfde antwoorden als de entiteiten ervoor', () => {
  for (const rol of ROLLEN) {
    for (const [naam, vraag] of Object.entries(VRAGEN)) {
      it(`${rol}: ${naam}`, async () => {
        const document = parse(vraag) as TypedDocumentNode<Record<string, unknown>, Record<string, never>>;
        const result = await t.execute(document, {}, ALS[rol]);
        const antwoord: Antwoord = { data: result.data ?? null };
        if (result.errors) antwoord.errors = result.errors.map((e) => ({ code: e.extensions?.code, path: e.path ?? null }));
        const sleutel = `${rol}: ${naam}`;
        nieuw[sleutel] = antwoord;
        if (!OPNEMEN) expect(antwoord).toEqual(opgenomen[sleutel]);
      });
    }
  }

  it('de tijdstippen van bijdragen zijn die van de database, als ISO-tekst in UTC', async () => {
    const result = await t.execute(
      parse(`{ bijdragen(first: 500, alleenActueel: false) { nodes { id berekendOp } } }`) as TypedDocumentNode<
        { bijdragen: { nodes: Array<{ id: string; berekendOp: string }> } },
        Record<string, never>
      >,
      {},
    );
    const nodes = result.data!.bijdragen.nodes;
    const rijen = await t.sql<{ id: number; berekend_op: string }>('select id, berekend_op from bijdrage where id = any(?::int[])', [
      `{${nodes.map((n) => n.id).join(',')}}`,
    ]);
    const perId = new Map(rijen.map((r) => [String(r.id), new Date(r.berekend_op).toISOString()]));
    expect(nodes.length).toBeGreaterThan(100);
    for (const node of nodes) expect(node.berekendOp).toBe(perId.get(node.id));
  });
});
