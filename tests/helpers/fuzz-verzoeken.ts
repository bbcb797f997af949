import fc from 'fast-check';
import { getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import { gzipSync } from 'node:zlib';
import type { RuwVerzoek } from './fuzz-http.js';
import { GELDIGE_QUERIES, INJECTIES, UNICODE } from './fuzz-invoer.js';
import { AUDIENCE, ISSUER, type JwtOpties, type TestIdentiteitsaanbieder } from './oidc.js';
import { document, operatieArb, stringPadenInSchema, stringPadenInWaarden, type Operatie, type SchemaVeld, type Waarden } from './schema-operaties.js';

/*
 * The requests of the HTTP fuzz test (tests/fuzz.test.ts), as fast-check arbitraries per category:
 * what is sent. What the answers must look like is in the test.
 */

/** express.json({ limit: '1mb' }) in src/server.ts. */
export const BODY_LIMIET = 1024 * 1024;

export const CATEGORIEEN = [
  'ongeldigeJson',
  'contentType',
  'get',
  'authorization',
  'groteStrings',
  'diepGenest',
  'aliasBom',
  'fragmentBom',
  'verkeerdeTypen',
  'unicode',
  'injectie',
] as const;
export type Categorie = (typeof CATEGORIEEN)[number];

/** How many requests each category sends (injectie: per schema field, see below). */
export const AANTAL: Record<Exclude<Categorie, 'injectie'>, number> = {
  ongeldigeJson: 450,
  contentType: 450,
  get: 450,
  authorization: 450,
  groteStrings: 260,
  diepGenest: 350,
  aliasBom: 250,
  fragmentBom: 300,
  verkeerdeTypen: 700,
  unicode: 450,
};
export const INJECTIE_PER_VELD = 30;

export interface Verzoek extends Omit<RuwVerzoek, 'body'> {
  categorie: Categorie;
  /** Whose token goes in the Authorization header, added when the request is sent (tokens exist only then). */
  wie?: Wie;
  /** The body, made only when sent (some are megabytes). */
  body?: string | Uint8Array | (() => string | Uint8Array);
  /** False when the request carries no valid identity: it may then never get a 200. */
  aangemeld: boolean;
  /** The body is parsed as JSON and is larger than the limit (after decompression): 413. */
  teGroot?: boolean;
}

/** The identities of the run; anoniem sends no token. */
export type Wie = 'beheerder' | 'controller' | 'modulemanager' | 'gemeente' | 'dashboard' | 'anoniem';
export const IEDEREEN: Wie[] = ['beheerder', 'controller', 'modulemanager', 'gemeente', 'dashboard', 'anoniem'];

/**
 * Mutations that can succeed with generated values although every string argument holds an
 * injection string: apiTokenAanmaken takes a free-text name (gemeente and modules are optional),
 * apiTokenIntrekken and deelnameBeeindigen take only an id and a date, and those below say why. A
 * beheerder may do all of them, so they are sent only as identities without that right; everything
 * else is sent as anyone.
 */
export const SCHRIJFT_MET_GEGENEREERDE_WAARDEN: Record<string, Wie[]> = {
  apiTokenAanmaken: ['beheerder'],
  apiTokenIntrekken: ['beheerder'],
  deelnameBeeindigen: ['beheerder'],
  // A P&C document needs only a kind, a year and a free-text title; the steps and the answer to a
  // zienswijze take an id (a number in a wrong-type request), a date and free text.
  pcDocumentToevoegen: ['beheerder'],
  pcDocumentVoorZienswijze: ['beheerder'],
  pcDocumentVaststellen: ['beheerder'],
  pcDocumentVerzenden: ['beheerder'],
  zienswijzeBeantwoorden: ['beheerder'],
  // A reserve of the MGR as a whole needs no module; a movement takes a reserve id, a date, an amount and a reason.
  reserveInstellen: ['beheerder'],
  reservemutatieVastleggen: ['beheerder'],
};

/** An Authorization header value (or repeated values) and whether it identifies someone. */
export type Autorisatie = [string | string[] | undefined, boolean];

/**
 * Authorization headers for the run: variations on a valid API token of a controller, a revoked
 * token, and OpenID Connect tokens of `idp` (valid, expired, forged, for someone else, unsigned).
 */
export async function autorisaties(controller: string, ingetrokken: string, idp: TestIdentiteitsaanbieder): Promise<Autorisatie[]> {
  // Valid for ten minutes: the run takes about 35 s on two cores, but a slow machine must not see them expire.
  const jwt = (claims: Record<string, unknown>, opties: JwtOpties = {}) => idp.jwt(claims, { exp: '10m', ...opties });
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const geldigeJwt = await jwt({ roles: ['controller'] });
  const c = controller;
  return [
    [undefined, false],
    ['', false],
    ['Bearer', false],
    ['Bearer ', false],
    [`Bearer ${c}`, true],
    [`bearer ${c}`, true],
    [`BEARER  ${c}`, true],
    [`Bearer\t${c}`, true],
    [`Bearer ${c} `, true],
    [`Bearer ${c} extra`, false],
    [`Token ${c}`, false],
    [`Basic ${Buffer.from('beheerder:geheim').toString('base64')}`, false],
    [c, false],
    [`Bearer ${c.slice(0, -1)}${c.endsWith('A') ? 'B' : 'A'}`, false],
    [`Bearer ${c.toUpperCase()}`, false],
    [`Bearer ${ingetrokken}`, false],
    ['Bearer rh_', false],
    [`Bearer rh_${'A'.repeat(43)}`, false],
    [`Bearer rh_${'x'.repeat(8000)}`, false],
    [`Bearer rh_' OR '1'='1`, false],
    ['Bearer null', false],
    ['Bearer undefined', false],
    ['Bearer a.b.c', false],
    ['Bearer ...', false],
    ['Bearer eyJ.eyJ.', false],
    [`Bearer ${geldigeJwt}`, true],
    [`Bearer ${await jwt({ roles: ['controller'] }, { exp: Math.floor(Date.now() / 1000) - 3600 })}`, false],
    [`Bearer ${await jwt({ roles: ['controller'] }, { key: idp.vreemdeSleutel })}`, false],
    [`Bearer ${await jwt({ roles: ['controller'] }, { audience: 'andere-app' })}`, false],
    [`Bearer ${await jwt({ roles: ['controller'] }, { issuer: 'https://evil.test' })}`, false],
    [`Bearer ${await jwt({ roles: ['controller'] }, { kid: 'onbekend' })}`, false],
    [`Bearer ${await jwt({ roles: ['geen-rol'] })}`, false],
    [`Bearer ${await jwt({ roles: ['gemeente'], gemeente: `GM0202' OR '1'='1` })}`, false],
    [`Bearer ${await jwt({ roles: 'controller', pad: 'x'.repeat(6000) })}`, true],
    [`Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', roles: ['beheerder'], iss: ISSUER, aud: AUDIENCE, exp: 9999999999 })}.`, false],
    [`Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'x', roles: ['beheerder'] })}.${'A'.repeat(43)}`, false],
    [`Bearer ${geldigeJwt.split('.').slice(0, 2).join('.')}.`, false],
    [`Bearer ${'\u00e9\u00ff'}`, false],
    [`Bearer rh_\u00e9${c.slice(4)}`, false],
    // Node keeps the first of repeated Authorization headers.
    [[`Bearer ${c}`, 'Bearer rh_vals'], true],
    [['Bearer rh_vals', `Bearer ${c}`], false],
  ];
}

export const wieArb = (uitgesloten: Wie[] = []) => fc.constantFrom(...IEDEREEN.filter((w) => !uitgesloten.includes(w)));
const jsonVerzoek = (categorie: Categorie, wie: Wie, body: Verzoek['body'], extra: Record<string, string> = {}): Verzoek => ({
  categorie,
  wie,
  methode: 'POST',
  pad: '/graphql',
  headers: { 'content-type': 'application/json', ...extra },
  body,
  aangemeld: wie !== 'anoniem',
});

/** A string from a list, sometimes combined with random text or repeated. */
export function variant(lijst: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...lijst), weight: 5 },
    { arbitrary: fc.tuple(fc.constantFrom(...lijst), fc.string({ maxLength: 12 }), fc.boolean()).map(([s, r, voor]) => (voor ? r + s : s + r)), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom(...lijst), fc.constantFrom(...lijst)).map(([a, b]) => a + b), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom(...lijst), fc.integer({ min: 2, max: 400 })).map(([s, n]) => (s || '\'').repeat(n)), weight: 1 },
  );
}

