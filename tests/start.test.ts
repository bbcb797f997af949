import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import getPort from 'get-port';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchDataDir } from '../src/core/embedded-postgres.js';
import { createTestDatabase } from './helpers/database.js';
import { isAlive, root, startHubProces, stopAchtergeblevenHubs, type RunningHub } from './helpers/hub-proces.js';

const gestart: RunningHub[] = [];
async function startHub(env: Record<string, string>): Promise<RunningHub> {
  const hub = await startHubProces(env);
  gestart.push(hub);
  return hub;
}
// A failed assertion must not leave a hub (and its embedded PostgreSQL) running.
afterEach(() => stopAchtergeblevenHubs(gestart), 30_000);

async function graphql(port: number, query: string, token: string): Promise<unknown> {
  const response = await fetch(`http://localhost:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

/** `npm run token -- create …` as a user runs it; returns the secret it prints once. */
async function tokenViaCli(env: Record<string, string>, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['src/cli/token.ts', 'create', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  return /^(rh_\S+)$/m.exec(stdout)![1];
}

/** The README's example query and its documented answer. */
function readmeExample(): { query: string; answer: unknown } {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const match = /```graphql\n([\s\S]*?)```[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('README mist een ```graphql-voorbeeld met ```json-antwoord');
  return { query: match[1], answer: JSON.parse(match[2]) };
}

describe('npm start met de ingebouwde PostgreSQL', () => {
  it('start, beantwoordt het README-voorbeeld, stopt schoon en hergebruikt de data bij een tweede start', async () => {
    const dataDir = path.dirname(scratchDataDir('regiohub-start-'));
    const port = await getPort();
    const env = { REGIOHUB_DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await getPort()) };

    const eerste = await startHub(env);
    expect(eerste.output()).toContain(`http://localhost:${port}/graphql`);
    expect(eerste.output()).toContain('demoregio MGR Sociaal Domein Centraal Gelderland geladen');
    const postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(isAlive(postmaster)).toBe(true);

    const demoTokens = JSON.parse(readFileSync(path.join(dataDir, 'demo-tokens.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(demoTokens).sort()).toEqual(['BEHEERDER', 'CONTROLLER', 'DASHBOARD', 'GEMEENTE GM0202', 'MODULEMANAGER WGSW']);
    const { query, answer } = readmeExample();
    expect(await graphql(port, query, demoTokens.CONTROLLER)).toEqual(answer);
    const health = await fetch(`http://localhost:${port}/health/ready`);
    expect(health.status).toBe(200);
    const zonderToken = await fetch(`http://localhost:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ gemeenten { naam } }' }),
    });
    expect(zonderToken.status).toBe(401);
    expect(await zonderToken.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });

    // The token CLI works next to a running hub (it connects to the same embedded server).
    const bi = await tokenViaCli(env, '--role', 'dashboard', '--name', 'BI Arnhem', '--gemeente', 'GM0202');
    expect(await graphql(port, '{ gemeente(cbsCode: "GM0202") { naam } }', bi)).toEqual({ data: { gemeente: { naam: 'Arnhem' } } });

    eerste.process.kill('SIGTERM');
    expect(await eerste.exited).toBe(0);
    expect(isAlive(postmaster)).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const tweede = await startHub(env);
    expect(tweede.output()).not.toContain('demoregio MGR Sociaal Domein Centraal Gelderland geladen');
    const count = (await graphql(port, '{ gemeenten { cbsCode } }', demoTokens.DASHBOARD)) as { data: { gemeenten: unknown[] } };
    expect(count.data.gemeenten).toHaveLength(11);
    tweede.process.kill('SIGINT');
    expect(await tweede.exited).toBe(0);
  }, 240_000);
});

describe('npm start met DATABASE_URL', () => {
  it('gebruikt die database, start niets ingebouwd en laadt geen demodata', async () => {
    const port = await getPort();
    const dataDir = path.dirname(scratchDataDir('regiohub-url-'));
    const env = { DATABASE_URL: await createTestDatabase('empty'), PORT: String(port), REGIOHUB_DATA_DIR: dataDir };
    const hub = await startHub(env);
    expect(hub.output()).toContain('met DATABASE_URL');
    expect(hub.output()).not.toContain('demoregio');
    expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);
    const token = await tokenViaCli(env, '--role', 'controller', '--name', 'Controller test');
    expect(await graphql(port, '{ gemeenten { cbsCode } }', token)).toEqual({ data: { gemeenten: [] } });
    hub.process.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
  }, 120_000);
});
