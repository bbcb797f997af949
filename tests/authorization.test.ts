import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../src/auth/identity.js';
import { AuditLog } from '../src/audit/audit-log.entity.js';
import { hubSchema } from '../src/schema.js';
import * as ops from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { NU } from './helpers/scenario.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

type Rol = keyof typeof ALS;
const ROLLEN = Object.keys(ALS) as Rol[];
const iedereen = ROLLEN;
const alleen = (...rollen: Rol[]) => rollen;

// Every root query field, with the roles that may call it (the others get FORBIDDEN and no data).
const QUERIES: Array<[string, TypedDocumentNode<unknown, Record<string, never>>, Rol[]]> = [
  ['gemeenten', ops.RootGemeentenDocument, iedereen],
  ['gemeente', ops.RootGemeenteDocument, iedereen],
  ['programmas', ops.RootProgrammasDocument, iedereen],
  ['modules', ops.RootModulesDocument, iedereen],
  ['module', ops.RootModuleDocument, iedereen],
  ['deelnames', ops.RootDeelnamesDocument, iedereen],
  ['organisaties', ops.RootOrganisatiesDocument, iedereen],
  ['dvos', ops.RootDvosDocument, iedereen],
  ['dvo', ops.RootDvoDocument, iedereen],
  ['begrotingen', ops.RootBegrotingenDocument, iedereen],
  ['jaarrekening', ops.RootJaarrekeningDocument, iedereen],
  ['jaarrekeningen', ops.RootJaarrekeningenDocument, iedereen],
  ['verdeelsleutels', ops.RootVerdeelsleutelsDocument, iedereen],
  ['bijdragen', ops.RootBijdragenDocument, iedereen],
  ['kpis', ops.RootKpisDocument, iedereen],
  ['kwartaalrapportages', ops.RootKwartaalrapportagesDocument, iedereen],
  ['kpiWaarden', ops.RootKpiWaardenDocument, iedereen],
  ['kpiTotalen', ops.RootKpiTotalenDocument, iedereen],
  ['kostenoverzicht', ops.RootKostenoverzichtDocument, iedereen],
  ['kostenoverzichtReeks', ops.RootKostenoverzichtReeksDocument, iedereen],
  ['meerjarenraming', ops.RootMeerjarenramingDocument, iedereen],
  ['bijdrageTotalen', ops.RootBijdrageTotalenDocument, iedereen],
  ['kpiReeks', ops.RootKpiReeksDocument, iedereen],
  ['afrekening', ops.RootAfrekeningDocument, iedereen],
  ['voorschotten', ops.RootVoorschottenDocument, iedereen],
  ['rapportageCompleetheid', ops.RootCompleetheidDocument, iedereen],
  ['jaarafsluitingen', ops.RootJaarafsluitingenDocument, iedereen],
  ['jaarresultaat', ops.RootJaarresultaatDocument, iedereen],
  ['jaarresultaten', ops.RootJaarresultatenDocument, iedereen],
  ['resultaatbestemmingen', ops.RootResultaatbestemmingenDocument, iedereen],
  ['reserves', ops.RootReservesDocument, iedereen],
  ['reservestanden', ops.RootReservestandenDocument, iedereen],
  ['taakvelden', ops.RootTaakveldenDocument, iedereen],
  ['realisatie', ops.RootRealisatieDocument, iedereen],
  ['bestuursrapportage', ops.RootBestuursrapportageDocument, iedereen],
  ['iv3Aanlevering', ops.RootIv3AanleveringDocument, alleen('beheerder', 'controller')],
  ['pcDocumenten', ops.RootPcDocumentenDocument, iedereen],
  ['pcDocument', ops.RootPcDocumentDocument, iedereen],
  ['pcKalender', ops.RootPcKalenderDocument, iedereen],
  ['termijnregels', ops.RootTermijnregelsDocument, iedereen],
  ['zienswijzen', ops.RootZienswijzenDocument, iedereen],
  ['openstaandeZienswijzen', ops.RootOpenstaandeZienswijzenDocument, iedereen],
  ['bestuurscommissies', ops.RootBestuurscommissiesDocument, iedereen],
  ['pcKomendeTermijnen', ops.RootPcKomendeTermijnenDocument, iedereen],
  ['aanmelding', ops.RootAanmeldingDocument, iedereen],
  ['kwartaalrapportageSjabloon', ops.RootKwartaalrapportageSjabloonDocument, alleen('modulemanagerWgsw')],
  ['begrotingenSjabloon', ops.RootBegrotingenSjabloonDocument, alleen('beheerder')],
  ['verdeelsleutelsSjabloon', ops.RootVerdeelsleutelsSjabloonDocument, alleen('beheerder')],
  // The template of WGSW's quarter: the beheerder and WGSW's own manager; other managers are out of scope.
  ['realisatieSjabloon', ops.RootRealisatieSjabloonDocument, alleen('beheerder', 'modulemanagerWgsw')],
  ['auditLog', ops.RootAuditLogDocument, alleen('beheerder', 'controller')],
  ['apiTokens', ops.RootApiTokensDocument, alleen('beheerder')],
];

