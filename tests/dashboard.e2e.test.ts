/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { KostenoverzichtDocument } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { ARTIFACTS, startChromium } from './helpers/chromium.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { NU } from './helpers/scenario.js';

const artifacts = ARTIFACTS;
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

let t: TestHub;
let basis: string;
let browser: Browser;

beforeAll(async () => {
  t = await startTestHub({ now: NU });
  basis = (await t.listen()).replace('/graphql', '');
  browser = await startChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('dashboardpagina in Chromium', () => {
  it('toont met een gemeentetoken de grafieken en dezelfde bedragen als de API', async () => {
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'e2e Arnhem', rol: Rol.GEMEENTE, gemeente: 'GM0202' }, 'test');
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const fouten: string[] = [];
    page.on('pageerror', (e) => fouten.push(e.message));
    await page.goto(`${basis}/dashboard/#token=${encodeURIComponent(geheim)}&jaar=2024&gemeente=GM0202`);
    await page.waitForSelector('body[data-geladen="ja"]', { timeout: 30_000 });
    expect(new URL(page.url()).hash).toBe('');

    const api = (await t.execute(KostenoverzichtDocument, { jaar: 2024, fase: 'BEGROOT' }, ALS.gemeenteArnhem)).data!.kostenoverzicht;
    const opPagina = async (testid: string) => (await page.getByTestId(testid).textContent())!.replace(/\s/g, ' ');
    expect(await opPagina('regio-begroot')).toBe(euro.format(Number(api.regio!.begroot)).replace(/\s/g, ' '));
    const arnhem = api.perGemeente.find((g) => g.gemeente!.cbsCode === 'GM0202')!;
    const rij = page.locator('#tabel-gemeenten tr[data-gemeente="GM0202"] td');
    expect((await rij.nth(0).textContent())!.replace(/\s/g, ' ')).toBe(euro.format(Number(arnhem.begroot)).replace(/\s/g, ' '));
    expect((await rij.nth(3).textContent())!.replace(/\s/g, ' ')).toBe(euro.format(Number(arnhem.perInwoner)).replace(/\s/g, ' '));
    expect(await page.locator('#tabel-gemeenten tbody tr').count()).toBe(api.perGemeente.length);

    // Four charts drawn on their canvases, and the completeness matrix with a late report highlighted.
    for (const id of ['grafiek-kosten', 'grafiek-inwoner', 'grafiek-realisatie', 'grafiek-kpi']) {
      const getekend = await page.$eval(`#${id}`, (c) => (c as HTMLCanvasElement).width > 0 && (c as HTMLCanvasElement).toDataURL().length > 5000);
      expect(getekend, id).toBe(true);
    }
    await page.selectOption('#jaar', '2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('td.te-laat');
    expect(await page.locator('#tabel-compleet tbody tr').count()).toBe(6);

    // Keyboard: the form can be reached and used without a mouse.
    await page.focus('#token');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('jaar');

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'dashboard.png'), fullPage: true });
    expect(fouten).toEqual([]);
  }, 60_000);

  it('serveert GraphiQL zonder CDN en stuurt een browser op /graphql daarheen', async () => {
    const page = await browser.newPage();
    const extern: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(basis) && !r.url().startsWith('data:')) extern.push(r.url());
    });
    await page.goto(`${basis}/graphql`);
    expect(new URL(page.url()).pathname).toBe('/graphiql/');
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    expect(extern).toEqual([]);
  }, 60_000);
});
