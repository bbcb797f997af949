/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { KOLOM, leesSjabloon, wgswConcept } from './helpers/excel.js';
import { CBS_CODES, NU } from './helpers/scenario.js';
import { ARTIFACTS, startChromium } from './helpers/chromium.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

const artifacts = ARTIFACTS;

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

describe('uploadpagina voor de kwartaalrapportage in Chromium', () => {
  it('downloadt het sjabloon en toont bij een bestand met drie fouten de drie meldingen met rij en kolom', async () => {
    await wgswConcept(t, 2026, 2);
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'e2e WgSW', rol: Rol.MODULEMANAGER, modules: ['WGSW'] }, 'test');
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const fouten: string[] = [];
    page.on('pageerror', (e) => fouten.push(e.message));
    await page.goto(`${basis}/import/#token=${encodeURIComponent(geheim)}&module=WGSW&jaar=2026&kwartaal=2`);
    await page.waitForSelector('body[data-gereed="ja"]');
    expect(new URL(page.url()).hash).toBe('');

    // The template, as the page downloads it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sjabloon')]);
    expect(download.suggestedFilename()).toBe('kwartaalrapportage-WGSW-2026-K2.xlsx');
    const s = await leesSjabloon(readFileSync((await download.path())!));
    const deelnemers = s.gemeenten('SW_ARBEIDSJAREN');
    const rijen = { geenGetal: s.rij('SW_ARBEIDSJAREN', deelnemers[0]), geenDeelnemer: s.rij('SW_ARBEIDSJAREN', deelnemers[1]), teHoog: s.rij('ZIEKTEVERZUIM') };
    s.zet(rijen.geenGetal, KOLOM.waarde, 'veel');
    s.zet(rijen.geenDeelnemer, KOLOM.cbs, CBS_CODES.find((c) => !deelnemers.includes(c))!);
    s.zet(rijen.teHoog, KOLOM.waarde, '101,5');

    await page.setInputFiles('#bestand', { name: 'ingevuld.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await s.bytes() });
    await page.click('#uploaden button[type=submit]');
    await page.waitForSelector('#problemen:not([hidden]) tbody tr');
    const tabel = await page.$$eval('#problemen tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(tabel).toEqual(
      [
        ['Waarden', String(rijen.geenGetal), 'F (waarde)', 'geen getal: "veel"; schrijf bijvoorbeeld 12,5 of 12.5'],
        ['Waarden', String(rijen.geenDeelnemer), 'D (CBS-code)', expect.stringMatching(/^gemeente neemt dit kwartaal niet deel aan de module/)],
        ['Waarden', String(rijen.teHoog), 'F (waarde)', 'een percentage ligt tussen 0 en 100'],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
    expect(await page.textContent('#melding')).toBe('Niet opgeslagen: 3 problemen in het bestand, zie de tabel.');

    // Keyboard: the upload form is reachable without a mouse.
    await page.focus('#bestand');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('controleer');

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'import.png'), fullPage: true });
    expect(fouten).toEqual([]);
  }, 60_000);
});