function localDate(dag: number): string {
  return new Date(Date.UTC(2015, 0, 1) + dag * 86_400_000).toISOString().slice(0, 10);
}

/** Valid-looking values for everything but strings. */
export function waarden(tekst: fc.Arbitrary<string>): Waarden {
  return {
    tekst,
    geheel: (naam) => {
      if (/^(jaar|van|tot)$/.test(naam)) return fc.integer({ min: 2015, max: 2030 });
      if (naam === 'kwartaal') return fc.integer({ min: 1, max: 4 });
      if (naam === 'first') return fc.integer({ min: 0, max: 120 });
      if (naam === 'volgnummer') return fc.integer({ min: 0, max: 3 });
      if (naam === 'revisie') return fc.integer({ min: 1, max: 6 });
      if (naam === 'id') return fc.integer({ min: 1, max: 60 });
      return fc.integer({ min: 0, max: 300_000 });
    },
    scalar: (naam) => {
      switch (naam) {
        case 'Bedrag':
          return fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 99 })).map(([e, c]) => `${e}.${String(c).padStart(2, '0')}`);
        case 'Decimaal':
          return fc.tuple(fc.integer({ min: -1000, max: 1_000_000 }), fc.integer({ min: 0, max: 9999 })).map(([e, d]) => `${e}.${d}`);
        case 'LocalDate':
          return fc.integer({ min: 0, max: 16 * 366 }).map(localDate);
        case 'DateTimeISO':
          return fc.integer({ min: 0, max: 16 * 366 }).map((d) => `${localDate(d)}T12:00:00.000Z`);
        default:
          return fc.jsonValue({ maxDepth: 2 });
      }
    },
  };
}

function graphqlBody({ query, variables }: Pick<Operatie, 'query' | 'variables'>): string {
  return JSON.stringify({ query, ...(Object.keys(variables).length ? { variables } : {}) });
}

/** An operation as a request: a JSON POST, or for a query sometimes a GET with the preflight header. */
export function alsVerzoek(categorie: Categorie, wie: Wie, operatie: Operatie, viaGet: boolean): Verzoek {
  if (viaGet && operatie.veld.soort === 'query') {
    const zoek = new URLSearchParams({ query: operatie.query });
    if (Object.keys(operatie.variables).length) zoek.set('variables', JSON.stringify(operatie.variables));
    return { categorie, wie, methode: 'GET', pad: `/graphql?${zoek}`, headers: { 'apollo-require-preflight': 'true' }, aangemeld: wie !== 'anoniem' };
  }
  return jsonVerzoek(categorie, wie, graphqlBody(operatie));
}

