import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenLezen } from '../src/api-token/api-token.types.js';
import { begrotingLezen, begrotingRamingLezen } from '../src/begroting/begroting.types.js';
import { jaarrekeningLezen } from '../src/begroting/jaarrekening.types.js';
import { bijdrageLezen } from '../src/bijdrage/bijdrage.types.js';
import type { ReadModel } from '../src/core/read-model.js';
import { deelnameLezen } from '../src/deelname/deelname.types.js';
import { dvoLezen } from '../src/dvo/dvo.types.js';
import { gemeenteLezen } from '../src/gemeente/gemeente.types.js';
import { inwonertalLezen } from '../src/gemeente/inwonertal.types.js';
import { jaarafsluitingLezen } from '../src/jaarafsluiting/jaarafsluiting.types.js';
import { dvoNormLezen, kpiLezen } from '../src/kpi/kpi.types.js';
import { moduleLezen, programmaLezen } from '../src/module/module.types.js';
import { organisatieLezen } from '../src/organisatie/organisatie.types.js';
import { bestuurscommissieLezen, bestuurscommissieLidLezen, commissieadviesLezen, commissievergaderingLezen } from '../src/pc/bestuur.types.js';
import { pcDocumentLezen, termijnregelLezen, zienswijzeLezen } from '../src/pc/pc.types.js';
import { kpiWaardeLezen } from '../src/rapportage/kpi-waarde.types.js';
import { kwartaalrapportageLezen } from '../src/rapportage/kwartaalrapportage.types.js';
import { verdeelsleutelEenheidLezen, verdeelsleutelLezen } from '../src/verdeelsleutel/verdeelsleutel.types.js';
import { reserveLezen, reservemutatieLezen, resultaatbestemmingLezen, resultaatbestemmingRegelLezen } from '../src/resultaat/resultaat.types.js';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// A page reads the rows its nodes point to (gemeente, module, KPI, report) in its own statement, as
// JSON per row (ReadModel.jsonById), and hands them to the request's loader. These tests hold that the
// JSON road gives exactly the row the by-id road gives, for every read model with an integer key, and
// that a page with its references is one statement.

/** Every read model whose rows a loader keys by an integer id; the audit log's id is a bigint as text. */
const MODELLEN: Record<string, ReadModel<any, { id: number }>> = {
  apiTokenLezen,
  begrotingLezen,
  begrotingRamingLezen,
  bijdrageLezen,
  jaarrekeningLezen,
  deelnameLezen,
  dvoLezen,
  gemeenteLezen,
  inwonertalLezen,
  jaarafsluitingLezen,
  dvoNormLezen,
  kpiLezen,
  moduleLezen,
  programmaLezen,
  organisatieLezen,
  pcDocumentLezen,
  zienswijzeLezen,
  termijnregelLezen,
  bestuurscommissieLezen,
  bestuurscommissieLidLezen,
  commissievergaderingLezen,
  commissieadviesLezen,
  kpiWaardeLezen,
  kwartaalrapportageLezen,
  verdeelsleutelEenheidLezen,
  verdeelsleutelLezen,
  reserveLezen,
  reservemutatieLezen,
  resultaatbestemmingLezen,
  resultaatbestemmingRegelLezen,
};
const ZONDER_GETAL_ALS_SLEUTEL = ['auditLogLezen'];

const query = <T = any>(bron: string) => parse(bron) as TypedDocumentNode<T, Record<string, never>>;

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU, poolSize: 1 });
  // Tokens and a closed year exist only after use; make sure those tables have rows to compare.
  await t.execute(query(`mutation { apiTokenAanmaken(invoer: { naam: "json", rol: CONTROLLER }) { geheim } }`), {}, ALS.beheerder);
});
afterAll(() => t?.close());

