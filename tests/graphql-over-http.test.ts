import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { fetchMetToken } from './helpers/fuzz-http.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

let t: TestHub;
let url: string;
let token: string;

beforeAll(async () => {
  t = await startTestHub({ requestsPerMinuut: 1_000_000 });
  url = await t.listen();
  ({ geheim: token } = await maakApiToken(t.orm.em.fork(), { naam: 'graphql-over-http', rol: Rol.CONTROLLER }, 'test'));
});

// The audit list is fixed when the file loads; URL and token are only read when an audit runs.
const audits = serverAudits({
  url: () => url,
  fetchFn: (input: RequestInfo | URL, init?: RequestInit) => fetchMetToken(token)(input, init),
});
const uitkomsten: AuditResult[] = [];

afterAll(async () => {
  // Recommendations the hub does not follow, one line each, for the README.
  const nietOk = uitkomsten.filter((u) => u.status !== 'ok' && !u.name.startsWith('MUST'));
  const regel = (u: AuditResult) => `  [${u.id}] ${u.name}${u.status === 'ok' ? '' : ` — ${u.reason} (HTTP ${u.response.status})`}`;
  const should = nietOk.filter((u) => u.name.startsWith('SHOULD'));
  const may = nietOk.filter((u) => u.name.startsWith('MAY'));
  console.log(
    [
      `GraphQL over HTTP: ${uitkomsten.filter((u) => u.status === 'ok').length}/${uitkomsten.length} audits ok`,
      `SHOULD niet ok (${should.length}):`,
      ...should.map(regel),
      `MAY niet ok (${may.length}):`,
      ...may.map(regel),
    ].join('\n'),
  );
  await t?.close();
});

describe('GraphQL over HTTP (audits van graphql-http)', () => {
  it('heeft audits om uit te voeren', () => {
    expect(audits.length).toBeGreaterThan(40);
  });

  for (const audit of audits) {
    const verplicht = audit.name.startsWith('MUST');
    it(`${verplicht ? 'voldoet aan' : 'meet'} [${audit.id}] ${audit.name}`, async () => {
      const uitkomst = await audit.fn();
      uitkomsten.push(uitkomst);
      if (uitkomst.status !== 'ok') {
        // Release the connection of a response the audit did not read.
        await uitkomst.response.body?.cancel().catch(() => undefined);
      }
      if (verplicht) {
        expect(uitkomst.status === 'ok' ? 'ok' : `${uitkomst.status}: ${uitkomst.reason}`, `[${audit.id}] ${audit.name}`).toBe('ok');
      }
    });
  }
});
