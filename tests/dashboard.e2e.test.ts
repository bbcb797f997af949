/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import ExcelJS from 'exceljs';
import { parse } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import type { Identity } from '../src/auth/identity.js';
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
    const rij = page.locator('#tabel-gemeenten tr[data-sleutel="GM0202"] td');
    expect((await rij.nth(0).textContent())!.replace(/\s/g, ' ')).toBe(euro.format(Number(arnhem.begroot)).replace(/\s/g, ' '));
    expect((await rij.nth(4).textContent())!.replace(/\s/g, ' ')).toBe(euro.format(Number(arnhem.perInwoner)).replace(/\s/g, ' '));
    expect(await page.locator('#tabel-gemeenten tbody tr').count()).toBe(api.perGemeente.length);

    // Five charts drawn on their canvases, and the completeness matrix with a late report highlighted.
    for (const id of ['grafiek-kosten', 'grafiek-trend', 'grafiek-inwoner', 'grafiek-realisatie', 'grafiek-kpi']) {
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

// What the charts hold, read from the page's Chart.js instances (window.regiohubGrafieken).
interface Grafiek {
  indexAxis: string;
  labels: string[];
  datasets: Array<{ label: string; kleur: string; data: Array<number | null> }>;
  categorieLabels: string[];
  waardeTicks: string[];
  tooltip: string;
}
async function grafiek(page: Page, id: string): Promise<Grafiek | null> {
  return page.evaluate((id) => {
    const chart = (window as any).regiohubGrafieken.get(id);
    if (!chart) return null;
    const indexAxis = chart.options.indexAxis;
    const categorie = indexAxis === 'y' ? 'y' : 'x';
    const waarde = categorie === 'y' ? 'x' : 'y';
    const label = chart.options.plugins.tooltip.callbacks.label;
    return {
      indexAxis,
      labels: chart.data.labels,
      datasets: chart.data.datasets.map((d: any) => ({ label: d.label, kleur: d.backgroundColor ?? d.borderColor, data: d.data })),
      categorieLabels: chart.scales[categorie].ticks.map((t: any) => t.label),
      waardeTicks: chart.scales[waarde].ticks.map((t: any) => t.label),
      tooltip: label({ dataset: { label: 'Proef' }, parsed: { x: 1234567.5, y: 1234567.5 } }),
    };
  }, id);
}

async function vraagApi<T = any>(bron: string, variables: Record<string, unknown>, identity: Identity): Promise<T> {
  const { data, errors } = await t.execute(parse(bron) as TypedDocumentNode<T, Record<string, unknown>>, variables, identity);
  expect(errors).toBeUndefined();
  return data as T;
}

const gelijk = (tekst: string | null) => (tekst ?? '').replace(/\s/g, ' ');
const alsEuro = (bedrag: string | null) => (bedrag === null ? '—' : gelijk(euro.format(Number(bedrag))));

async function open(token: string, fragment: string, opties: { breedte?: number; hoogte?: number; locale?: string } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: opties.breedte ?? 1366, height: opties.hoogte ?? 900 }, locale: opties.locale ?? 'nl-NL' });
  const page = await context.newPage();
  const fouten: string[] = [];
  page.on('pageerror', (e) => fouten.push(e.message));
  await page.goto(`${basis}/dashboard/#token=${encodeURIComponent(token)}&${fragment}`);
  await page.waitForSelector('body[data-geladen="ja"]', { timeout: 30_000 });
  return { page, fouten, sluit: () => context.close() };
}

