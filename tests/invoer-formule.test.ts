import { getMetadataStorage as validatieMetadata } from 'class-validator';
import { getNamedType, GraphQLInputObjectType, GraphQLString, type GraphQLArgument, type GraphQLInputField } from 'graphql';
import { getMetadataStorage as schemaMetadata } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { formulaProblem } from '../src/core/spreadsheet-text.js';
import { hubSchema } from '../src/schema.js';
import {
  ApiTokenAanmakenDocument,
  BegrotingVastleggenDocument,
  DvoToevoegenDocument,
  GemeenteToevoegenDocument,
  InwonertalVastleggenDocument,
  JaarHeropenenDocument,
  KpiVastleggenDocument,
  ModuleToevoegenDocument,
  RapportageOpslaanDocument,
  RapportageTerugsturenDocument,
  VerdeelsleutelVastleggenDocument,
} from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { FORMULE_TEKSTEN, HYPERLINK, NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());


type Antwoord = { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

function geweigerd(antwoord: Antwoord, veld: string, label: string) {
  expect(antwoord.errors, veld).toBeDefined();
  expect(antwoord.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', velden: [veld] });
  expect(antwoord.errors![0].message).toContain(`${veld}: ${label} mag niet beginnen met`);
  expect(antwoord.data ?? null).toBeNull();
}

const tellingen = () =>
  t.sql<{ gemeenten: string; audit: string }>('select (select count(*) from gemeente) as gemeenten, (select count(*) from audit_log) as audit');

describe('invoer die een spreadsheet als formule zou lezen', () => {
  it('weigert gemeenteToevoegen met een naam als =HYPERLINK(…), met BAD_USER_INPUT, en schrijft niets', async () => {
    const voor = await tellingen();
    const antwoord = await t.execute(GemeenteToevoegenDocument, { invoer: { cbsCode: 'GM0997', naam: HYPERLINK } }, ALS.beheerder);
    geweigerd(antwoord, 'naam', 'Naam');
    expect(antwoord.errors![0].message).toBe(
      "Ongeldige invoer. naam: Naam mag niet beginnen met =, +, -, @, een tab of een regelterugloop: een spreadsheet leest zo'n tekst als formule.",
    );
    expect(await tellingen()).toEqual(voor);
    expect(await t.sql(`select 1 from gemeente where cbs_code = 'GM0997'`)).toEqual([]);
  });

  it('weigert een tokennaam als formule ook buiten GraphQL om (npm run token -- create roept dezelfde functie aan)', async () => {
    const voor = await t.sql('select count(*)::int as n from api_token');
    await expect(maakApiToken(t.orm.em.fork(), { naam: HYPERLINK, rol: 'DASHBOARD' as never }, 'cli (test)')).rejects.toMatchObject({
      message: formulaProblem('Naam', HYPERLINK, 'name'),
      extensions: { code: 'BAD_USER_INPUT', veld: 'naam' },
    });
    expect(await t.sql('select count(*)::int as n from api_token')).toEqual(voor);
  });

  it('weigert elk begin uit de OWASP-lijst in een naam, en aanvaardt die tekens verderop', async () => {
    for (const naam of FORMULE_TEKSTEN) {
      geweigerd(await t.execute(GemeenteToevoegenDocument, { invoer: { cbsCode: 'GM0996', naam } }, ALS.beheerder), 'naam', 'Naam');
    }
    const goed = await t.execute(GemeenteToevoegenDocument, { invoer: { cbsCode: 'GM0996', naam: 'Sint-Michielsgestel = Den Dungen + Berlicum @ 2026' } }, ALS.beheerder);
    expect(goed.errors).toBeUndefined();
  });

  it('geldt voor elke naam, omschrijving, bron en kenmerk van stamdata', async () => {
    const b = ALS.beheerder;
    const module = { code: 'TEST-F', naam: 'Test', omschrijving: 'Testmodule', startdatum: '2027-01-01', programma: 'ZORG' };
    const dvo = { kenmerk: 'DVO-TEST-F', omschrijving: 'test', module: 'WSP', organisatie: 'UWV', ingangsdatum: '2027-01-01' };
    const kpi = { module: 'WSP', code: 'TEST_F', naam: 'test', eenheid: 'AANTAL', richting: 'HOGER_IS_BETER', niveau: 'REGIO', actiefVanaf: '2027-01-01' } as const;
    const begroting = { module: 'WSP', jaar: 2027, soort: 'PRIMITIEF', lasten: '10.00', baten: '0.00', vastgesteldOp: '2026-07-01', omschrijving: 'test' } as const;
    const sleutel = { module: 'WSP', jaar: 2040, grondslag: 'GELIJKE_DELEN' as const, omschrijving: 'test', eenheden: [{ gemeente: 'GM0202', eenheden: '1', bron: 'test' }] };
    geweigerd(await t.execute(ModuleToevoegenDocument, { invoer: { ...module, naam: '+Zorg' } }, b), 'naam', 'Naam');
    geweigerd(await t.execute(ModuleToevoegenDocument, { invoer: { ...module, omschrijving: '=1' } }, b), 'omschrijving', 'Omschrijving');
    geweigerd(await t.execute(DvoToevoegenDocument, { invoer: { ...dvo, omschrijving: '@x' } }, b), 'omschrijving', 'Omschrijving');
    geweigerd(await t.execute(DvoToevoegenDocument, { invoer: { ...dvo, kenmerk: '-DVO-1' } }, b), 'kenmerk', 'Kenmerk');
    geweigerd(await t.execute(KpiVastleggenDocument, { invoer: { ...kpi, naam: '=A1' } }, b), 'naam', 'Naam');
    geweigerd(await t.execute(ApiTokenAanmakenDocument, { invoer: { naam: '=cmd|x', rol: 'DASHBOARD' } }, b), 'naam', 'Naam');
    geweigerd(await t.execute(BegrotingVastleggenDocument, { invoer: { ...begroting, omschrijving: '-1' } }, b), 'omschrijving', 'Omschrijving');
    geweigerd(await t.execute(VerdeelsleutelVastleggenDocument, { invoer: { ...sleutel, omschrijving: '\tx' } }, b), 'omschrijving', 'Omschrijving');
    // A field of a nested input is named by its path.
    geweigerd(await t.execute(VerdeelsleutelVastleggenDocument, { invoer: { ...sleutel, eenheden: [{ ...sleutel.eenheden[0], bron: '=x' }] } }, b), 'eenheden.0.bron', 'Bron');
    geweigerd(await t.execute(InwonertalVastleggenDocument, { invoer: { gemeente: 'GM0202', jaar: 2026, aantal: 1, bron: '@CBS' } }, b), 'bron', 'Bron');
    expect(await t.sql(`select 1 from module where code = 'TEST-F' union all select 1 from dvo where kenmerk = 'DVO-TEST-F'`)).toEqual([]);
  });

  it('laat in een toelichting of reden een streepje of plus aan het begin toe, maar geen =, @, tab of CR', async () => {
    const WSP_Q3 = { module: 'WSP', jaar: 2026, kwartaal: 3, revisie: 1 };
    const opslaan = (toelichting: string) =>
      t.execute(RapportageOpslaanDocument, { invoer: { ...WSP_Q3, waarden: [{ kpi: 'WERKGEVERSCONTACTEN', waarde: '1311', toelichting }] } }, ALS.modulemanagerWsp);
    for (const toelichting of ['=1+1', '@collega', '\tingesprongen', '\rregel']) {
      geweigerd(await opslaan(toelichting), 'waarden.0.toelichting', 'Toelichting');
    }
    const goed = await opslaan('- zie bijlage');
    expect(goed.errors).toBeUndefined();
    expect(await t.sql(`select toelichting from kpi_waarde where toelichting = '- zie bijlage'`)).toHaveLength(1);
    expect(formulaProblem('Toelichting', '+3 % t.o.v. Q2', 'prose')).toBeNull();

    geweigerd(await t.execute(RapportageTerugsturenDocument, { rapportage: { ...WSP_Q3, reden: '=x' } }, ALS.controller), 'reden', 'Reden');
    geweigerd(await t.execute(JaarHeropenenDocument, { module: 'WSP', jaar: 2024, reden: '@brief' }, ALS.beheerder), 'reden', 'Reden');
  });

  it('heeft de regel op elk tekstveld van elke mutatie dat geen verwijzing is (een nieuw veld moet kiezen)', async () => {
    // Codes and references to existing things (a wrong one is not found or has no valid form, so it is never stored).
    // And `bestand`: an uploaded workbook as base64, read as xlsx and never stored as text (its cells go
    // through the save's own input rules).
    const VERWIJZINGEN = new Set(['module', 'programma', 'hoofdmodule', 'taakveld', 'organisatie', 'dvo', 'kpi', 'code', 'modules', 'jaarrekeningen', 'gemeente', 'bestand']);
    const schema = await hubSchema();
    const invoerTypen = schemaMetadata().inputTypes;
    const ontbreekt: string[] = [];
    const bezocht = new Set<string>();
    const heeftRegel = (type: GraphQLInputObjectType, veld: string) => {
      const klasse = invoerTypen.find((i) => i.name === type.name)!.target;
      return validatieMetadata()
        .getTargetValidationMetadatas(klasse, '', true, false)
        .some((m) => m.propertyName === veld && m.name === 'noFormula');
    };
    const bekijk = (waar: string, veld: GraphQLArgument | GraphQLInputField, ouder: GraphQLInputObjectType | null, mutatie: string) => {
      const type = getNamedType(veld.type);
      if (type === GraphQLString && !VERWIJZINGEN.has(veld.name)) {
        const gedekt = ouder
          ? heeftRegel(ouder, veld.name)
          : schemaMetadata().params.some((p) => p.kind === 'arg' && p.methodName === mutatie && p.name === veld.name && p.validateFn);
        if (!gedekt) ontbreekt.push(`${waar}.${veld.name}`);
      }
      if (type instanceof GraphQLInputObjectType && !bezocht.has(type.name)) {
        bezocht.add(type.name);
        for (const kind of Object.values(type.getFields())) bekijk(type.name, kind, type, mutatie);
      }
    };
    for (const mutatie of Object.values(schema.getMutationType()!.getFields())) {
      for (const arg of mutatie.args) bekijk(mutatie.name, arg, null, mutatie.name);
    }
    expect(ontbreekt).toEqual([]);
    expect([...bezocht]).toEqual(expect.arrayContaining(['GemeenteInvoer', 'KpiWaardeInvoer', 'EenheidInvoer', 'ApiTokenInvoer']));
  });
});
