/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { leesReadmeVoorbeelden } from '../src/web/graphiql/readme-voorbeelden.js';
import { startChromium } from './helpers/chromium.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { NU } from './helpers/scenario.js';

// GraphiQL as served by the hub (the Vite build in dist/web), in Debian's Chromium as the dashboard
// test drives it (helpers/chromium.ts): a header typed in the Headers tab, the token field, the README
// tabs and the explorer.

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
const voorbeelden = leesReadmeVoorbeelden(readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8'));

let t: TestHub;
let basis: string;
let browser: Browser;
let token: string;

beforeAll(async () => {
  t = await startTestHub({ now: NU });
  basis = (await t.listen()).replace('/graphql', '');
  token = (await maakApiToken(t.orm.em.fork(), { naam: 'e2e controller', rol: Rol.CONTROLLER }, 'test')).geheim;
  browser = await startChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A fresh browser context: no sessionStorage or saved GraphiQL tabs from an earlier test. */
async function nieuwePagina(pad: string): Promise<{ page: Page; fouten: string[]; authorization: (string | undefined)[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const fouten: string[] = [];
  page.on('pageerror', (e) => fouten.push(e.message));
  // The Authorization header of every GraphQL request, as Chromium sends it (joined if doubled).
  const authorization: (string | undefined)[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/graphql' && r.method() === 'POST') authorization.push(r.headers().authorization);
  });
  await page.goto(`${basis}${pad}`);
  // The editors (CodeMirror) load after the page: wait until the open tab shows its query.
  await page.waitForFunction(() => {
    const cm = document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { getValue(): string } } | null;
    return Boolean(cm?.CodeMirror.getValue().trim());
  }, undefined, { timeout: 30_000 });
  return { page, fouten, authorization };
}

const editorWaarde = (page: Page, selector: string) =>
  page.$eval(selector, (e) => (e as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());

/** Runs the query of the open tab and returns the response GraphiQL shows. */
async function voerUit(page: Page): Promise<unknown> {
  const klaar = page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql' && r.request().postData()?.includes('"query"') === true && !r.request().postData()!.includes('IntrospectionQuery'));
  await page.click('.graphiql-execute-button');
  await klaar;
  await page.waitForFunction(() => {
    const cm = document.querySelector('.result-window .CodeMirror') as unknown as { CodeMirror: { getValue(): string } } | null;
    return Boolean(cm?.CodeMirror.getValue().trim());
  });
  return JSON.parse(await editorWaarde(page, '.result-window .CodeMirror'));
}

describe('GraphiQL in Chromium', () => {
  it('opent met de README-voorbeelden als tabbladen, en een Authorization getypt in Headers werkt', async () => {
    const { page, fouten, authorization } = await nieuwePagina('/graphiql/');
    expect(await page.getByTestId('token-status').textContent()).toContain('Geen token');

    // One tab per README example, the first one open, with the example's query.
    expect(await page.locator('.graphiql-tab').count()).toBe(voorbeelden.length);
    expect(await editorWaarde(page, '.graphiql-query-editor .CodeMirror')).toContain(voorbeelden[0].query);

    // Typed as the README and the error message spell it: capital A, in the Headers tab.
    await page.getByRole('button', { name: 'Headers' }).click();
    await page.click('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror');
    await page.keyboard.type(`{"Authorization": "Bearer ${token}"}`);
    expect(JSON.parse(await editorWaarde(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror'))).toEqual({ Authorization: `Bearer ${token}` });

    const antwoord = await voerUit(page);
    expect(antwoord).toEqual(voorbeelden[0].antwoord);
    // Exactly the typed header went out: not joined to an empty "Bearer " from the token field.
    expect(authorization.at(-1)).toBe(`Bearer ${token}`);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'graphiql-headers.png') });
    expect(fouten).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('neemt een token uit #token= of het tokenveld, toont het gemaskeerd en kan het wissen', async () => {
    const { page, fouten, authorization } = await nieuwePagina(`/graphiql/#token=${encodeURIComponent(token)}`);
    // Out of the address bar, into this tab's storage, shown masked.
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('regiohub-token'))).toBe(token);
    const status = page.getByTestId('token-status');
    expect(await status.textContent()).toContain(`Token ingesteld: ${token.slice(0, 3)}…${token.slice(-4)}`);
    expect(await status.textContent()).not.toContain(token);
    expect(await voerUit(page)).toEqual(voorbeelden[0].antwoord);
    expect(authorization.at(-1)).toBe(`Bearer ${token}`);

    // With the token the schema loads, and the explorer lists the root fields to click a query from.
    await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
    await page.locator('.graphiql-explorer-root').getByText('kostenoverzicht', { exact: true }).waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: 'Wissen' }).click();
    expect(await status.textContent()).toContain('Geen token');
    expect(await page.evaluate(() => sessionStorage.getItem('regiohub-token'))).toBeNull();
    // No token and no typed header: no Authorization at all, never an empty "Bearer ".
    const zonder = (await voerUit(page)) as { errors: { extensions: { code: string } }[] };
    expect(zonder.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(authorization.at(-1)).toBeUndefined();

    // Pasted in the field.
    await page.fill('#token', token);
    await page.getByRole('button', { name: 'Gebruiken' }).click();
    expect(await status.textContent()).toContain('Token ingesteld');
    expect(await voerUit(page)).toEqual(voorbeelden[0].antwoord);
    expect(await page.inputValue('#token')).toBe('');

    await page.screenshot({ path: path.join(artifacts, 'graphiql-explorer.png') });
    expect(fouten).toEqual([]);
    await page.context().close();
  }, 60_000);
});
