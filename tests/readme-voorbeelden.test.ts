import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSchema, parse, validate, type GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identiteitVanApiToken } from '../src/auth/api-token.service.js';
import type { Identity } from '../src/auth/identity.js';
import { maakDemoTokens } from '../src/demo/demo-tokens.js';
import { graphiqlTabs, leesReadmeVoorbeelden } from '../src/web/graphiql/readme-voorbeelden.js';
import { NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// Every ```graphql example of the README runs against the demo region as the demo token it names
// (<!-- als: … --> right before it) and must succeed; where the README shows an answer, the answer is
// exactly that. Mutations each get a fresh copy of the demo region, so they do not depend on each
// other or change what the queries see. GraphiQL opens with the same examples (graphiqlTabs).

const root = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const voorbeelden = leesReadmeVoorbeelden(readme);
const schema = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'));

let t: TestHub;
/** The demo tokens as the hub makes them at first start, by their key in demo-tokens.json. */
const demo = new Map<string, Identity>();

beforeAll(async () => {
  t = await startTestHub({ now: NU });
  const map = mkdtempSync(path.join(tmpdir(), 'regiohub-readme-'));
  try {
    const bestand = path.join(map, 'demo-tokens.json');
    await maakDemoTokens(t.orm.em.fork(), bestand);
    for (const [sleutel, geheim] of Object.entries(JSON.parse(readFileSync(bestand, 'utf8')) as Record<string, string>)) {
      demo.set(sleutel, (await identiteitVanApiToken(t.orm.em.fork(), geheim))!);
    }
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
});
afterAll(() => t?.close());

function als(sleutel: string): Identity {
  const identity = demo.get(sleutel);
  if (!identity) throw new Error(`Onbekend demotoken "${sleutel}"; bekend zijn: ${[...demo.keys()].join(', ')}.`);
  return identity;
}

async function voerUit(hub: TestHub, query: string, identity: Identity, variables?: Record<string, unknown>) {
  const response = await hub.hub.apollo.executeOperation({ query, variables }, { contextValue: hub.hub.context(identity) });
  if (response.body.kind !== 'single') throw new Error('onverwacht incrementeel antwoord');
  return response.body.singleResult as { data?: unknown; errors?: readonly GraphQLFormattedError[] };
}

const isMutatie = (query: string) => parse(query).definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation');

describe('de GraphQL-voorbeelden in README.md', () => {
  it('zijn er, elk met het demotoken waarmee het draait', () => {
    expect(voorbeelden.length).toBeGreaterThanOrEqual(10);
    for (const v of voorbeelden) expect(demo.has(v.als), `regel ${v.regel}: ${v.als}`).toBe(true);
  });

  it.each(voorbeelden.map((v) => [`regel ${v.regel} (${v.sectie}, als ${v.als})`, v] as const))('%s slaagt op de demoregio', async (_naam, v) => {
    expect(validate(schema, parse(v.query)).map((e) => e.message)).toEqual([]);
    // A mutation runs on its own fresh copy of the demo region, with the same clock.
    const hub = isMutatie(v.query) ? await startTestHub({ now: NU }) : t;
    try {
      const antwoord = await voerUit(hub, v.query, als(v.als));
      expect(antwoord.errors).toBeUndefined();
      expect(antwoord.data).toBeTruthy();
      if (v.antwoord !== undefined) expect(antwoord).toEqual(v.antwoord);
    } finally {
      if (hub !== t) await hub.close();
    }
  });

  it('weigert een voorbeeld zonder <!-- als: … --> en leest het antwoord erachter', () => {
    expect(() => leesReadmeVoorbeelden('# X\n\n```graphql\n{ gemeenten { naam } }\n```\n')).toThrow(/regel 3: zet vóór elk/);
    const [v] = leesReadmeVoorbeelden('## Kop\n<!-- als: GEMEENTE GM0202 -->\n```graphql\n{ a }\n```\nAntwoord:\n```json\n{"data": {"a": 1}}\n```\n');
    expect(v).toEqual({ als: 'GEMEENTE GM0202', query: '{ a }\n', antwoord: { data: { a: 1 } }, sectie: 'Kop', regel: 3 });
  });

  it('zijn de tabbladen waarmee GraphiQL opent', () => {
    const tabs = graphiqlTabs(readme);
    expect(tabs).toHaveLength(voorbeelden.length);
    tabs.forEach((tab, i) => expect(tab.query).toContain(voorbeelden[i].query));
  });
});

describe('de curl-voorbeelden in README.md', () => {
  // A ```sh block that sets TOKEN from demo-tokens.json and posts GraphQL with -d '{"query": …}'.
  const curl = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, blok]) => {
    const sleutel = /demo-tokens\.json'\)(?:\.(\w+)|\['([^']+)'\])/.exec(blok);
    return [...blok.matchAll(/-d '(\{[^']*\})'/g)].map(([, body]) => ({ sleutel: sleutel?.[1] ?? sleutel?.[2], body: JSON.parse(body) as { query: string; variables?: Record<string, unknown> } }));
  });

  it('zijn er', () => expect(curl.length).toBeGreaterThan(0));

  it.each(curl.map((c) => [c.body.query, c] as const))('%s is geldig en slaagt met het genoemde demotoken', async (_q, c) => {
    expect(validate(schema, parse(c.body.query)).map((e) => e.message)).toEqual([]);
    expect(c.sleutel, 'het blok zet TOKEN uit .data/demo-tokens.json').toBeDefined();
    const antwoord = await voerUit(t, c.body.query, als(c.sleutel!), c.body.variables);
    expect(antwoord.errors).toBeUndefined();
  });
});