export function ongeldigeJson(): fc.Arbitrary<Verzoek> {
  const vast = [
    '{',
    '{"query": ',
    '{"query": "{ gemeenten { naam } }"',
    `{'query': '{ gemeenten { naam } }'}`,
    '{"query": "{ programmas { code } }",}',
    '{"query": NaN}',
    '{"query": undefined}',
    '// x\n{"query":"{ __typename }"}',
    '{"query":"{ __typename }"} rest',
    '{"query":"{ __typename }"}{"query":"{ __typename }"}',
    'null',
    'true',
    '42',
    '"query"',
    '[]',
    '[{"query":"{ __typename }"},{"query":"{ programmas { code } }"}]',
    '{}',
    '',
    ' ',
    '{"query":null}',
    '{"query":{}}',
    '{"query":["{ __typename }"]}',
    '{"query":""}',
    '{"variables":{}}',
    '{"query":"{ __typename }","variables":"{\\"a\\":1}"}',
    '{"query":"{ __typename }","variables":"nonsens"}',
    '{"query":"{ __typename }","operationName":42}',
    '{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}',
    '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"}}}',
    '{"extensions":{"persistedQuery":{"version":2}}}',
    '\u0000',
    '\ufeff{"query":"{ __typename }"}',
    '{"query":"{ __typename }","query":"{ apiTokens { id } }"}',
    '{"__proto__":{"query":"{ __typename }"}}',
    '{"constructor":{"prototype":{"isAdmin":true}},"query":"{ __typename }"}',
    '{"query":"{ __typename }","__proto__":{"variables":{"x":1}}}',
    '{"query":"\\x41"}',
    '{"query":"\\u12"}',
    '{"query":"a\u0001b"}',
    '{"query":1e999}',
    '{"query":-0}',
    '{"query":"{ __typename }" /* c */}',
    '\n\n\n',
    '{"query":"{ __typename }"\u00a0}',
  ];
  const json = fc.oneof(
    { arbitrary: fc.constantFrom(...vast), weight: 6 },
    // A valid JSON document cut off or with garbage put in somewhere.
    {
      arbitrary: fc.tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.string({ maxLength: 4 })).map(([j, i, rommel]) => {
        const plek = i % (j.length + 1);
        return j.slice(0, plek) + rommel + (rommel ? j.slice(plek) : '');
      }),
      weight: 3,
    },
    // Well-formed JSON whose members have any type.
    {
      arbitrary: fc
        .record(
          { query: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...GELDIGE_QUERIES)), variables: fc.jsonValue({ maxDepth: 2 }), operationName: fc.jsonValue({ maxDepth: 1 }), extensions: fc.jsonValue({ maxDepth: 2 }) },
          { requiredKeys: [] },
        )
        .map((r) => JSON.stringify(r)),
      weight: 3,
    },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 80 }), weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 120 }), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 50_000 }).map((n) => '['.repeat(n)), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 50_000 }).map((n) => '{"a":'.repeat(n)), weight: 1 },
  );
  return fc.tuple(wieArb(), json).map(([wie, body]) => jsonVerzoek('ongeldigeJson', wie, body));
}

export function contentType(): fc.Arbitrary<Verzoek> {
  const typen = [
    undefined,
    '',
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----fuzz',
    'multipart/form-data',
    'application/graphql',
    'application/graphql-response+json',
    'application/json; charset=utf-16',
    'application/json; charset=utf-16le',
    'application/json; charset=utf-7',
    'application/json; charset=utf-32',
    'application/json; charset=latin1',
    'application/json; charset=iso-8859-1',
    'application/json; charset=bogus',
    'application/json; charset="utf-8"',
    'application/json;charset=UTF-8',
    'APPLICATION/JSON',
    'application/json; charset=',
    'application/json;;;',
    'application/json, text/plain',
    'application/json; boundary=x',
    'application/json; charset=utf-8; charset=latin1',
    'application/*',
    '*/*',
    'application/vnd.api+json',
    'application/x-json',
    'text/json',
    'application/octet-stream',
    'application/xml',
    'text/html',
    'image/png',
    'json',
    '; charset=utf-8',
  ];
  const bodies: Array<() => string | Uint8Array> = [
    () => JSON.stringify({ query: '{ programmas { code } }' }),
    () => '{ programmas { code } }',
    () => `query=${encodeURIComponent('{ programmas { code } }')}`,
    () => '------fuzz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ programmas { code } }"}\r\n------fuzz\r\nContent-Disposition: form-data; name="map"\r\n\r\n{}\r\n------fuzz--\r\n',
    () => Buffer.from(JSON.stringify({ query: '{ programmas { code } }' }), 'utf16le'),
    () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify({ query: '{ programmas { code } }' }), 'utf16le')]),
    () => Buffer.from(JSON.stringify({ query: '{ gemeente(cbsCode: "GM0202") { naam } }' }), 'latin1'),
    () => '',
    () => '+AHsAIg-query+ACI-:+ACI-+AHs- programmas +AHs- code +AH0- +AH0-+ACIAfQ-',
  ];
  const accept = fc.constantFrom(undefined, 'application/json', 'application/graphql-response+json', 'text/html', '*/*', 'application/xml', 'text/event-stream', 'multipart/mixed; deferSpec=20220824', 'application/json;q=0', 'garbage///');
  const codering = fc.constantFrom(undefined, undefined, undefined, 'gzip', 'deflate', 'br', 'identity', 'compress', 'zstd', 'gzip, deflate', 'GZIP');
  return fc
    .record({
      wie: wieArb(),
      ct: fc.constantFrom(...typen),
      body: fc.nat({ max: bodies.length - 1 }),
      accept,
      preflight: fc.boolean(),
      codering,
      gzipEcht: fc.boolean(),
    })
    .map(({ wie, ct, body, accept: a, preflight, codering: enc, gzipEcht }) => {
      const headers: Record<string, string> = {};
      if (ct !== undefined) headers['content-type'] = ct;
      if (a) headers.accept = a;
      if (preflight) headers['apollo-require-preflight'] = 'true';
      let inhoud = bodies[body]();
      if (enc) {
        headers['content-encoding'] = enc;
        // A real gzip body half of the time; otherwise the header lies about the encoding.
        if (enc.toLowerCase() === 'gzip' && gzipEcht) inhoud = gzipSync(inhoud);
      }
      return { categorie: 'contentType', wie, methode: 'POST', pad: '/graphql', headers, body: inhoud, aangemeld: wie !== 'anoniem' } satisfies Verzoek;
    });
}