describe('dashboard: wat het toont klopt met de API en met wie er kijkt', () => {
  it('een gemeentetoken ziet alleen de eigen gemeente; een geweigerde keuze wist grafiek en tabel', async () => {
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'e2e Arnhem kpi', rol: Rol.GEMEENTE, gemeente: 'GM0202' }, 'test');
    // Doesburg (GM0221) asked for in the link: the page says it shows Arnhem and never labels Arnhem's figures as Doesburg's.
    const { page, fouten, sluit } = await open(geheim, 'jaar=2025&gemeente=GM0221');
    expect(await page.locator('#kpi-gemeente option').allTextContents()).toEqual(['Arnhem']);
    expect(await page.textContent('#kpi-scope')).toContain('getoond: Arnhem');

    // The first KPI per gemeente with values for Arnhem: its table and chart equal the API's series.
    const { kpis } = await vraagApi<{ kpis: Array<{ code: string; naam: string; niveau: string; module: { code: string } }> }>(
      '{ kpis { code naam niveau module { code } } }',
      {},
      ALS.gemeenteArnhem,
    );
    const reeksVan = (k: { code: string; module: { code: string } }) =>
      vraagApi<{ kpiReeks: Array<{ jaar: number; kwartaal: number; waarde: string | null; norm: string | null; gehaald: boolean | null }> }>(
        'query ($m: String!, $k: String!) { kpiReeks(module: $m, kpi: $k, gemeente: "GM0202", van: { jaar: 2024, kwartaal: 1 }, tot: { jaar: 2025, kwartaal: 4 }) { jaar kwartaal waarde norm gehaald } }',
        { m: k.module.code, k: k.code },
        ALS.gemeenteArnhem,
      );
    let gekozen: (typeof kpis)[number] | undefined;
    let reeks: Awaited<ReturnType<typeof reeksVan>>['kpiReeks'] = [];
    for (const k of kpis.filter((x) => x.niveau === 'GEMEENTE')) {
      reeks = (await reeksVan(k)).kpiReeks;
      if (reeks.some((p) => p.waarde !== null && p.gehaald !== null)) {
        gekozen = k;
        break;
      }
    }
    expect(gekozen, 'de demoregio heeft een KPI per gemeente met waarden voor Arnhem').toBeDefined();
    await page.selectOption('#kpi', { label: `${gekozen!.module.code} — ${gekozen!.naam}` });
    await page.waitForFunction((kpi) => document.querySelector('#grafiek-kpi')!.closest('section')!.dataset.kpi === kpi, `${gekozen!.code}:GM0202`);
    expect(await page.textContent('#kpi-titel')).toContain('(Arnhem)');
    expect(await page.textContent('#kpi-titel')).toMatch(/ is beter$/);
    const kpiGrafiek = (await grafiek(page, 'grafiek-kpi'))!;
    expect(kpiGrafiek.datasets[0].data).toEqual(reeks.map((p) => (p.waarde === null ? null : Number(p.waarde))));
    expect(kpiGrafiek.datasets[1].data).toEqual(reeks.map((p) => (p.norm === null ? null : Number(p.norm))));
    const oordelen = await page.locator('#tabel-kpi tbody tr td:nth-child(4)').allTextContents();
    expect(oordelen).toEqual(reeks.map((p) => (p.gehaald === null ? '—' : p.gehaald ? 'norm gehaald' : 'norm niet gehaald')));

    // A choice the server refuses (an option put in by hand): the FORBIDDEN message, and no old figures left.
    await page.evaluate(() => document.querySelector<HTMLSelectElement>('#kpi-gemeente')!.append(new Option('Doesburg', 'GM0221')));
    await page.selectOption('#kpi-gemeente', 'GM0221');
    await page.waitForFunction(() => document.querySelector('#kpi-melding')!.textContent !== '');
    expect(await page.textContent('#kpi-melding')).toContain('eigen gemeente');
    expect(await grafiek(page, 'grafiek-kpi')).toBeNull();
    expect(await page.locator('#tabel-kpi tbody tr').count()).toBe(0);
    expect(fouten).toEqual([]);
    await sluit();
  }, 60_000);

  it('wat komt eraan: de open P&C-termijnen van de komende 8 weken, als tabel met Nederlandse datums, gelijk aan de API', async () => {
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'e2e controller termijnen', rol: Rol.CONTROLLER }, 'test');
    const { page, fouten, sluit } = await open(geheim, 'jaar=2026');
    const { pcKomendeTermijnen } = await vraagApi<{ pcKomendeTermijnen: Array<{ uiterlijk: string; gemeente: { naam: string } | null; document: { titel: string } }> }>(
      '{ pcKomendeTermijnen(weken: 8) { uiterlijk gemeente { naam } document { titel } } }',
      {},
      ALS.controller,
    );
    // The demo's WGSW begrotingswijziging: seven raden still open, term 18 January 2027 (clock 23 November 2026).
    expect(pcKomendeTermijnen).toHaveLength(7);
    const rijen = page.locator('#tabel-termijnen tbody tr');
    expect(await rijen.count()).toBe(pcKomendeTermijnen.length);
    const eerste = await rijen.nth(0).locator('th, td').allTextContents();
    expect(eerste).toEqual(['18 januari 2027', pcKomendeTermijnen[0].document.titel, 'zienswijze', pcKomendeTermijnen[0].gemeente!.naam, 'loopt']);
    expect(await page.locator('#tabel-termijnen caption').textContent()).toContain('komende 8 weken');
    expect(fouten).toEqual([]);
    await sluit();
  }, 60_000);

  it('bestuursrapportage: per module begroot, prognose en gerealiseerd tot nu, in grafiek en tabel gelijk aan de API; een jaar zonder realisatie zegt dat', async () => {
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'e2e dashboard brap', rol: Rol.DASHBOARD }, 'test');
    const { page, fouten, sluit } = await open(geheim, 'jaar=2026');
    const { bestuursrapportage } = await vraagApi<{
      bestuursrapportage: Array<{ module: { id: string; code: string; naam: string }; kwartaal: number; begrootLasten: string | null; prognoseLasten: string | null; gerealiseerdLastenTotNu: string }>;
    }>('{ bestuursrapportage(jaar: 2026) { module { id code naam } kwartaal begrootLasten prognoseLasten gerealiseerdLastenTotNu } }', {}, ALS.dashboardRegio);
    // The demo has quarters 1–3 of 2026: per module the third quarter's row, modules by id.
    const laatste = bestuursrapportage.filter((r) => r.kwartaal === 3).sort((a, b) => Number(a.module.id) - Number(b.module.id));
    expect(laatste.length).toBeGreaterThan(3);
    const brap = (await grafiek(page, 'grafiek-bestuursrapportage'))!;
    expect(brap.labels).toEqual(laatste.map((r) => r.module.naam));
    expect(brap.datasets.map((d) => d.label)).toEqual(['Begroting na wijziging', 'Prognose jaar', 'Gerealiseerd tot nu']);
    const getal = (w: string | null) => (w === null ? null : Number(w));
    expect(brap.datasets[0].data).toEqual(laatste.map((r) => getal(r.begrootLasten)));
    expect(brap.datasets[1].data).toEqual(laatste.map((r) => getal(r.prognoseLasten)));
    expect(brap.datasets[2].data).toEqual(laatste.map((r) => getal(r.gerealiseerdLastenTotNu)));
    const eerste = await page.locator(`#tabel-bestuursrapportage tr[data-sleutel="${laatste[0].module.code}"] th, #tabel-bestuursrapportage tr[data-sleutel="${laatste[0].module.code}"] td`).allTextContents();
    expect(eerste.map(gelijk)).toEqual([laatste[0].module.naam, 'K3', alsEuro(laatste[0].begrootLasten), alsEuro(laatste[0].prognoseLasten), alsEuro(laatste[0].gerealiseerdLastenTotNu)]);
    await sluit();

    const leeg = await open(geheim, 'jaar=2024');
    expect(await leeg.page.textContent('#bestuursrapportage-uitleg')).toBe('Er is voor 2024 nog geen realisatie per kwartaal vastgelegd.');
    expect(await grafiek(leeg.page, 'grafiek-bestuursrapportage')).toBeNull();
    expect(await leeg.page.locator('#tabel-bestuursrapportage tbody tr').count()).toBe(0);
    expect([...fouten, ...leeg.fouten]).toEqual([]);
    await leeg.sluit();
  }, 60_000);

  it('een regionaal dashboardtoken krijgt geen KPI’s per gemeente aangeboden', async () => {
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'e2e dashboard regio', rol: Rol.DASHBOARD }, 'test');
    const { page, sluit } = await open(geheim, 'jaar=2025');
    expect(await page.isHidden('#kpi-gemeente-veld')).toBe(true);
    expect(await page.textContent('#kpi-scope')).toContain('alleen regionale');
    const aangeboden = await page.locator('#kpi option').allTextContents();
    const { kpis } = await vraagApi<{ kpis: Array<{ naam: string; niveau: string; module: { code: string } }> }>('{ kpis { naam niveau module { code } } }', {}, ALS.dashboardRegio);
    expect(aangeboden).toEqual(kpis.filter((k) => k.niveau !== 'GEMEENTE').map((k) => `${k.module.code} — ${k.naam}`));
    expect(await page.textContent('#kpi-melding')).toBe('');
    await sluit();
  }, 60_000);

  it('kosten: vaste modulekleuren over de jaren, begroting na wijziging tegen gerealiseerd, meerjarig verloop, alles gelijk aan de API', async () => {
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'e2e controller', rol: Rol.CONTROLLER }, 'test');
    const kleurenIn = async (jaar: number) => {
      const { page, sluit } = await open(geheim, `jaar=${jaar}`);
      const kosten = (await grafiek(page, 'grafiek-kosten'))!;
      await sluit();
      return new Map(kosten.datasets.map((d) => [d.label, d.kleur]));
    };
    const [k2020, k2025] = [await kleurenIn(2020), await kleurenIn(2025)];
    const beide = [...k2020.keys()].filter((m) => k2025.has(m));
    expect(beide.length).toBeGreaterThan(3);
    for (const m of beide) expect(k2025.get(m), m).toBe(k2020.get(m));
    expect(new Set(k2025.values()).size).toBe(k2025.size);

    // The browser in English: figures stay Dutch (€, decimal comma) in tables, axes and tooltips.
    const { page, fouten, sluit } = await open(geheim, 'jaar=2025', { locale: 'en-US' });
    const api = (await vraagApi<any>(
      '{ kostenoverzicht(jaar: 2025, fase: BEGROOT) { regels { gemeente { cbsCode naam } module { naam } begroot } perGemeente { gemeente { cbsCode naam } begroot naWijziging gerealiseerd } } }',
      {},
      ALS.controller,
    )).kostenoverzicht;
    const realisatie = (await grafiek(page, 'grafiek-realisatie'))!;
    expect(realisatie.datasets.map((d) => d.label)).toEqual(['Begroting na wijziging', 'Gerealiseerd']);
    expect(realisatie.datasets[0].data).toEqual(api.perGemeente.map((g: any) => Number(g.naWijziging ?? 0)));
    expect(realisatie.datasets[1].data).toEqual(api.perGemeente.map((g: any) => Number(g.gerealiseerd ?? 0)));
    expect(gelijk(realisatie.tooltip)).toBe(gelijk('Proef: ' + euro.format(1234567.5)));
    expect(realisatie.waardeTicks.every((t) => t.startsWith('€'))).toBe(true);
    const eerste = api.regels[0];
    const cel = page.locator(`#tabel-kosten tr[data-sleutel="${eerste.gemeente.cbsCode}"] td`).nth(
      (await page.locator('#tabel-kosten thead th').allTextContents()).indexOf(eerste.module.naam) - 1,
    );
    expect(gelijk(await cel.textContent())).toBe(alsEuro(eerste.begroot));

    // The download button gives the Excel export of the same year, with the token in its header.
    const [bestand] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="kostenoverzicht.xlsx"]')]);
    expect(bestand.suggestedFilename()).toBe('kostenoverzicht-2025.xlsx');
    const boek = new ExcelJS.Workbook();
    await boek.xlsx.readFile((await bestand.path())!);
    expect(boek.worksheets[0].actualRowCount - 1).toBe(api.regels.length);

    // The trend runs on into the years of the meerjarenraming (2026 has a begroting; 2027 … 2028 only a raming).
    const reeks = (await vraagApi<any>('{ kostenoverzichtReeks(van: 2020, tot: 2028, fase: BEGROOT) { jaar alleenRaming regio { begroot naWijziging gerealiseerd geraamd } } }', {}, ALS.controller))
      .kostenoverzichtReeks;
    const trend = (await grafiek(page, 'grafiek-trend'))!;
    expect(trend.labels).toEqual(reeks.map((o: any) => (o.alleenRaming ? `${o.jaar} (raming)` : String(o.jaar))));
    expect(trend.labels.slice(-2)).toEqual(['2027 (raming)', '2028 (raming)']);
    expect(trend.datasets[2].data).toEqual(reeks.map((o: any) => (o.regio?.gerealiseerd == null ? null : Number(o.regio.gerealiseerd))));
    expect(trend.datasets[3].data).toEqual(reeks.map((o: any) => (o.regio?.geraamd == null ? null : Number(o.regio.geraamd))));
    expect(trend.datasets[3].data.slice(-2).every((w: number | null) => w !== null && w > 0)).toBe(true);
    const trendRijen = await page.locator('#tabel-trend tbody tr td:nth-child(4)').allTextContents();
    expect(trendRijen.map(gelijk)).toEqual(reeks.map((o: any) => alsEuro(o.regio?.gerealiseerd ?? null)));
    const geraamdRijen = await page.locator('#tabel-trend tbody tr td:nth-child(5)').allTextContents();
    expect(geraamdRijen.map(gelijk)).toEqual(reeks.map((o: any) => alsEuro(o.regio?.geraamd ?? null)));
    expect(fouten).toEqual([]);
    await sluit();
  }, 90_000);

  it('op een telefoon (390 px breed) houdt elke gemeente haar naam in de grafieken', async () => {
    const { geheim } = await maakApiToken(t.orm.em.fork(), { naam: 'e2e telefoon', rol: Rol.CONTROLLER }, 'test');
    const { page, fouten, sluit } = await open(geheim, 'jaar=2025', { breedte: 390, hoogte: 844 });
    const namen = (await vraagApi<any>('{ kostenoverzicht(jaar: 2025) { perGemeente { gemeente { naam } } } }', {}, ALS.controller)).kostenoverzicht.perGemeente.map(
      (g: any) => g.gemeente.naam,
    );
    for (const id of ['grafiek-kosten', 'grafiek-inwoner', 'grafiek-realisatie']) {
      const g = (await grafiek(page, id))!;
      expect(g.indexAxis, id).toBe('y');
      expect(g.categorieLabels, id).toEqual(namen);
    }
    // Nothing wider than the screen but the tables, which scroll in their own box.
    const teBreed = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((e) => !e.closest('.tabel') && e.getBoundingClientRect().right > 390.5)
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`),
    );
    expect(teBreed).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'dashboard-390.png'), fullPage: true });
    expect(fouten).toEqual([]);
    await sluit();
  }, 60_000);
});
