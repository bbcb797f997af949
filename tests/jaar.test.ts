import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../src/audit/audit-log.entity.js';
import { JAAR_TOT, JAAR_VAN, jaarMelding } from '../src/core/jaar.js';
import { hubSchema } from '../src/schema.js';
import {
  AfrekeningDocument,
  BijdragenBerekenenDocument,
  InwonertalVastleggenDocument,
  KostenoverzichtDocument,
  KostenTrendDocument,
  VoorschottenDocument,
} from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { literaal, schemaVelden, selectie, type SchemaVeld } from './helpers/schema-operaties.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.close());

const ONGELDIG = [1899, JAAR_VAN - 1, JAAR_TOT + 1, 3000];
const melding = (veld: string, jaar: number) => `Ongeldige invoer. ${veld}: ${jaarMelding(jaar)}`;
const auditRegels = () => t.orm.em.fork().count(AuditLog, {});

describe('één regel voor een jaar: buiten de jaren van de hub is BAD_USER_INPUT, geen leeg antwoord', () => {
  for (const jaar of ONGELDIG) {
    it(`kostenoverzicht, afrekening, voorschotten en bijdragenBerekenen weigeren jaar ${jaar}`, async () => {
      const voor = await auditRegels();
      const antwoorden = await Promise.all([
        t.execute(KostenoverzichtDocument, { jaar }),
        t.execute(AfrekeningDocument, { module: 'WGSW', jaar }),
        t.execute(VoorschottenDocument, { module: 'WGSW', jaar }),
        t.execute(BijdragenBerekenenDocument, { module: 'WGSW', jaar, soort: 'PRIMITIEF' }, ALS.beheerder),
      ]);
      for (const { data, errors } of antwoorden) {
        expect(data).toBeNull();
        expect(errors).toHaveLength(1);
        expect(errors![0]).toMatchObject({ message: melding('jaar', jaar), extensions: { code: 'BAD_USER_INPUT', velden: ['jaar'] } });
      }
      expect(await auditRegels()).toBe(voor);
    });
  }

  it('kostenoverzichtReeks weigert een ongeldig begin- of eindjaar en noemt welk', async () => {
    const van = await t.execute(KostenTrendDocument, { van: 1899, tot: 2025 });
    expect(van.errors![0]).toMatchObject({ message: melding('van', 1899), extensions: { code: 'BAD_USER_INPUT', velden: ['van'] } });
    const tot = await t.execute(KostenTrendDocument, { van: 2024, tot: 3000 });
    expect(tot.errors![0]).toMatchObject({ message: melding('tot', 3000), extensions: { code: 'BAD_USER_INPUT', velden: ['tot'] } });
  });

  it('een jaar in een invoerobject krijgt dezelfde melding als een jaarargument', async () => {
    const { data, errors } = await t.execute(InwonertalVastleggenDocument, { invoer: { gemeente: 'GM0202', jaar: 1899, aantal: 1, bron: 'test' } }, ALS.beheerder);
    expect(data).toBeNull();
    expect(errors![0]).toMatchObject({ message: melding('jaar', 1899), extensions: { code: 'BAD_USER_INPUT', velden: ['jaar'] } });
  });

  it('de grenzen zelf zijn geldige jaren', async () => {
    for (const jaar of [JAAR_VAN, JAAR_TOT]) {
      const { errors } = await t.execute(KostenoverzichtDocument, { jaar });
      expect(errors, String(jaar)).toBeUndefined();
    }
  });
});

// Derived from the schema, so a new year argument or input field cannot be forgotten: every root field
// that takes a year (an Int argument jaar/van/tot, or an input object with an Int field jaar) refuses 1899.
const JAARNAMEN = new Set(['jaar', 'van', 'tot']);
const isInt = (type: GraphQLInputType) => getNamedType(type).name === 'Int';

/** A harmless value for a required argument or field; the year fields get the year under test. */
function waarde(type: GraphQLInputType, naam: string, jaar: number): unknown {
  if (isNonNullType(type)) return waarde(type.ofType, naam, jaar);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((v) => isNonNullType(v.type) || (v.name === 'jaar' && isInt(v.type)))
        .map((v) => [v.name, waarde(v.type, v.name, jaar)]),
    );
  }
  const scalaren: Record<string, unknown> = {
    Int: JAARNAMEN.has(naam) ? jaar : 1,
    String: 'WGSW',
    Boolean: true,
    CbsCode: 'GM0202',
    LocalDate: '2025-01-01',
    Bedrag: '1.00',
    Decimaal: '1',
  };
  return scalaren[getNamedType(type).name] ?? 'x';
}

function neemtJaar(arg: GraphQLArgument): boolean {
  const type = getNamedType(arg.type);
  if (!isInputObjectType(type)) return JAARNAMEN.has(arg.name) && type.name === 'Int';
  const jaar = type.getFields().jaar;
  return jaar !== undefined && isInt(jaar.type);
}

function operatie(veld: SchemaVeld, jaar: number): string {
  const args = veld.args
    .filter((a) => neemtJaar(a) || (isNonNullType(a.type) && a.defaultValue === undefined))
    .map((a) => `${a.name}: ${literaal(a.type, waarde(a.type, a.name, jaar))}`);
  return `${veld.soort} { ${veld.naam}${args.length ? `(${args.join(', ')})` : ''} ${selectie(veld.type)} }`;
}

const velden = schemaVelden(await hubSchema()).filter((v) => v.args.some(neemtJaar));

describe('elk rootveld met een jaar past de regel toe (afgeleid uit het schema)', () => {
  it('vindt de velden met een jaar, ook de drie zonder eigen controle van vroeger', () => {
    expect(velden.map((v) => v.naam)).toEqual(expect.arrayContaining(['kostenoverzicht', 'afrekening', 'bijdragenBerekenen', 'kpiReeks', 'begrotingVastleggen']));
  });

  for (const veld of velden) {
    it(`${veld.naam} weigert jaar 1899`, async () => {
      const { data, errors } = await t.execute(parse(operatie(veld, 1899)), {}, ALS.beheerder);
      expect(data ?? null).toBeNull();
      expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(errors![0].message).toContain(jaarMelding(1899));
    });
  }

  it('en een jaar in een genest veld: module { begrotingen(jaar) }', async () => {
    const { errors } = await t.execute(parse('{ module(code: "WGSW") { begrotingen(jaar: 3000) { jaar } } }'), {}, ALS.beheerder);
    expect(errors![0]).toMatchObject({ message: melding('jaar', 3000), extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('een datum die PostgreSQL niet kan opslaan is ongeldige invoer, geen databasefout', () => {
  // Found by the fuzz test (FUZZ_SEED=1113323148): ISO 8601 has a year 0000, PostgreSQL's date has not.
  const document = parse(`query Deelnames($peildatum: LocalDate) { deelnames(peildatum: $peildatum) { id } }`);
  it('als variabele', async () => {
    const { errors } = await t.execute(document as never, { peildatum: '0000-01-01' }, ALS.controller);
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors![0].message).toContain('het jaar 0 bestaat niet');
  });
  it('in de query zelf', async () => {
    const { errors } = await t.execute(parse(`{ deelnames(peildatum: "0000-12-31") { id } }`) as never, {}, ALS.controller);
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(errors![0].message).toContain('het jaar 0 bestaat niet');
  });
  it('een gewone datum werkt', async () => {
    const { errors, data } = await t.execute(document as never, { peildatum: '0001-01-01' }, ALS.controller);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ deelnames: [] });
  });
});