describe('JSON per rij geeft dezelfde leesrij als het lezen op id', () => {
  it('de lijst hieronder dekt elk leesmodel in src/', () => {
    const gevonden: string[] = [];
    const lees = (map: string) => {
      for (const item of readdirSync(map, { withFileTypes: true })) {
        const pad = join(map, item.name);
        if (item.isDirectory()) lees(pad);
        else if (pad.endsWith('.ts')) for (const m of readFileSync(pad, 'utf8').matchAll(/export const (\w+) = new ReadModel\(/g)) gevonden.push(m[1]);
      }
    };
    lees('src');
    expect(gevonden.sort()).toEqual([...Object.keys(MODELLEN), ...ZONDER_GETAL_ALS_SLEUTEL].sort());
  });

  it.each(Object.keys(MODELLEN))('%s', async (naam) => {
    const model = MODELLEN[naam];
    const em = t.orm.em.fork();
    const tabel = em.getMetadata().get(model.entity.name).tableName;
    const ids = (await t.sql<{ id: number }>(`select id from ${tabel} order by id limit 300`)).map((r) => r.id);
    expect(ids.length, `${tabel} heeft rijen in de demoregio`).toBeGreaterThan(0);
    const opId = await model.byIds(em, [...ids, -1]);
    const rijen = await em
      .getConnection()
      .execute<Array<{ id: number; rij: Record<string, unknown> | null }>>(
        `select k.id, ${model.jsonById(em, 'k.id')} as rij from unnest(?::int[]) with ordinality as k(id, n) order by k.n`,
        [`{${[...ids, -1].join(',')}}`],
      );
    expect(rijen.at(-1)!.rij, 'een id zonder rij geeft null').toBeNull();
    const viaJson = rijen.slice(0, -1).map((r) => model.map(r.rij!));
    expect(viaJson).toStrictEqual(opId.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)));
  });
});

describe('een pagina leest haar verwijzingen mee', () => {
  async function dataStatements(bron: string, identiteit = ALS.controller) {
    t.statements.length = 0;
    const { data, errors } = await t.execute(query(bron), {}, identiteit);
    expect(errors).toBeUndefined();
    return { data, statements: t.statements.filter((s) => /\bselect\b/i.test(s)) };
  }

  it('bijdragen met gemeente en module: één statement, met dezelfde gemeenten en modules als los gelezen', async () => {
    const { data, statements } = await dataStatements(
      `{ bijdragen(first: 100, where: { jaar: { in: [2024, 2025] } }) { totalCount nodes { bedrag gemeente { id cbsCode naam } module { id code naam startdatum einddatum betaalritme } } } }`,
    );
    expect(statements).toHaveLength(1);
    const nodes = (data as any).bijdragen.nodes as Array<{ gemeente: { id: string }; module: { id: string } }>;
    expect(nodes).toHaveLength(100);
    const gemeenten = await t.sql<{ id: number; cbs_code: string; naam: string }>('select id, cbs_code, naam from gemeente');
    for (const n of nodes) {
      const g = gemeenten.find((x) => String(x.id) === n.gemeente.id)!;
      expect(n.gemeente).toEqual({ id: String(g.id), cbsCode: g.cbs_code, naam: g.naam });
    }
  });

  it('zonder gemeente of module in de selectie leest de pagina ze niet mee', async () => {
    const { statements } = await dataStatements(`{ bijdragen(first: 5) { nodes { bedrag } } }`);
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toMatch(/to_json/);
  });

  it('kpiWaarden met kpi, gemeente en rapportage en kwartaalrapportages met module: één statement elk', async () => {
    const waarden = await dataStatements(
      `{ kpiWaarden(first: 50) { nodes { waarde kpi { code eenheid } gemeente { cbsCode } rapportage { id status versie } } } }`,
      ALS.modulemanagerWsp,
    );
    expect(waarden.statements).toHaveLength(1);
    expect((waarden.data as any).kpiWaarden.nodes.length).toBeGreaterThan(0);
    const rapportages = await dataStatements(`{ kwartaalrapportages(first: 20) { nodes { jaar kwartaal module { code naam } } } }`);
    expect(rapportages.statements).toHaveLength(1);
  });
});