export function getVerzoeken(): fc.Arbitrary<Verzoek> {
  const queries = [
    ...GELDIGE_QUERIES,
    '{',
    'mutation { bijdragenBerekenen(module: "WGSW", jaar: 2025, soort: PRIMITIEF) { gewijzigd } }',
    'mutation { apiTokenIntrekken(id: 1) { id } }',
    'subscription { x }',
    'query A { __typename } query B { programmas { code } }',
    'query($c: String!) { gemeente(cbsCode: $c) { naam } }',
    '{ __schema { types { name } } }',
  ];
  const coderen = (s: string) => encodeURIComponent(s);
  const deel = fc.oneof(
    fc.constantFrom(...queries).map((q) => `query=${coderen(q)}`),
    fc.string({ maxLength: 40 }).map((q) => `query=${coderen(q)}`),
    fc.constantFrom('{"c":"GM0202"}', '{"c":null}', '[]', '"x"', '{', '{"c":{"$gt":""}}', 'null').map((v) => `variables=${coderen(v)}`),
    fc.constantFrom('A', 'B', '', 'x'.repeat(300), '%00').map((o) => `operationName=${o}`),
    fc.constantFrom('{"persistedQuery":{"version":1,"sha256Hash":"00"}}', '{', '[]', 'null').map((e) => `extensions=${coderen(e)}`),
    fc.constantFrom('%', '%zz', '%00', '%E0%A4%A', '%C0%AF', '%ED%A0%80', 'query[]=x', 'query[a]=b', 'query[__proto__][x]=1', '&&&', '=', 'query', '?', '#', 'a=1;b=2', '+', 'query=%7B+__typename+%7D'),
    fc.integer({ min: 1, max: 20_000 }).map((n) => `query=${'%7B'.repeat(Math.ceil(n / 3))}`),
    fc.integer({ min: 1, max: 20_000 }).map((n) => `x=${'a'.repeat(n)}`),
  );
  const paden = fc.constantFrom('/graphql', '/graphql', '/graphql', '/graphql/', '/GRAPHQL', '/graphql/x', '//graphql', '/graphql;a=b', '/graphql%00', '/./graphql', '/graphql/..%2f');
  return fc
    .record({
      wie: wieArb(),
      methode: fc.constantFrom('GET', 'GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH'),
      pad: paden,
      delen: fc.array(deel, { minLength: 0, maxLength: 5 }),
      preflight: fc.constantFrom<Record<string, string>>({}, { 'apollo-require-preflight': 'true' }, { 'x-apollo-operation-name': 'A' }, { 'content-type': 'application/json' }),
      accept: fc.constantFrom(undefined, 'application/json', 'text/html', 'application/graphql-response+json', '*/*'),
    })
    .map(({ wie, methode, pad, delen, preflight, accept }) => ({
      categorie: 'get' as const,
      wie,
      methode,
      pad: delen.length ? `${pad}?${delen.join('&')}` : pad,
      headers: { ...preflight, ...(accept ? { accept } : {}) },
      aangemeld: wie !== 'anoniem',
    }));
}

export function authorization(autorisaties: Autorisatie[]): fc.Arbitrary<Verzoek> {
  const bekend = fc.constantFrom(...autorisaties);
  const willekeurig = fc
    .tuple(fc.constantFrom('Bearer ', 'bearer ', '', 'Bearer rh_'), fc.string({ unit: 'binary-ascii', maxLength: 200 }))
    // Node refuses to send control characters in a header; the server never sees those.
    .map(([voor, rest]): [string, boolean] => [(voor + rest).replace(/[^\t\x20-\x7e]/g, ''), false]);
  const verzoekId = fc.constantFrom(undefined, `' OR 1=1 --`, 'x'.repeat(5000), 'abc-123', '../../etc', '<script>');
  return fc
    .record({
      auth: fc.oneof({ arbitrary: bekend, weight: 4 }, { arbitrary: willekeurig, weight: 1 }),
      query: fc.constantFrom(...GELDIGE_QUERIES, 'mutation { apiTokenIntrekken(id: 1) { id } }', '{ apiTokens { id naam } }', '{ auditLog(first: 1) { totalCount } }'),
      verzoekId,
    })
    .map(({ auth: [waarde, geldig], query, verzoekId: id }) => {
      const headers: Record<string, string | string[]> = { 'content-type': 'application/json' };
      if (waarde !== undefined) headers.authorization = waarde;
      if (id !== undefined) headers['x-request-id'] = id;
      // Every valid identity in autorisaties is a controller, so apiTokenIntrekken is always refused.
      return { categorie: 'authorization', methode: 'POST', pad: '/graphql', headers, body: JSON.stringify({ query }), aangemeld: geldig } satisfies Verzoek;
    });
}