describe('autorisatiematrix: elke rol × elk root-queryveld', () => {
  for (const [veld, document, toegestaan] of QUERIES) {
    for (const rol of ROLLEN) {
      const mag = toegestaan.includes(rol);
      it(`${veld} als ${rol}: ${mag ? 'toegestaan' : 'FORBIDDEN'}`, async () => {
        const { data, errors } = await t.execute(document, {}, ALS[rol]);
        if (mag) {
          expect(errors).toBeUndefined();
          // The field itself answered (an empty list is an answer; null or a missing field is not).
          expect((data as Record<string, unknown>)[veld]).toBeDefined();
          expect((data as Record<string, unknown>)[veld]).not.toBeNull();
        } else {
          expect(data).toBeNull();
          expect(errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN']);
        }
      });
    }
  }
});

const ALLEEN_BEHEERDER = ROLLEN.filter((r) => r !== 'beheerder');

async function auditRegels(): Promise<number> {
  return t.orm.em.fork().count(AuditLog, {});
}

// Each mutation with a valid input: everyone but the beheerder is refused, and nothing changes.
const BEHEERMUTATIES: Array<[string, (als: Identity, n: number) => ReturnType<TestHub['execute']>]> = [
    ['gemeenteToevoegen', (als, n) => t.execute(ops.GemeenteToevoegenDocument, { invoer: { cbsCode: `GM99${String(n).padStart(2, '0')}`, naam: `Testgemeente ${n}` } }, als)],
    ['inwonertalVastleggen', (als) => t.execute(ops.InwonertalVastleggenDocument, { invoer: { gemeente: 'GM0277', jaar: 2027, aantal: 1712, bron: 'test' } }, als)],
    ['moduleToevoegen', (als, n) => t.execute(ops.ModuleToevoegenDocument, { invoer: { code: `TEST-${n}`, naam: 'Test', omschrijving: 'Testmodule', startdatum: '2027-01-01', programma: 'ZORG' } }, als)],
    ['deelnameToevoegen', (als, n) => t.execute(ops.DeelnameToevoegenDocument, { invoer: { gemeente: 'GM0274', module: 'WGSW', vanaf: `20${30 + n}-01-01`, tot: `20${30 + n}-06-01` } }, als)],
    ['deelnameBeeindigen', (als) => t.execute(ops.DeelnameBeeindigenDocument, { id: 1, tot: '2030-01-01' }, als)],
    ['dvoToevoegen', (als, n) => t.execute(ops.DvoToevoegenDocument, { invoer: { kenmerk: `DVO-TEST-${n}`, omschrijving: 'test', module: 'WSP', organisatie: 'UWV', ingangsdatum: '2027-01-01' } }, als)],
    ['begrotingVastleggen', (als) => t.execute(ops.BegrotingVastleggenDocument, { invoer: { module: 'WSP', jaar: 2027, soort: 'PRIMITIEF', lasten: '10.00', baten: '0.00', vastgesteldOp: '2026-07-01', omschrijving: 'test' } }, als)],
    ['verdeelsleutelVastleggen', (als, n) => t.execute(ops.VerdeelsleutelVastleggenDocument, { invoer: { module: 'WSP', jaar: 2040 + n, grondslag: 'GELIJKE_DELEN', omschrijving: 'test', eenheden: [{ gemeente: 'GM0202', eenheden: '1', bron: 'test' }] } }, als)],
    ['kpiVastleggen', (als, n) => t.execute(ops.KpiVastleggenDocument, { invoer: { module: 'WSP', code: `TEST_${n}`, naam: 'test', eenheid: 'AANTAL', richting: 'HOGER_IS_BETER', niveau: 'REGIO', actiefVanaf: '2027-01-01' } }, als)],
    ['dvoNormVastleggen', (als) => t.execute(ops.DvoNormVastleggenDocument, { invoer: { dvo: 'DVO-WSP-UWV-2024', kpi: 'WERKGEVERSCONTACTEN', jaar: 2027, norm: '1300' } }, als)],
    ['jaarHeropenen', (als) => t.execute(ops.JaarHeropenenDocument, { module: 'WSP', jaar: 2024, reden: 'Test van de autorisatie.' }, als)],
    ['jaarAfsluiten', (als) => t.execute(ops.JaarAfsluitenDocument, { module: 'WSP', jaar: 2024 }, als)],
    // Allowed only for the beheerder, but a jaarrekening needs a clock after the year: tests/jaarafsluiting.test.ts.
    [
      'jaarrekeningVastleggen',
      (als) => t.execute(ops.JaarrekeningVastleggenDocument, { invoer: { module: 'WSP', jaar: 2026, lasten: '1.00', baten: '0.00', vastgesteldOp: '2027-03-01', omschrijving: 'test' } }, als),
    ],
    ['reserveInstellen', (als, n) => t.execute(ops.ReserveInstellenDocument, { invoer: { module: 'WSP', soort: 'BESTEMMINGSRESERVE', naam: `Testreserve ${n}`, doel: 'test', ingesteldOp: '2026-01-01' } }, als)],
    // Reserve 1 is the demo's Algemene reserve MGR.
    ['reservemutatieVastleggen', (als) => t.execute(ops.ReservemutatieVastleggenDocument, { invoer: { reserve: 1, soort: 'TOEVOEGING', datum: '2026-11-01', bedrag: '10.00', reden: 'test' } }, als)],
    // INKOOP-WMO 2024 has no resultaatbestemming in the demo; its result is 2110.74 (voordelig).
    [
      'resultaatbestemmingVastleggen',
      (als) =>
        t.execute(
          ops.ResultaatbestemmingVastleggenDocument,
          { invoer: { module: 'INKOOP-WMO', jaar: 2024, besluitOp: '2026-01-15', omschrijving: 'test', regels: [{ soort: 'TERUGBETALEN_AAN_GEMEENTEN', bedrag: '2110.74' }] } },
          als,
        ),
    ],
    // The demo has a resultaatbestemming 2025 for every module.
    ['resultaatbestemmingIntrekken', (als) => t.execute(ops.ResultaatbestemmingIntrekkenDocument, { module: 'WSP', jaar: 2025, reden: 'Test van de autorisatie.' }, als)],
    // P&C cycle on the demo documents: 7 is the kadernota added first (no zienswijze term, so it
    // can be adopted on the test clock), 6 the WGSW begrotingswijziging still open for zienswijze.
    ['pcDocumentToevoegen', (als, n) => t.execute(ops.PcDocumentToevoegenDocument, { invoer: { soort: 'KADERNOTA', jaar: 2030, titel: `Test ${n}` } }, als)],
    ['pcDocumentVoorZienswijze', (als) => t.execute(ops.PcDocumentVoorZienswijzeDocument, { id: '7', verzondenOp: '2026-11-01' }, als)],
    ['pcDocumentVaststellen', (als) => t.execute(ops.PcDocumentVaststellenDocument, { id: '7', vastgesteldOp: '2026-11-20' }, als)],
    ['pcDocumentVerzenden', (als) => t.execute(ops.PcDocumentVerzendenDocument, { id: '7', verzondenOp: '2026-11-21' }, als)],
    ['zienswijzeVastleggen', (als) => t.execute(ops.ZienswijzeVastleggenDocument, { invoer: { document: '6', gemeente: 'GM0226', ontvangenOp: '2026-11-22', samenvatting: 'test' } }, als)],
    ['zienswijzeBeantwoorden', (als) => t.execute(ops.ZienswijzeBeantwoordenDocument, { invoer: { zienswijze: '1', reactie: 'test', reactieOp: '2026-11-22' } }, als)],
    ['bestuurscommissieLidToevoegen', (als, n) => t.execute(ops.BestuurscommissieLidToevoegenDocument, { invoer: { programma: 'ZORG', gemeente: 'GM0202', naam: `Lid ${n}`, portefeuille: 'Zorg' } }, als)],
    ['commissievergaderingToevoegen', (als) => t.execute(ops.CommissievergaderingToevoegenDocument, { invoer: { programma: 'ZORG', datum: '2026-12-10', onderwerp: 'test' } }, als)],
    ['commissieadviesVastleggen', (als) => t.execute(ops.CommissieadviesVastleggenDocument, { invoer: { programma: 'ZORG', document: '7', datum: '2026-11-19', advies: 'test' } }, als)],
    [
      'termijnregelWijzigen',
      (als) => t.execute(ops.TermijnregelWijzigenDocument, { invoer: { code: 'JAARREKENING_NAAR_GS', soort: 'WEKEN_NA_UITERLIJK', weken: 2, naStap: 'VASTGESTELD', voorMaand: 7, voorDag: 15, jaarVerschil: 1 } }, als),
    ],
    ['apiTokenAanmaken', (als) => t.execute(ops.ApiTokenAanmakenDocument, { invoer: { naam: 'test', rol: 'DASHBOARD' } }, als)],
    ['apiTokenIntrekken', (als) => t.execute(ops.ApiTokenIntrekkenDocument, { id: 999_999 }, als)],
  ];

describe('autorisatiematrix: elke rol × elke mutatie', () => {
  const gevallen = BEHEERMUTATIES;

  for (const [mutatie, voerUit] of gevallen) {
    it(`${mutatie}: FORBIDDEN voor ${ALLEEN_BEHEERDER.join(', ')}, zonder wijziging`, async () => {
      const voor = await auditRegels();
      for (const [i, rol] of ALLEEN_BEHEERDER.entries()) {
        const { data, errors } = await voerUit(ALS[rol], i);
        expect(data, rol).toBeNull();
        expect(errors!.map((e) => e.extensions!.code), rol).toEqual(['FORBIDDEN']);
      }
      expect(await auditRegels()).toBe(voor);
    });
  }

  it('alle mutaties zijn toegestaan voor de beheerder en worden geaudit', async () => {
    const voor = await auditRegels();
    const resultaten = [];
    for (const [mutatie, voerUit] of gevallen.filter(([m]) => m !== 'apiTokenIntrekken' && m !== 'jaarrekeningVastleggen')) {
      const { errors } = await voerUit(ALS.beheerder, 50);
      expect(errors, mutatie).toBeUndefined();
      resultaten.push(mutatie);
    }
    expect(await auditRegels()).toBe(voor + resultaten.length);
    const { errors } = await t.execute(ops.ApiTokenIntrekkenDocument, { id: 999_999 }, ALS.beheerder);
    expect(errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('scope: geen pad geeft rijen buiten de scope', () => {
  it('een gemeente ziet via module { deelnemers { kpiWaarden } } alleen haar eigen waarden en regionale totalen', async () => {
    const { data } = await t.execute(ops.ScopeKpiWaardenDocument, {}, ALS.gemeenteArnhem);
    const deelnemers = data!.module.deelnemers;
    expect(deelnemers.length).toBe(9);
    for (const d of deelnemers) {
      if (d.gemeente.cbsCode === 'GM0202') expect(d.kpiWaarden.length).toBeGreaterThan(0);
      else expect(d.kpiWaarden).toEqual([]);
      expect(d.kpiWaarden.every((w) => w.rapportage.status === 'GOEDGEKEURD')).toBe(true);
    }
    const waarden = data!.module.kwartaalrapportages.flatMap((r) => r.waarden);
    expect(waarden.length).toBeGreaterThan(0);
    expect(waarden.every((w) => w.gemeente === null || w.gemeente.cbsCode === 'GM0202')).toBe(true);
  });

  it('een regionaal dashboard ziet alleen regionale totalen', async () => {
    const { data } = await t.execute(ops.ScopeKpiWaardenDocument, {}, ALS.dashboardRegio);
    expect(data!.module.deelnemers.flatMap((d) => d.kpiWaarden)).toEqual([]);
    const waarden = data!.module.kwartaalrapportages.flatMap((r) => r.waarden);
    expect(waarden.length).toBeGreaterThan(0);
    expect(waarden.every((w) => w.gemeente === null && w.kpi.niveau === 'REGIO')).toBe(true);
  });

  it('een dashboard met gemeentescope ziet wat die gemeente ziet', async () => {
    const gemeente = await t.execute(ops.ScopeKpiWaardenDocument, {}, ALS.gemeenteArnhem);
    const dashboard = await t.execute(ops.ScopeKpiWaardenDocument, {}, ALS.dashboardArnhem);
    expect(dashboard.data).toEqual(gemeente.data);
  });

  it('gemeenten en dashboards zien alleen goedgekeurde rapportages; een controller ziet alles', async () => {
    const statussen = async (als: Identity) =>
      (await t.execute(ops.RootKwartaalrapportagesDocument, {}, als)).data!.kwartaalrapportages.nodes.map((r) => `${r.module.code}:${r.status}`).sort();
    expect(await statussen(ALS.controller)).toEqual([
      'INBURGERING:INGEDIEND',
      'INKOOP:TERUGGESTUURD',
      'RBL:INGEDIEND',
      'WGSW:GOEDGEKEURD',
      'WSP:CONCEPT',
    ]);
    expect(await statussen(ALS.gemeenteArnhem)).toEqual(['WGSW:GOEDGEKEURD']);
    expect(await statussen(ALS.dashboardRegio)).toEqual(['WGSW:GOEDGEKEURD']);
  });

  it('een modulemanager ziet alle versies van de eigen module, en van andere modules niets', async () => {
    const { data } = await t.execute(ops.RootKwartaalrapportagesDocument, {}, ALS.modulemanagerRbl);
    expect(data!.kwartaalrapportages.nodes.map((r) => `${r.module.code}:${r.status}`)).toEqual(['RBL:INGEDIEND']);
    const wgsw = await t.execute(ops.ScopeKpiWaardenDocument, {}, ALS.modulemanagerRbl);
    expect(wgsw.data!.module.kwartaalrapportages).toEqual([]);
    expect(wgsw.data!.module.deelnemers.flatMap((d) => d.kpiWaarden)).toEqual([]);
  });
});

const sleutel = { module: 'WGSW', jaar: 2025, kwartaal: 1, revisie: 999 };
// Mutations for some roles besides the beheerder. The input is refused after authorization, so the
// allowed roles meet the data's state (one of `naAutorisatie`) and nothing changes for anyone.
const ROLMUTATIES: Array<[string, (als: Identity) => ReturnType<TestHub['execute']>, Rol[], string[]?]> = [
    ['kwartaalrapportageOpslaan', (als) => t.execute(ops.RapportageOpslaanDocument, { invoer: { ...sleutel, waarden: [] } }, als), ['modulemanagerWgsw']],
    ['kwartaalrapportageIndienen', (als) => t.execute(ops.RapportageIndienenDocument, { rapportage: sleutel }, als), ['modulemanagerWgsw']],
    ['kwartaalrapportageCorrigeren', (als) => t.execute(ops.RapportageCorrigerenDocument, { rapportage: { ...sleutel, reden: 'test' } }, als), ['modulemanagerWgsw']],
    ['kwartaalrapportageGoedkeuren', (als) => t.execute(ops.RapportageGoedkeurenDocument, { rapportage: sleutel }, als), ['controller']],
    ['kwartaalrapportageTerugsturen', (als) => t.execute(ops.RapportageTerugsturenDocument, { rapportage: { ...sleutel, reden: 'test' } }, als), ['controller']],
    // Not a workbook: the manager of the module the upload names meets the file's problems.
    ['kwartaalrapportageUploaden', (als) => t.execute(ops.RootKwartaalrapportageUploadenDocument, {}, als), ['modulemanagerWgsw'], ['BAD_USER_INPUT']],
    // Not a StatLine file: the beheerder meets the file's problems.
    ['inwonersImporteren', (als) => t.execute(ops.RootInwonersImporterenDocument, {}, als), ['beheerder'], ['BAD_USER_INPUT']],
    ['begrotingenImporteren', (als) => t.execute(ops.RootBegrotingenImporterenDocument, {}, als), ['beheerder'], ['BAD_USER_INPUT']],
    ['verdeelsleutelsImporteren', (als) => t.execute(ops.RootVerdeelsleutelsImporterenDocument, {}, als), ['beheerder'], ['BAD_USER_INPUT']],
    // Not a workbook: the beheerder and every module manager meet the file's problems (the module scope is checked per quarter of the file).
    ['realisatieImporteren', (als) => t.execute(ops.RootRealisatieImporterenDocument, {}, als), ['beheerder', 'modulemanagerWgsw', 'modulemanagerRbl', 'modulemanagerWsp'], ['BAD_USER_INPUT']],
    // Every demo programma has its bestuurscommissie: the beheerder meets CONFLICT.
    ['bestuurscommissieToevoegen', (als) => t.execute(ops.BestuurscommissieToevoegenDocument, { programma: 'ZORG', naam: 'Tweede commissie' }, als), ['beheerder'], ['CONFLICT']],
    // No budget for 2099: the allowed roles get NOT_FOUND.
    ['bijdragenBerekenen', (als) => t.execute(ops.BijdragenBerekenenDocument, { module: 'WSP', jaar: 2099, soort: 'PRIMITIEF' }, als), ['beheerder', 'controller'], ['NOT_FOUND']],
    // No jaarrekening for 2099: the allowed roles get INVALID_STATUS.
    ['gerealiseerdeBijdragenBerekenen', (als) => t.execute(ops.GerealiseerdeBijdragenBerekenenDocument, { module: 'WSP', jaar: 2099 }, als), ['beheerder', 'controller'], ['INVALID_STATUS']],
    // A categorie that does not exist: the beheerder and WgSW's own manager meet the input's problems; other managers are out of scope.
    ['realisatieVastleggen', (als) => t.execute(ops.RootRealisatieVastleggenDocument, {}, als), ['beheerder', 'modulemanagerWgsw'], ['BAD_USER_INPUT']],
  ];

describe('autorisatiematrix: mutaties voor bepaalde rollen (rapportages, bijdragen berekenen)', () => {
  const gevallen = ROLMUTATIES;
  for (const [mutatie, voerUit, toegestaan, naAutorisatie = ['CONFLICT', 'INVALID_STATUS']] of gevallen) {
    it(`${mutatie}: alleen ${toegestaan.join(', ')} komt langs de autorisatie`, async () => {
      const voor = await auditRegels();
      for (const rol of ROLLEN) {
        const { errors } = await voerUit(ALS[rol]);
        const code = errors![0].extensions!.code;
        // The allowed role passes authorization and then meets the report's state, its stale revisie or missing data.
        if (toegestaan.includes(rol)) expect(naAutorisatie, rol).toContain(code);
        else expect(code, rol).toBe('FORBIDDEN');
      }
      expect(await auditRegels()).toBe(voor);
    });
  }
});

describe('de autorisatiematrix dekt het hele schema', () => {
  it('heeft voor elk root-queryveld en elke mutatie een regel', async () => {
    const schema = await hubSchema();
    const inMatrix = new Set([...QUERIES.map(([veld]) => veld), ...BEHEERMUTATIES.map(([m]) => m), ...ROLMUTATIES.map(([m]) => m)]);
    const velden = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    // A new field without a line here fails this test: decide who may use it and add it to the matrix.
    expect(velden.filter((veld) => !inMatrix.has(veld))).toEqual([]);
    expect([...inMatrix].filter((veld) => !velden.includes(veld))).toEqual([]);
  });
});
