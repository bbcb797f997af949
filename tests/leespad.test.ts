import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// The read path moved from hydrated MikroORM entities to SQL into plain read types ([12]). This test
// holds every role's answers to a broad set of queries over the demo region as the entity path gave
// them (recorded from commit 1136d50, the last commit before the change, into
// fixtures/leespad-antwoorden.json.gz; gzipped, as the answers of seven roles take 5.7 MB as text) and
// requires the read path to give exactly the same: the same rows, in the same order, with the same
// figures written the same way, and the same errors.
//
// Recording again (LEESPAD_OPNEMEN=1) is only right when an answer is meant to change; `zdiff` of the
// old and new fixture then shows which answers did.

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'leespad-antwoorden.json.gz');
const OPNEMEN = process.env.LEESPAD_OPNEMEN === '1';

const BIJDRAGE = `id jaar fase bedrag taakveld taakveldNaam eenheden deelnameDagen aandeel actueel
  gemeente { id cbsCode naam }
  module { id code naam omschrijving startdatum einddatum taakveld betaalritme programma { id code naam vanaf } hoofdmodule { code } }
  begroting { id } verdeelsleutel { id }
  berekening { grondslag eenheden aandeel exactBedrag nettoLasten deelnameDagen dagenInJaar }`;

// DVO's, KPI's, DVO-normen, organisaties, het auditlog en API-tokens: every field, nested lists,
// filters, pagination and errors. The audit log and the tokens are role-restricted, so each role's
// answer or error code is held too.
const DVO = `id kenmerk omschrijving ingangsdatum einddatum status module { id code }`;
const KPI = `id code naam eenheid richting niveau ondergrens bovengrens periode actiefVanaf actiefTot module { id code }`;
const NORM = `id jaar periode norm kpi { code periode } gemeente { id cbsCode } dvo { id kenmerk }`;
const AUDIT = `id wie wanneer actie entiteit entiteitId voor na`;
const TOKEN = `id naam rol gemeente modules prefix aangemaaktOp ingetrokkenOp laatstGebruiktOp`;
const LEES2_VRAGEN: Record<string, string> = {
  lees2_dvos: `{ dvos { ${DVO} normen(jaar: 2025) { ${NORM} }
    partij { __typename ... on Gemeente { id cbsCode naam } ... on Organisatie { id naam soort kvkNummer dvos { kenmerk ingangsdatum } } } } }`,
  lees2_dvosVanModule: `{ dvos(module: "WGSW") { ${DVO} normen { id jaar norm gemeente { cbsCode } } } leeg: dvos(module: "BESTAAT-NIET") { id } }`,
  lees2_dvo: `{ dvo(kenmerk: "DVO-WGSW-SCALABOR-2023") { ${DVO} normen(jaar: 2024) { ${NORM} kpi { ${KPI} normen(jaar: 2024) { id } } } partij { __typename } } }`,
  lees2_onbekendeDvo: `{ dvo(kenmerk: "DVO-BESTAAT-NIET") { id } }`,
  lees2_kpis: `{ kpis { ${KPI} normen(jaar: 2025) { ${NORM} } } }`,
  lees2_kpisVanModule: `{ kpis(module: "WSP") { ${KPI} normen { id jaar periode norm dvo { kenmerk partij { __typename } } } } geen: kpis(module: "BESTAAT-NIET") { id } }`,
  lees2_organisaties: `{ organisaties { id naam soort kvkNummer dvos { ${DVO} normen(jaar: 2026) { id norm } } } }`,
  lees2_vanModulesEnGemeenten: `{ modules { code kpis { ${KPI} } dvos { ${DVO} } }
    gemeenten { cbsCode dvos { ${DVO} partij { __typename ... on Gemeente { cbsCode } } } } }`,
  lees2_kpiVanWaarden: `{ kpiWaarden(where: { jaar: { eq: 2025 }, kwartaal: { eq: 2 } }, first: 30) { totalCount nodes { id waarde kpi { ${KPI} } } } }`,
  lees2_kpiVanTotalen: `{ kpiTotalen(groupBy: [KPI, JAAR], where: { jaar: { in: [2024, 2025] } }) { jaar aantal som kpi { ${KPI} } } }`,
  lees2_auditLog: `{ auditLog(first: 4) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${AUDIT} } } nodes { id } } }`,
  lees2_auditLogVolgende: `{ auditLog(first: 3, after: "cDox") { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { ${AUDIT} } } }`,
  lees2_auditLogFilter: `{ auditLog(where: { or: [{ entiteit: { eq: "ApiToken" } }, { and: [{ actie: { in: ["KPI_GEWIJZIGD", "DVO_NORM_VASTGELEGD"] } }, { not: { entiteitId: { eq: "7" } } }] }] }) {
    totalCount nodes { ${AUDIT} } } }`,
  lees2_auditLogLeeg: `{ auditLog(where: { entiteit: { eq: "Bestaat niet" } }) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
  lees2_auditLogNul: `{ auditLog(first: 0) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor } } }`,
  lees2_auditLogVoorbijHetEinde: `{ auditLog(first: 2, after: "cDo5OTk5") { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage } } }`,
  lees2_auditLogOngeldigeCursor: `{ auditLog(after: "onzin") { totalCount } }`,
  lees2_auditLogTeGroot: `{ auditLog(first: 501) { totalCount } }`,
  lees2_apiTokens: `{ apiTokens { ${TOKEN} } }`,
  lees2_apiTokensEnMeer: `{ organisaties { naam } apiTokens { id naam } }`,
};

// Kwartaalrapportages and KPI values: every field, the connections with filters, orders, pages and
// errors, the nested lists and the completeness per quarter. Roles matter most here: a module manager
// sees every version of its own modules, gemeenten and dashboards only approved versions, and of those
// only their own and regional values.
const RAPPORTAGE = `id jaar kwartaal versie status reden ingediendOp goedgekeurdOp gewijzigdOp revisie module { id code }`;
const WAARDE = `id waarde toelichting norm gehaald kpi { id code } gemeente { id cbsCode } rapportage { id jaar kwartaal versie status revisie module { code } }`;
const PAGINA = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
const LEES3_VRAGEN: Record<string, string> = {
  lees3_kwartaalrapportages: `{ kwartaalrapportages { totalCount ${PAGINA} edges { cursor node { id versie } } nodes { ${RAPPORTAGE} } } }`,
  lees3_kwartaalrapportagesPagina: `{ kwartaalrapportages(first: 7, after: "cDox") { totalCount ${PAGINA} nodes { id jaar kwartaal versie status module { code } } } }`,
  lees3_kwartaalrapportagesFilter: `{
    a: kwartaalrapportages(where: { or: [{ module: { in: ["WSP", "RBL"] }, jaar: { gte: 2025 } }, { status: { in: [INGEDIEND, TERUGGESTUURD, CONCEPT] } }], not: { kwartaal: { eq: 1 } } }) {
      totalCount nodes { ${RAPPORTAGE} waarden(gemeente: "gm0202") { ${WAARDE} } } }
    b: kwartaalrapportages(where: { and: [{ versie: { gt: 1 } }, { status: { eq: GOEDGEKEURD } }] }) { totalCount nodes { ${RAPPORTAGE} waarden { ${WAARDE} } } }
    c: kwartaalrapportages(where: { module: { eq: "WSP" }, jaar: { eq: 2025 }, kwartaal: { eq: 2 } }) { totalCount nodes { id versie status waarden { id waarde toelichting gemeente { cbsCode } kpi { code } } } }
    d: kwartaalrapportages(where: { status: { eq: TERUGGESTUURD } }) { totalCount nodes { ${RAPPORTAGE} waarden(gemeente: "GM0226") { id waarde gehaald norm } } } }`,
  lees3_kwartaalrapportagesRanden: `{ leeg: kwartaalrapportages(where: { module: { eq: "BESTAAT-NIET" } }) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }
    voorbij: kwartaalrapportages(first: 2, after: "cDo5OTk5") { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage } }
    nul: kwartaalrapportages(first: 0) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor } }
    laatste: kwartaalrapportages(first: 3, after: "cDozOQ") { totalCount nodes { id versie } ${PAGINA} } }`,
  lees3_kwartaalrapportagesOngeldigeCursor: `{ kwartaalrapportages(after: "onzin") { totalCount } }`,
  lees3_kwartaalrapportagesTeGroot: `{ kwartaalrapportages(first: 501) { totalCount } }`,
  lees3_waardenOngeldigeGemeente: `{ kwartaalrapportages(first: 1) { nodes { id waarden(gemeente: "Arnhem") { id } } } }`,
  lees3_kpiWaarden: `{ kpiWaarden { totalCount ${PAGINA} edges { cursor node { id } } nodes { ${WAARDE} } } }`,
  lees3_kpiWaardenAlleVersies: `{ kpiWaarden(alleenActueel: false, where: { jaar: { eq: 2025 }, kwartaal: { eq: 2 } }, orderBy: [{ veld: GEMEENTE, richting: DESC }, { veld: KPI }], first: 80) {
    totalCount ${PAGINA} nodes { id waarde toelichting gemeente { cbsCode } kpi { code } rapportage { id versie status } } } }`,
  lees3_kpiWaardenLaatsteKwartaal: `{ actueel: kpiWaarden(where: { jaar: { eq: 2026 }, kwartaal: { eq: 3 } }, orderBy: [{ veld: KPI, richting: DESC }, { veld: GEMEENTE }], first: 100) {
      totalCount nodes { id waarde gemeente { cbsCode } kpi { code } rapportage { status versie revisie reden } } }
    alle: kpiWaarden(alleenActueel: false, where: { jaar: { eq: 2026 }, kwartaal: { eq: 3 } }, first: 100) { totalCount nodes { id gehaald norm rapportage { status } } } }`,
  lees3_kpiWaardenGehaald: `{ ja: kpiWaarden(where: { gehaald: true }, first: 40, orderBy: [{ veld: WAARDE, richting: DESC }]) { totalCount nodes { id waarde norm gehaald kpi { code } gemeente { cbsCode } } }
    nee: kpiWaarden(where: { gehaald: false }, alleenActueel: false, first: 40, orderBy: [{ veld: WAARDE }]) { totalCount nodes { id waarde norm gehaald rapportage { id status } } }
    leeg: kpiWaarden(where: { gehaald: null, jaar: { eq: 2026 } }, first: 40) { totalCount nodes { id norm gehaald rapportage { status } } }
    nietGehaald: kpiWaarden(where: { not: { gehaald: true }, module: { in: ["WGSW", "INKOOP"] } }, first: 40, orderBy: [{ veld: PERIODE, richting: DESC }]) { totalCount nodes { id norm gehaald } } }`,
  lees3_kpiWaardenFilter: `{ kpiWaarden(where: { or: [{ kpi: { in: ["PLAATSINGEN", "VERZUIMMELDINGEN"] }, gemeente: { eq: "GM0202" } }, { module: { eq: "WGSW" }, waarde: { gte: "5" } }], not: { status: { eq: CONCEPT } } },
    orderBy: [{ veld: PERIODE, richting: DESC }, { veld: GEMEENTE }], first: 30, after: "cDoy", alleenActueel: false) { totalCount ${PAGINA} nodes { ${WAARDE} } } }`,
  lees3_kpiWaardenGemeenten: `{ eigen: kpiWaarden(where: { gemeente: { in: ["GM0202", "GM0226"] }, waarde: { lt: "100" } }, first: 50, orderBy: [{ veld: GEMEENTE }, { veld: WAARDE, richting: DESC }]) { totalCount nodes { id waarde gemeente { cbsCode } } }
    ander: kpiWaarden(where: { gemeente: { eq: "GM0200" } }) { totalCount nodes { id } }
    regio: kpiWaarden(where: { kpi: { in: ["WERKGEVERSCONTACTEN", "ZIEKTEVERZUIM", "VSV_PERCENTAGE"] } }, alleenActueel: false, first: 60) { totalCount nodes { id waarde norm gehaald gemeente { cbsCode } kpi { code periode } rapportage { jaar kwartaal versie } } } }`,
  lees3_kpiWaardenRanden: `{ leeg: kpiWaarden(where: { waarde: { lt: "-1" } }) { totalCount nodes { id } pageInfo { hasNextPage } }
    voorbij: kpiWaarden(first: 5, after: "cDo5OTk5") { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage } }
    nul: kpiWaarden(first: 0, alleenActueel: false) { totalCount nodes { id } } }`,
  lees3_kpiWaardenOngeldigeCursor: `{ kpiWaarden(after: "cDp4") { totalCount } }`,
  lees3_kpiWaardenTeGroot: `{ kpiWaarden(first: 501) { totalCount } }`,
  lees3_modulesRapportages: `{ modules { code kwartaalrapportages { id jaar kwartaal versie status revisie }
    r2025: kwartaalrapportages(jaar: 2025) { ${RAPPORTAGE} waarden(gemeente: "gm0202") { id waarde toelichting kpi { code } rapportage { id } } }
    r2026: kwartaalrapportages(jaar: 2026) { id status waarden { id gemeente { cbsCode } } } } }`,
  lees3_moduleRapportages: `{ module(code: "WSP") { code kwartaalrapportages { id jaar kwartaal versie status revisie gewijzigdOp }
    r2025: kwartaalrapportages(jaar: 2025) { id versie waarden(gemeente: "GM0202") { id waarde toelichting } } } }`,
  lees3_moduleRapportagesFout: `{ module(code: "WSP") { kwartaalrapportages(jaar: 1800) { id } } }`,
  lees3_deelnameKpiWaarden: `{ deelnames(gemeente: "GM0202") { id module { code } kpiWaarden { ${WAARDE} }
    k3: kpiWaarden(jaar: 2025, kwartaal: 3) { id waarde } k2026: kpiWaarden(jaar: 2026) { id waarde rapportage { status } } } }`,
  lees3_deelnamesKpiWaardenModule: `{ deelnames(module: "WSP") { gemeente { cbsCode } kpiWaarden(jaar: 2025, kwartaal: 2) { id waarde toelichting kpi { code } rapportage { versie } } } }`,
  lees3_kpiTotalen: `{ a: kpiTotalen(groupBy: [GEMEENTE, MODULE, JAAR, KWARTAAL], where: { jaar: { eq: 2025 } }) { jaar kwartaal som gemiddelde minimum maximum aantal kpi { code } gemeente { cbsCode } module { code } }
    b: kpiTotalen(groupBy: [], where: { gehaald: false }) { jaar kwartaal aantal som kpi { code } gemeente { cbsCode } module { code } }
    c: kpiTotalen(groupBy: [MODULE, KWARTAAL], where: { jaar: { eq: 2026 } }) { kwartaal aantal som gemiddelde minimum maximum kpi { code } module { code } } }`,
  lees3_compleetheid: `{ c2026: rapportageCompleetheid(jaar: 2026) { kwartaal status versie deadline kwartaalAfgelopen teLaat dagenTeLaat module { id code } }
    c2025: rapportageCompleetheid(jaar: 2025) { kwartaal status versie deadline kwartaalAfgelopen teLaat dagenTeLaat module { code } }
    c2024: rapportageCompleetheid(jaar: 2024) { kwartaal status versie teLaat dagenTeLaat module { code } } }`,
  lees3_compleetheidFout: `{ rapportageCompleetheid(jaar: 2201) { kwartaal } }`,
};

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
  ...LEES2_VRAGEN,
  lees1_deelnames: `{ deelnames { id vanaf tot gemeente { id cbsCode naam } module { id code naam }
    bijdragen(jaar: 2024, fase: BEGROOT) { id bedrag fase } kpiWaarden(jaar: 2025, kwartaal: 1) { id waarde toelichting kpi { code } gemeente { cbsCode } } } }`,
  lees1_deelnamesArnhem: `{ deelnames(gemeente: "gm0202", jaar: 2024) { id vanaf tot module { code }
    bijdragen(alleenActueel: false) { id bedrag fase jaar } kpiWaarden { id waarde gehaald norm kpi { code } rapportage { id } } } }`,
  lees1_deelnamesModule: `{ wgsw: deelnames(module: "WGSW", peildatum: "2023-06-01") { id vanaf tot gemeente { cbsCode } }
    rbl: deelnames(module: "RBL") { id vanaf tot gemeente { cbsCode } kpiWaarden(jaar: 2024) { waarde kpi { code } } } }`,
  lees1_deelnamesFout: `{ deelnames(peildatum: "2024-01-01", jaar: 2024) { id } }`,
  lees1_deelnemers: `{ modules { code deelnemers(jaar: 2023) { id vanaf tot gemeente { cbsCode } }
    vandaag: deelnemers { id vanaf tot } peildatum: deelnemers(peildatum: "2019-01-01") { id gemeente { cbsCode } } } }`,
  lees1_deelnemersFout: `{ modules { code deelnemers(jaar: 2023, peildatum: "2023-01-01") { id } } }`,
  lees1_gemeenteDeelnames: `{ gemeenten { cbsCode inwoners(jaar: 2023) laatst: inwoners inwonertallen { jaar aantal bron }
    deelnames(peildatum: "2020-01-01") { id vanaf tot module { code } kpiWaarden(jaar: 2025) { waarde kpi { code } } }
    alle: deelnames(jaar: 2025) { id module { code } } modules(jaar: 2022) { code } } }`,
  lees1_begrotingen: `{ begrotingen { id jaar soort volgnummer lasten baten nettoLasten vastgesteldOp omschrijving module { id code } } }`,
  lees1_begrotingenFilter: `{ a: begrotingen(module: "WGSW", jaar: 2025) { id soort volgnummer nettoLasten module { code } }
    b: begrotingen(soort: WIJZIGING) { id jaar volgnummer lasten baten } c: begrotingen(module: "BESTAAT-NIET") { id } }`,
  lees1_begrotingenFout: `{ begrotingen(jaar: 1800) { id } }`,
  lees1_moduleFinancien: `{ modules { code begrotingen { id jaar soort volgnummer lasten baten nettoLasten vastgesteldOp omschrijving module { code } }
    b2025: begrotingen(jaar: 2025) { id nettoLasten }
    verdeelsleutels { id jaar grondslag omschrijving module { code } eenheden { id eenheden bron gemeente { id cbsCode naam } } }
    v2024: verdeelsleutels(jaar: 2024) { id grondslag } } }`,
  lees1_verdeelsleutels: `{ verdeelsleutels { id jaar grondslag omschrijving module { id code } eenheden { id eenheden bron gemeente { cbsCode naam } } } }`,
  lees1_verdeelsleutelsFilter: `{ a: verdeelsleutels(module: "RBL", jaar: 2024) { id jaar grondslag eenheden { eenheden gemeente { cbsCode } } }
    b: verdeelsleutels(jaar: 2025) { id module { code } } }`,
  lees1_jaarafsluitingen: `{ jaarafsluitingen { id jaar status afgeslotenOp afgeslotenDoor heropendOp heropendDoor redenHeropening module { id code } } }`,
  lees1_jaarafsluitingenFilter: `{ a: jaarafsluitingen(module: "WGSW") { id jaar status module { code } } b: jaarafsluitingen(jaar: 2024) { id module { code } status } }`,
  lees1_bijdrageHerkomst: `{ bijdragen(where: { jaar: { eq: 2025 } }, orderBy: [{ veld: GEMEENTE }], first: 60, alleenActueel: false) { totalCount nodes { id
    begroting { id jaar soort volgnummer lasten baten nettoLasten vastgesteldOp omschrijving module { code } }
    verdeelsleutel { id jaar grondslag omschrijving module { code } eenheden { eenheden bron gemeente { cbsCode } } }
    berekening { grondslag eenheden aandeel nettoLasten exactBedrag deelnameDagen dagenInJaar
      begroting { id soort volgnummer nettoLasten } verdeelsleutel { id grondslag eenheden { id } } } } } }`,
  ...LEES3_VRAGEN,
};

const ROLLEN = ['beheerder', 'controller', 'modulemanagerWgsw', 'modulemanagerRbl', 'gemeenteArnhem', 'dashboardRegio', 'dashboardArnhem'] as const;

type Antwoord = { data: unknown; errors?: Array<{ code: unknown; path: unknown }> };

let t: TestHub;
const opgenomen: Record<string, Antwoord> = OPNEMEN || !existsSync(FIXTURE) ? {} : JSON.parse(gunzipSync(readFileSync(FIXTURE)).toString('utf8'));
const nieuw: Record<string, Antwoord> = {};

beforeAll(async () => {
  // The clock is fixed: answers that depend on today (current participations, how late a report is)
  // must be the same on the day of recording and on every day after.
  t = await startTestHub({ now: NU });
  await lees2Gegevens(t);
});

/**
 * Audit entries and API tokens with fixed times, identical in every run (the demo region has one
 * audit entry from loading time and no tokens): times with microseconds, revoked and unused tokens,
 * JSON of several shapes.
 */
async function lees2Gegevens(hub: TestHub): Promise<void> {
  await hub.sql(`update audit_log set wanneer = '2024-01-01 00:00:00+00'`);
  await hub.sql(`insert into audit_log (wie, wanneer, actie, entiteit, entiteit_id, voor, na) values
    ('beheerder (test:beheerder, BEHEERDER)', '2024-02-29 23:59:59.999999+01', 'KPI_GEWIJZIGD', 'Kpi', '7', '{"naam": "Oud", "ondergrens": "1.50", "module": 3}', '{"naam": "Nieuw", "ondergrens": null, "module": 3}'),
    ('beheerder (test:beheerder, BEHEERDER)', '2024-03-01 12:00:00.1234+00', 'KPI_GEWIJZIGD', 'Kpi', '8', null, '{"lijst": [1, 2.50, "drie", {"vier": true}], "leeg": {}}'),
    ('systeem', '2024-06-30 22:00:00+00', 'DVO_NORM_VASTGELEGD', 'DvoNorm', '12', '{"norm": "12.3400"}', '{"norm": "12.5"}'),
    ('systeem (demoregio)', '2025-01-02 03:04:05.678+00', 'API_TOKEN_AANGEMAAKT', 'ApiToken', '1', null, '{"naam": "BI Arnhem", "modules": []}'),
    ('beheerder (test:beheerder, BEHEERDER)', '2025-01-02 03:04:05.678+00', 'API_TOKEN_INGETROKKEN', 'ApiToken', '2', '{"ingetrokkenOp": null}', '{"ingetrokkenOp": "2025-05-06T07:08:09.000Z"}'),
    ('controller (test:controller, CONTROLLER)', '2025-12-31 23:59:59.9995+00', 'DEELNAME_TOEGEVOEGD', 'Deelname', '42', null, '"tekst"')`);
  await hub.sql(`insert into api_token (naam, rol, gemeente, modules, hash, prefix, aangemaakt_op, ingetrokken_op, laatst_gebruikt_op) values
    ('BI Arnhem', 'DASHBOARD', 'GM0202', '{}', repeat('a', 64), 'rh_aaaaaaa', '2025-01-02 03:04:05.678+00', null, '2025-03-04 05:06:07.123456+00'),
    ('manager', 'MODULEMANAGER', null, '{RBL,WGSW}', repeat('b', 64), 'rh_bbbbbbb', '2024-12-31 23:59:59.9995+02', '2025-05-06 07:08:09+00', null),
    ('Arnhem', 'GEMEENTE', 'GM0202', '{}', repeat('c', 64), 'rh_ccccccc', '2025-07-01 00:00:00+02', null, null),
    ('controller', 'CONTROLLER', null, '{}', repeat('d', 64), 'rh_ddddddd', '2023-03-03 03:03:03+00', null, '2023-03-03 03:03:03.000001+00')`);
}
afterAll(async () => {
  await t.close();
  if (OPNEMEN) {
    mkdirSync(dirname(FIXTURE), { recursive: true });
    // One answer per line, so that `zdiff` of two recordings names the questions whose answers changed.
    const regels = Object.entries(nieuw).map(([sleutel, antwoord]) => `${JSON.stringify(sleutel)}: ${JSON.stringify(antwoord)}`);
    writeFileSync(FIXTURE, gzipSync(`{\n${regels.join(',\n')}\n}\n`, { level: 9 }));
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