export function groteStrings(): fc.Arbitrary<Verzoek> {
  // Each template: JSON text with one place (#) that the filler goes into, inside a JSON string.
  const sjablonen = [
    '{"query":"query($c: String!) { gemeente(cbsCode: $c) { naam } }","variables":{"c":"#"}}',
    '{"query":"{ gemeente(cbsCode: \\"#\\") { naam } }"}',
    '{"query":"# #\\n{ programmas { code } }"}',
    '{"query":"{ __typename }","operationName":"#"}',
    '{"query":"{ __typename }","extra":"#"}',
    '{"query":"query($m: String!) { kpis(module: $m) { code } }","variables":{"m":"#","ongebruikt":"#"}}',
    '{"query":"mutation($i: RapportageOpslaanInvoer!) { kwartaalrapportageOpslaan(invoer: $i) { revisie } }","variables":{"i":{"module":"WSP","jaar":2026,"kwartaal":3,"revisie":999999,"waarden":[{"kpi":"PLAATSINGEN","gemeente":"GM0226","waarde":"1","toelichting":"#"}]}}}',
    '{"query":"mutation($i: DvoInvoer!) { dvoToevoegen(invoer: $i) { kenmerk } }","variables":{"i":{"kenmerk":"FUZZ-1","omschrijving":"#","module":"WSP","ingangsdatum":"2025-01-01","gemeente":"GM0202"}}}',
    '{"query":"{ gemeenten(where: { naam: { in: [\\"#\\"] } }) { naam } }"}',
  ];
  const vulling: Array<[string, number]> = [
    ['x', 1],
    ['é', 2],
    ['😀', 4],
    ['\\u0000', 6],
    ['\\ud800', 6],
  ];
  const grootte = fc.oneof(
    { arbitrary: fc.integer({ min: 1_000, max: 64_000 }), weight: 3 },
    { arbitrary: fc.integer({ min: 64_000, max: BODY_LIMIET - 2_000 }), weight: 2 },
    { arbitrary: fc.integer({ min: BODY_LIMIET - 300, max: BODY_LIMIET + 300 }), weight: 2 },
    { arbitrary: fc.integer({ min: BODY_LIMIET + 300, max: 3 * BODY_LIMIET }), weight: 2 },
  );
  return fc
    .record({
      wie: wieArb(['anoniem']),
      sjabloon: fc.constantFrom(...sjablonen),
      vul: fc.constantFrom(...vulling),
      grootte,
      chunked: fc.boolean(),
      gzip: fc.integer({ min: 0, max: 9 }),
    })
    .map(({ wie, sjabloon, vul: [teken, bytes], grootte: doel, chunked, gzip }) => {
      // Both mutations get valid codes here so that the long text reaches the resolver. The report
      // cannot be saved (revisie 999999 is stale: CONFLICT); a beheerder could add the DVO when the
      // text is short enough, so that one goes to someone else.
      const wieEcht: Wie = sjabloon.includes('dvoToevoegen') && wie === 'beheerder' ? 'controller' : wie;
      const plekken = sjabloon.split('#').length - 1;
      const basis = Buffer.byteLength(sjabloon) - plekken;
      const n = Math.max(0, Math.floor((doel - basis) / (bytes * plekken)));
      const bytesTotaal = basis + n * bytes * plekken;
      const maak = () => sjabloon.split('#').join(teken.repeat(n));
      const gzipped = gzip === 0;
      const verzoek = jsonVerzoek('groteStrings', wieEcht, gzipped ? () => gzipSync(maak()) : maak, gzipped ? { 'content-encoding': 'gzip' } : {});
      return { ...verzoek, chunked, teGroot: bytesTotaal > BODY_LIMIET } satisfies Verzoek;
    });
}

