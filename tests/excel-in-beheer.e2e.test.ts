/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { paginaOmgeving } from './helpers/chromium.js';
import { NU } from './helpers/scenario.js';

const omgeving = paginaOmgeving(NU);

const CSV = ['"Regionale kerncijfers Nederland"', '"70072ned"', '', '"Regio\'s";"Perioden";"Bevolking op 1 januari (aantal)"', '"Renkum";"2026*";"32.400"', ''].join('\n');

describe('uploadpagina: inwoners uit CBS StatLine in Chromium', () => {
  it('toont na de proefdraai de wijzigingen zonder op te slaan, en legt ze pas na Vastleggen vast', async () => {
    const { t, basis, browser } = omgeving;
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'e2e beheerder', rol: Rol.BEHEERDER }, 'test');
    const renkum = async () =>
      (await t.sql<{ aantal: number }>(`select i.aantal from inwonertal i join gemeente g on g.id = i.gemeente_id where g.cbs_code = 'GM0274' and i.jaar = 2026`))[0].aantal;
    const oud = await renkum();
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const fouten: string[] = [];
    page.on('pageerror', (e) => fouten.push(e.message));
    await page.goto(`${basis}/import/#token=${encodeURIComponent(geheim)}`);
    await page.waitForSelector('body[data-gereed=ja]');
    expect(await page.isDisabled('#inwoners-vastleggen')).toBe(true);

    await page.setInputFiles('#inwoners-bestand', { name: '70072ned.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.click('#inwoners-proefdraai');
    await page.waitForSelector('#inwoners-wijzigingen:not([hidden]) tbody tr');
    const rijen = await page.$$eval('#inwoners-wijzigingen tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rijen).toEqual([['Renkum', 'GM0274', '2026 (voorlopig)', 'gewijzigd', oud.toLocaleString('nl-NL'), '32.400']]);
    expect(await page.textContent('#inwoners-melding')).toBe('Proefdraai, niets opgeslagen: 0 nieuw, 1 gewijzigd, 0 gelijk (1 voorlopig). Klopt dit? Kies Vastleggen.');
    expect(await renkum()).toBe(oud);

    await page.click('#inwoners-vastleggen');
    await page.waitForFunction(() => document.getElementById('inwoners-melding')?.textContent?.startsWith('Vastgelegd'));
    expect(await page.textContent('#inwoners-melding')).toBe('Vastgelegd: 0 nieuw, 1 gewijzigd, 0 gelijk (1 voorlopig).');
    expect(await renkum()).toBe(32_400);
    expect(fouten).toEqual([]);
  }, 60_000);

  it('begrotingsversies: de proefdraai toont de nieuwe versie in euro, Vastleggen legt haar vast; problemen per rij en kolom', async () => {
    const { t, basis, browser } = omgeving;
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'e2e beheerder begroting', rol: Rol.BEHEERDER }, 'test');
    const versies = async () => (await t.sql<{ n: number }>(`select count(*)::int as n from begroting b join module m on m.id = b.module_id where m.code = 'WSP' and b.jaar = 2027`))[0].n;
    const csv = ['Module;Jaar;Soort;Lasten;Baten;Vastgesteld op;Omschrijving', 'WSP;2027;Primitief;2512345,67;440000;2-7-2026;Primitieve begroting 2027 WSP', ''].join('\r\n');
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    const fouten: string[] = [];
    page.on('pageerror', (e) => fouten.push(e.message));
    await page.goto(`${basis}/import/#token=${encodeURIComponent(geheim)}`);
    await page.waitForSelector('body[data-gereed=ja]');

    await page.setInputFiles('#begrotingen-bestand', { name: 'begrotingen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.click('#begrotingen-proefdraai');
    await page.waitForSelector('#begrotingen-wijzigingen:not([hidden]) tbody tr');
    const rijen = await page.$$eval('#begrotingen-wijzigingen tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rijen).toEqual([['WSP', '2027', 'primitief', 'nieuw', '€\u00a02.512.345,67', '€\u00a0440.000,00', '02-07-2026']]);
    expect(await page.textContent('#begrotingen-melding')).toBe('Proefdraai, niets opgeslagen: 1 nieuw, 0 gelijk. Klopt dit? Kies Vastleggen.');
    expect(await versies()).toBe(0);
    await page.click('#begrotingen-vastleggen');
    await page.waitForFunction(() => document.getElementById('begrotingen-melding')?.textContent?.startsWith('Vastgelegd'));
    expect(await versies()).toBe(1);

    // A file with a problem: the table names the row and column, and nothing is saved.
    const fout = csv.replace('2512345,67', 'veel');
    await page.setInputFiles('#begrotingen-bestand', { name: 'begrotingen.csv', mimeType: 'text/csv', buffer: Buffer.from(fout) });
    await page.click('#begrotingen-proefdraai');
    await page.waitForSelector('#begrotingen-problemen:not([hidden]) tbody tr');
    const problemen = await page.$$eval('#begrotingen-problemen tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(problemen).toEqual([['begrotingen.csv', '2', 'D (Lasten)', 'geen bedrag: "veel"; schrijf een bedrag in euro, bijvoorbeeld 1234567,89 (zonder duizendtallenpunten)']]);
    expect(await page.isDisabled('#begrotingen-vastleggen')).toBe(true);
    expect(fouten).toEqual([]);
  }, 60_000);
  it('realisatie per kwartaal, als modulemanager: proefdraai per kwartaal in euro, Vastleggen; een andere module wordt per rij geweigerd', async () => {
    const { t, basis, browser } = omgeving;
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'e2e manager wgsw', rol: Rol.MODULEMANAGER, modules: ['WGSW'] }, 'test');
    const q4 = async () => (await t.sql<{ n: number }>(`select count(*)::int as n from realisatie r join module m on m.id = r.module_id where m.code = 'WGSW' and r.jaar = 2026 and r.kwartaal = 4`))[0].n;
    const csv = ['Module;Jaar;Kwartaal;Taakveld;Categorie;Kant;Bedrag', 'WGSW;2026;4;6.4;1.1;LASTEN;12300000,00', 'WGSW;2026;4;6.4;4.3.2;BATEN;13915082,93', ''].join('\r\n');
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    const fouten: string[] = [];
    page.on('pageerror', (e) => fouten.push(e.message));
    await page.goto(`${basis}/import/#token=${encodeURIComponent(geheim)}&module=WGSW&jaar=2026&kwartaal=4`);
    await page.waitForSelector('body[data-gereed=ja]');
    expect(await page.inputValue('#realisatie-module')).toBe('WGSW');

    await page.setInputFiles('#realisatie-bestand', { name: 'realisatie.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.click('#realisatie-proefdraai');
    await page.waitForSelector('#realisatie-wijzigingen:not([hidden]) tbody tr');
    const rijen = await page.$$eval('#realisatie-wijzigingen tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rijen).toEqual([['WGSW', '2026-K4', 'nieuw', '—', '€\u00a012.300.000,00', '—', '€\u00a013.915.082,93', '—']]);
    expect(await q4()).toBe(0);
    await page.click('#realisatie-vastleggen');
    await page.waitForFunction(() => document.getElementById('realisatie-melding')?.textContent?.startsWith('Vastgelegd'));
    expect(await q4()).toBe(2);

    await page.setInputFiles('#realisatie-bestand', { name: 'realisatie.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replaceAll('WGSW;', 'RBL;').replaceAll('6.4', '4.3')) });
    await page.click('#realisatie-proefdraai');
    await page.waitForSelector('#realisatie-problemen:not([hidden]) tbody tr');
    const problemen = await page.$$eval('#realisatie-problemen tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(problemen).toEqual([['realisatie.csv', '2', 'A (Module)', 'U bent geen modulemanager van RBL en kunt de realisatie van die module niet vastleggen.']]);
    expect(fouten).toEqual([]);
  }, 60_000);
});
