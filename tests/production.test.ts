import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { formatError } from '../src/core/error-format.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

type Fouten = { errors: Array<{ message: string; extensions: { code: string } }> };

let t: TestHub;
let url: string;
let token: string;

beforeAll(async () => {
  t = await startTestHub({ production: true });
  url = await t.listen();
  ({ geheim: token } = await maakApiToken(t.orm.em.fork(), { naam: 'controller', rol: Rol.CONTROLLER }, 'test'));
});
afterAll(() => t.close());

describe('productie-instellingen (NODE_ENV=production)', () => {
  it('zet introspectie uit, ook voor controllers, tenzij ingesteld', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as Fouten).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('weigert een GET zonder preflight-header als mogelijke CSRF', async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ programmas { code } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(400);
  });

  it('toont geen landingspagina', async () => {
    const response = await fetch(url, { headers: { accept: 'text/html', authorization: `Bearer ${token}` } });
    expect(await response.text()).not.toMatch(/<html/i);
  });

  it('weigert een te groot verzoek (meer dan 1 MB) met 413', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ programmas { code } }', variables: { opvulling: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: 'Het verzoek is te groot (maximaal 1 MB).', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('antwoordt op onleesbare JSON met 400 en een GraphQL-fout', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Fouten).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('maskeert onverwachte fouten: geen stacktrace of SQL, wel een fout-id', () => {
    const fout = new GraphQLError('select * from geheim failed', { originalError: new Error('select * from geheim failed') });
    const geformatteerd = formatError({ message: fout.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, fout, true);
    expect(geformatteerd.message).toMatch(/^Er ging iets mis aan onze kant\. Vermeld fout-id [0-9a-f-]{36}/);
    expect(geformatteerd.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) });
    expect(JSON.stringify(geformatteerd)).not.toMatch(/select|stacktrace/);
  });
});