export function diepGenest(): fc.Arbitrary<Verzoek> {
  const diepte = fc.oneof(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 40, max: 1_500 }), fc.integer({ min: 1_500, max: 130_000 }));
  const where = fc.constantFrom<string[]>(
    ['gemeenten', 'GemeenteWhere', 'cbsCode', '{ naam }'],
    ['modules', 'ModuleWhere', 'code', '{ code }'],
    ['bijdragen', 'BijdrageWhere', 'gemeente', '{ totalCount }'],
    ['kpiWaarden', 'KpiWaardeWhere', 'kpi', '{ totalCount }'],
    ['kwartaalrapportages', 'RapportageWhere', 'module', '{ totalCount }'],
    ['auditLog', 'AuditLogWhere', 'actie', '{ totalCount }'],
  );
  const soorten = [
    // Selections: a real recursive path, unknown fields, inline fragments.
    (d: number) => {
      const n = Math.min(d, 60);
      let s = '{ code }';
      for (let i = 0; i < n; i++) s = `{ ${i % 2 ? 'submodules' : 'hoofdmodule'} ${s} }`;
      return { query: `{ module(code: "INKOOP-JEUGD") ${s} }` };
    },
    (d: number) => ({ query: `${'{ a '.repeat(Math.min(d, 2_000))}${'}'.repeat(Math.min(d, 2_000))}` }),
    (d: number) => ({ query: `{ ${'... on Query { '.repeat(Math.min(d, 1_000))}__typename${' }'.repeat(Math.min(d, 1_000))} }` }),
    // Literals: nested lists and nested not-filters.
    (d: number) => ({ query: `{ gemeenten(where: { cbsCode: { in: ${'['.repeat(Math.min(d, 2_000))}"GM0202"${']'.repeat(Math.min(d, 2_000))} } }) { naam } }` }),
    (d: number, [veld, , , sel]: string[]) => ({ query: `{ ${veld}(where: ${'{ not: '.repeat(Math.min(d, 1_000))}{}${' }'.repeat(Math.min(d, 1_000))}) ${sel} }` }),
    // Variables: nested lists for a list of strings, nested not / and / or for where inputs.
    (d: number) => ({ query: 'query($in: [String!]) { gemeenten(where: { cbsCode: { in: $in } }) { naam } }', variablesJson: `{"in":${'['.repeat(d)}"GM0202"${']'.repeat(d)}}` }),
    (d: number, [veld, type, , sel]: string[]) => ({ query: `query($w: ${type}) { ${veld}(where: $w) ${sel} }`, variablesJson: `{"w":${'{"not":'.repeat(d)}{}${'}'.repeat(d)}}` }),
    (d: number, [veld, type, , sel]: string[]) => ({ query: `query($w: ${type}) { ${veld}(where: $w) ${sel} }`, variablesJson: `{"w":${'{"and":['.repeat(d)}{}${']}'.repeat(d)}}` }),
    (d: number, [veld, type, code, sel]: string[]) => ({
      query: `query($w: ${type}) { ${veld}(where: $w) ${sel} }`,
      variablesJson: `{"w":${`{"or":[{"${code}":{"eq":"x"}},`.repeat(d)}{}${']}'.repeat(d)}}`,
    }),
    // Deep JSON where nobody looks: an undeclared variable and the extensions.
    (d: number) => ({ query: '{ __typename }', variablesJson: `{"x":${'['.repeat(d)}${']'.repeat(d)}}` }),
    (d: number) => ({ query: '{ __typename }', extensionsJson: `${'{"a":'.repeat(d)}1${'}'.repeat(d)}` }),
  ];
  return fc
    .record({ wie: wieArb(['anoniem']), soort: fc.nat({ max: soorten.length - 1 }), d: diepte, where })
    .map(({ wie, soort, d, where: w }) => {
      const maak = () => {
        const { query, variablesJson, extensionsJson } = soorten[soort](d, w) as { query: string; variablesJson?: string; extensionsJson?: string };
        return `{"query":${JSON.stringify(query)}${variablesJson ? `,"variables":${variablesJson}` : ''}${extensionsJson ? `,"extensions":${extensionsJson}` : ''}}`;
      };
      return { ...jsonVerzoek('diepGenest', wie, maak), teGroot: Buffer.byteLength(maak()) > BODY_LIMIET };
    });
}

export function aliasBom(): fc.Arbitrary<Verzoek> {
  const vormen: Array<(i: number) => string> = [
    (i) => `a${i}: __typename`,
    (i) => `a${i}: gemeenten { naam }`,
    (i) => `a${i}: gemeente(cbsCode: "GM0202") { naam inwoners(jaar: 2025) }`,
    (i) => `a${i}: kostenoverzicht(jaar: 2025) { regio { bedrag } }`,
    () => 'gemeenten { naam }',
    () => 'a: __typename',
  ];
  return fc
    .record({
      wie: wieArb(),
      vorm: fc.nat({ max: vormen.length - 1 }),
      n: fc.oneof(fc.integer({ min: 16, max: 200 }), fc.integer({ min: 200, max: 6_000 })),
      genest: fc.boolean(),
      mutatie: fc.boolean(),
    })
    .map(({ wie, vorm, n, genest, mutatie }) => {
      const velden = Array.from({ length: n }, (_, i) => vormen[vorm](i)).join(' ');
      let query = genest ? `{ gemeenten { ${Array.from({ length: n }, (_, i) => `n${i}: naam`).join(' ')} } }` : `{ ${velden} }`;
      let wieEcht = wie;
      if (mutatie) {
        // Aliased writes: an id only, so never as a beheerder (see SCHRIJFT_MET_GEGENEREERDE_WAARDEN).
        query = `mutation { ${Array.from({ length: n }, (_, i) => `t${i}: apiTokenIntrekken(id: ${(i % 40) + 1}) { id }`).join(' ')} }`;
        if (wie === 'beheerder') wieEcht = 'controller';
      }
      return jsonVerzoek('aliasBom', wieEcht, JSON.stringify({ query }));
    });
}

export function fragmentBom(): fc.Arbitrary<Verzoek> {
  return fc
    .record({
      wie: wieArb(['anoniem']),
      soort: fc.constantFrom('exponentieel', 'exponentieelObject', 'exponentieelDiep', 'kring', 'zelf', 'kringMetBom', 'ongebruikt', 'onbekend', 'verkeerdType'),
      niveaus: fc.integer({ min: 2, max: 60 }),
      breedte: fc.integer({ min: 2, max: 10 }),
    })
    .map(({ wie, soort, niveaus, breedte }) => {
      const spreads = (naar: string) => Array.from({ length: breedte }, () => `...${naar}`).join(' ');
      const keten = (type: string, blad: string, omhul = (s: string) => s) =>
        Array.from({ length: niveaus }, (_, i) => `fragment F${i} on ${type} { ${omhul(spreads(`F${i + 1}`))} }`).join('\n') + `\nfragment F${niveaus} on ${type} { ${blad} }`;
      let query: string;
      switch (soort) {
        case 'exponentieel':
          query = `{ ...F0 }\n${keten('Query', 'programmas { code }')}`;
          break;
        case 'exponentieelObject':
          query = `{ gemeenten { ...F0 } }\n${keten('Gemeente', 'naam cbsCode')}`;
          break;
        case 'exponentieelDiep':
          query = `{ module(code: "WSP") { ...F0 } }\n${keten('Module', 'code', (s) => `hoofdmodule { ${s} } submodules { ${s} }`)}`;
          break;
        case 'kring':
          query = `{ ...F0 }\n${Array.from({ length: niveaus }, (_, i) => `fragment F${i} on Query { __typename ...F${(i + 1) % niveaus} }`).join('\n')}`;
          break;
        case 'zelf':
          query = '{ ...F0 }\nfragment F0 on Query { __typename ...F0 }';
          break;
        case 'kringMetBom':
          query = `{ ...F0 }\n${keten('Query', `__typename ...F0`)}`;
          break;
        case 'ongebruikt':
          query = `{ __typename }\n${keten('Query', '__typename')}`;
          break;
        case 'onbekend':
          query = `{ ...F0 }\nfragment F0 on Query { ${spreads('Bestaatniet')} }`;
          break;
        default:
          query = `{ ...F0 }\nfragment F0 on Gemeente { naam }`;
      }
      return jsonVerzoek('fragmentBom', wie, JSON.stringify({ query }));
    });
}

/** Wrong values for a type: wrong JSON types, null for non-null, out-of-range numbers, odd strings. */
function verkeerdeWaarde(typeNaam: string): fc.Arbitrary<unknown> {
  const algemeen = [null, {}, [], [[]], { $gt: '' }, true, '', 'null', 0.5, -1, 1e308, Number.MAX_SAFE_INTEGER + 2];
  const perType: Record<string, unknown[]> = {
    Int: ['12', '2025', 12.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 'NaN', 'Infinity', '-Infinity', '1e999', '0x10', -2025, 0, 5, -1, 99_999, 32_768, -32_769, 1e21],
    String: [123, true, { a: 'b' }, ['GM0202'], { $ne: null }],
    ID: [12.5, true, {}],
    Boolean: ['true', 1, 0, 'false'],
    Float: ['1.5', 'NaN'],
    Bedrag: [12.5, '1e400', 'NaN', '-0', '1,5', '99999999999999999999999.999', '0x1F', ' 1', '1.', '.5', '١٢٣', '9'.repeat(5000), '-9999999999999.99', '9999999999999.99', '0.001'],
    Decimaal: [12.5, '1e400', 'NaN', 'Infinity', '1,5', '9'.repeat(21), '-' + '9'.repeat(20) + '.9999999999', '0.00000000001', '١', '+1'],
    LocalDate: ['2025-02-30', '2025-13-01', '0000-01-01', '-0001-01-01', '+275760-09-13', '2025-1-1', '2025-06-30T00:00:00Z', 20250630, '9999-12-31', '1900-01-01', '0001-01-01', 'vandaag', '2025-02-29'],
    DateTimeISO: ['2025-02-30T00:00:00Z', 'gisteren', 0],
  };
  const enumVerkeerd = ['begroot', 'NIET_BESTAAND', 0, '', 'BEGROOT ', '__proto__'];
  return fc.constantFrom(...algemeen, ...(perType[typeNaam] ?? enumVerkeerd));
}

export function verkeerdeTypen(velden: SchemaVeld[], injectie: Waarden): fc.Arbitrary<Verzoek> {
  const metArgs = velden.filter((v) => v.args.length > 0);
  return fc
    .tuple(fc.constantFrom(...metArgs), fc.nat(), fc.nat(), fc.boolean())
    .chain(([veld, argKeuze, plekKeuze, viaGet]) => {
      // A place to break: an argument or a field inside an input object (up to three levels).
      const plekken: Array<{ pad: string[]; typeNaam: string }> = [];
      const verzamel = (type: GraphQLInputType, pad: string[]) => {
        const named = getNamedType(type);
        plekken.push({ pad, typeNaam: named.name });
        if (isInputObjectType(named) && pad.length < 3) for (const f of Object.values(named.getFields())) verzamel(f.type, [...pad, f.name]);
      };
      const arg = veld.args[argKeuze % veld.args.length];
      verzamel(arg.type, [arg.name]);
      const plek = plekken[plekKeuze % plekken.length];
      return fc
        .record({
          operatie: operatieArb(veld, injectie, ['variabelen']),
          fout: verkeerdeWaarde(plek.typeNaam),
          actie: fc.constantFrom<'vervang' | 'weg' | 'extra'>('vervang', 'vervang', 'vervang', 'weg', 'extra'),
          wie: wieArb(SCHRIJFT_MET_GEGENEREERDE_WAARDEN[veld.naam]),
        })
        .map(({ operatie, fout, actie, wie }) => {
          const variables = structuredClone(operatie.variables);
          if (!(arg.name in variables)) variables[arg.name] = null;
          const { query } = document(veld, variables, 'variabelen');
          let doel = variables;
          for (const stap of plek.pad.slice(0, -1)) {
            const volgende = doel[stap];
            doel = (doel[stap] = volgende && typeof volgende === 'object' && !Array.isArray(volgende) ? volgende : {}) as Record<string, unknown>;
          }
          const laatste = plek.pad[plek.pad.length - 1];
          if (actie === 'weg') delete doel[laatste];
          else if (actie === 'extra') doel[`${laatste}Extra`] = fout;
          else doel[laatste] = fout;
          return alsVerzoek('verkeerdeTypen', wie, { ...operatie, query, variables }, viaGet);
        });
    });
}

export function unicode(velden: SchemaVeld[]): fc.Arbitrary<Verzoek> {
  const tekst = fc.oneof(
    { arbitrary: variant(UNICODE), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom(...UNICODE), fc.integer({ min: 1_000, max: 100_000 })).map(([s, n]) => (s || 'x').repeat(n).slice(0, n)), weight: 1 },
  );
  const opSchema = fc
    .tuple(fc.constantFrom(...velden), fc.boolean())
    .chain(([veld, viaGet]) =>
      fc.tuple(operatieArb(veld, waarden(tekst)), wieArb(SCHRIJFT_MET_GEGENEREERDE_WAARDEN[veld.naam])).map(([operatie, wie]) => alsVerzoek('unicode', wie, operatie, viaGet)),
    );
  const rauw = (bytes: readonly number[]) => Buffer.concat([Buffer.from('{"query":"{ gemeente(cbsCode: \\"GM'), Buffer.from(bytes), Buffer.from('\\") { naam } }"}')]);
  const ruweBytes = fc
    .tuple(
      wieArb(),
      fc.constantFrom([0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x00], [0x80]),
    )
    .map(([wie, bytes]) => jsonVerzoek('unicode', wie, rauw(bytes)));
  // Characters in the document itself, outside strings: zero-width, NUL, BOM, direction overrides.
  const inDocument = fc
    .tuple(wieArb(), fc.constantFrom(...UNICODE), fc.constantFrom('{ gem#eenten { naam } }', '{ gemeenten # { naam } }', '#{ programmas { code } }', 'query Q#A { __typename }', '{ gemeente(cbsCode: "GM0202"#) { naam } }'))
    .map(([wie, teken, sjabloon]) => jsonVerzoek('unicode', wie, JSON.stringify({ query: sjabloon.replace('#', teken), operationName: teken })));
  // Escapes written into the JSON text by hand: lone surrogates in the query and in variables.
  const escapes = fc
    .tuple(wieArb(), fc.constantFrom('\\ud800', '\\udfff', '\\udbff\\udbff', '\\u0000', '\\ud83d\\ude00', '\\u202e', '\\uFEFF'))
    .chain(([wie, esc]) =>
      fc.constantFrom(
        jsonVerzoek('unicode', wie, `{"query":"{ gemeente(cbsCode: \\"${esc}\\") { naam } }"}`),
        jsonVerzoek('unicode', wie, `{"query":"query($c: String!) { gemeente(cbsCode: $c) { naam } }","variables":{"c":"GM0202${esc}"}}`),
        jsonVerzoek('unicode', wie, `{"query":"query($m: String!) { kpis(module: $m) { code } }","variables":{"m":"${esc}"}}`),
        jsonVerzoek('unicode', wie, `{"query":"{ __typename }","operationName":"${esc}"}`),
        jsonVerzoek('unicode', wie, `{"query":"{ __typename }","variables":{"${esc}":1}}`),
      ),
    );
  const utf16 = wieArb().map((wie) => ({
    ...jsonVerzoek('unicode', wie, Buffer.from(JSON.stringify({ query: '{ gemeente(cbsCode: "GM0202\u202e") { naam } }' }), 'utf16le')),
    headers: { 'content-type': 'application/json; charset=utf-16le' },
  }));
  const header = wieArb().map((wie) => jsonVerzoek('unicode', wie, JSON.stringify({ query: '{ __typename }' }), { 'x-request-id': '\u00e9\u00ff\u00a0', 'x-apollo-operation-name': '\u00ff' }));
  return fc.oneof(
    { arbitrary: opSchema, weight: 6 },
    { arbitrary: ruweBytes, weight: 1 },
    { arbitrary: inDocument, weight: 2 },
    { arbitrary: escapes, weight: 2 },
    { arbitrary: utf16, weight: 1 },
    { arbitrary: header, weight: 1 },
  );
}


/**
 * Every request of one run, made from `seed` alone (the same seed gives the same requests in the same
 * order): AANTAL per category, and injection strings in every string argument and input field of
 * every Query and Mutation field. Optional nested fields are left out at random; a path still without
 * an injection after the first batch gets further batches (only the operations that reach a new path
 * are kept), so every path is covered whatever the seed. `nietGedekt` lists the paths that were not.
 */
export function maakVerzoeken(seed: number, velden: SchemaVeld[], bekendeAutorisaties: Autorisatie[]): { verzoeken: Verzoek[]; nietGedekt: string[] } {
  const injectieWaarden = waarden(variant(INJECTIES));
  const verzoeken: Verzoek[] = [];
  const generators: Array<[Exclude<Categorie, 'injectie'>, () => fc.Arbitrary<Verzoek>]> = [
    ['ongeldigeJson', ongeldigeJson],
    ['contentType', contentType],
    ['get', getVerzoeken],
    ['authorization', () => authorization(bekendeAutorisaties)],
    ['groteStrings', groteStrings],
    ['diepGenest', diepGenest],
    ['aliasBom', aliasBom],
    ['fragmentBom', fragmentBom],
    ['verkeerdeTypen', () => verkeerdeTypen(velden, injectieWaarden)],
    ['unicode', () => unicode(velden)],
  ];
  for (const [i, [categorie, maak]] of generators.entries()) {
    verzoeken.push(...fc.sample(maak(), { seed: seed + i, numRuns: AANTAL[categorie] }));
  }

  const gedekt = new Set<string>();
  for (const [i, veld] of velden.entries()) {
    const arb = fc.tuple(operatieArb(veld, injectieWaarden), wieArb(SCHRIJFT_MET_GEGENEREERDE_WAARDEN[veld.naam]), fc.nat({ max: 9 }));
    const paden = stringPadenInSchema(veld);
    for (let ronde = 0; ronde < 50 && (ronde === 0 || paden.some((p) => !gedekt.has(p))); ronde++) {
      for (const [operatie, wie, kans] of fc.sample(arb, { seed: seed + 1000 + i + ronde * 100_000, numRuns: INJECTIE_PER_VELD })) {
        const nieuw = new Set<string>();
        stringPadenInWaarden(veld, operatie.waarden, nieuw);
        if (ronde > 0 && [...nieuw].every((p) => gedekt.has(p))) continue;
        for (const p of nieuw) gedekt.add(p);
        verzoeken.push(alsVerzoek('injectie', wie, operatie, kans === 0));
      }
    }
  }
  const nietGedekt = velden.flatMap(stringPadenInSchema).filter((pad) => !gedekt.has(pad));

  // Shuffled (seeded) so that heavy and light requests mix across the workers.
  const volgorde = fc.sample(fc.shuffledSubarray(verzoeken.map((_, i) => i), { minLength: verzoeken.length }), { seed, numRuns: 1 })[0];
  return { verzoeken: volgorde.map((i) => verzoeken[i]), nietGedekt };
}
