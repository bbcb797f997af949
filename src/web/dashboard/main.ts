import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Chart, registerables, type ChartConfiguration, type TooltipItem } from 'chart.js';
import { print } from 'graphql';
import {
  DashboardBestuursrapportageDocument,
  DashboardCompleetheidDocument,
  DashboardKomendeTermijnenDocument,
  DashboardKeuzesDocument,
  DashboardKostenDocument,
  DashboardKpiReeksDocument,
  DashboardTrendDocument,
  type DashboardKeuzesQuery,
} from './generated.js';
import { moduleKleur, REEKS_KLEUREN } from './kleuren.js';

Chart.register(...registerables);

// Figures are Dutch whatever the browser's language: € with a decimal comma, thousands with a dot.
const LOCALE = 'nl-NL';
const euro = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR' });
const getal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Formats an exact decimal string as euros; the number only exists for the formatter. */
export const alsEuro = (bedrag: string | null) => (bedrag === null ? '—' : euro.format(Number(bedrag)));

type Keuzes = DashboardKeuzesQuery;
type Kpi = Keuzes['kpis'][number];

/** How a KPI's values read: the unit after the number, and the axis title. */
const EENHEDEN: Record<Kpi['eenheid'], { as: string; waarde: (x: number) => string }> = {
  AANTAL: { as: 'aantal', waarde: (x) => getal.format(x) },
  PERCENTAGE: { as: 'procent (%)', waarde: (x) => `${getal.format(x)} %` },
  EURO: { as: 'euro (€)', waarde: (x) => euro.format(x) },
  DAGEN: { as: 'dagen', waarde: (x) => `${getal.format(x)} dagen` },
  FTE: { as: 'fte', waarde: (x) => `${getal.format(x)} fte` },
};
const RICHTING: Record<Kpi['richting'], string> = { HOGER_IS_BETER: 'hoger is beter', LAGER_IS_BETER: 'lager is beter' };

class VraagFout extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

async function vraag<TData, TVars>(document: TypedDocumentNode<TData, TVars>, variables: TVars): Promise<TData> {
  const token = sessionStorage.getItem('regiohub-token') ?? '';
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) throw new VraagFout(body.errors.map((e) => e.message).join(' '), body.errors[0].extensions?.code);
  return body.data!;
}

/** On a narrow screen a chart per gemeente lies on its side, so every gemeente keeps its name. */
const smal = () => window.matchMedia('(max-width: 640px)').matches;

const grafieken = new Map<string, Chart>();
// The drawn charts by canvas id, readable from the page (the end-to-end test compares their figures,
// colours, labels and tooltips with the API's; a chart's figures are otherwise only pixels).
(window as unknown as { regiohubGrafieken: Map<string, Chart> }).regiohubGrafieken = grafieken;

function wis(id: string): void {
  grafieken.get(id)?.destroy();
  grafieken.delete(id);
}

/** Draws a chart with Dutch number formats in ticks and tooltips, whatever the browser's language. */
function teken(id: string, config: ChartConfiguration, formaat: (x: number) => string, opLijst = false): void {
  wis(id);
  const liggend = opLijst && smal();
  const waardeAs = liggend ? 'x' : 'y';
  const categorieAs = liggend ? 'y' : 'x';
  const opties = config.options ?? {};
  const scales = (opties.scales ?? {}) as Record<string, Record<string, unknown>>;
  const chart = new Chart($<HTMLCanvasElement>(id), {
    ...config,
    options: {
      ...opties,
      locale: LOCALE,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: liggend ? 'y' : 'x',
      scales: {
        [categorieAs]: { ...scales.categorie, ticks: { autoSkip: false } },
        [waardeAs]: { ...scales.waarde, ticks: { callback: (v: string | number) => formaat(Number(v)) } },
      },
      plugins: {
        ...opties.plugins,
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar' | 'line'>) => `${item.dataset.label}: ${item.parsed[waardeAs] === null ? '—' : formaat(item.parsed[waardeAs] as number)}`,
            ...(opties.plugins?.tooltip?.callbacks ?? {}),
          },
        },
      },
    },
  } as ChartConfiguration);
  grafieken.set(id, chart);
}

/** Fills a table's body: the first cell of a row is its header. */
function vulTabel(id: string, rijen: Array<{ sleutel?: string; cellen: string[] }>): void {
  $(id).querySelector('tbody')!.replaceChildren(
    ...rijen.map(({ sleutel, cellen }) => {
      const rij = document.createElement('tr');
      if (sleutel) rij.dataset.sleutel = sleutel;
      cellen.forEach((tekst, i) => {
        const cel = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cel.setAttribute('scope', 'row');
        cel.textContent = tekst;
        rij.append(cel);
      });
      return rij;
    }),
  );
}

function vulKoppen(id: string, koppen: string[]): void {
  const rij = document.createElement('tr');
  for (const kop of koppen) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = kop;
    rij.append(th);
  }
  $(id).querySelector('thead')!.replaceChildren(rij);
}

async function toonKosten(jaar: number, keuzes: Keuzes): Promise<void> {
  const { kostenoverzicht: o } = await vraag(DashboardKostenDocument, { jaar });
  const moduleIds = keuzes.modules.map((m) => Number(m.id));
  $('regio-begroot').textContent = alsEuro(o.regio?.begroot ?? null);
  $('regio-na-wijziging').textContent = alsEuro(o.regio?.naWijziging ?? null);
  $('regio-gerealiseerd').textContent = alsEuro(o.regio?.gerealiseerd ?? null);
  const gemeenten = o.perGemeente.map((g) => g.gemeente!);
  const modules = [...new Map(o.regels.map((r) => [r.module!.code, r.module!])).values()].sort((a, b) => Number(a.id) - Number(b.id));
  const cel = (cbs: string, code: string) => o.regels.find((r) => r.gemeente!.cbsCode === cbs && r.module!.code === code)?.begroot ?? null;
  teken(
    'grafiek-kosten',
    {
      type: 'bar',
      data: {
        labels: gemeenten.map((g) => g.naam),
        datasets: modules.map((m) => ({
          label: m.naam,
          backgroundColor: moduleKleur(moduleIds, Number(m.id)),
          borderColor: '#ffffff',
          borderWidth: 1,
          data: gemeenten.map((g) => Number(cel(g.cbsCode, m.code) ?? 0)),
        })),
      },
      options: { scales: { categorie: { stacked: true }, waarde: { stacked: true } } as never },
    },
    (x) => euro.format(x),
    true,
  );
  vulKoppen('tabel-kosten', ['Gemeente', ...modules.map((m) => m.naam)]);
  vulTabel('tabel-kosten', gemeenten.map((g) => ({ sleutel: g.cbsCode, cellen: [g.naam, ...modules.map((m) => alsEuro(cel(g.cbsCode, m.code)))] })));

  teken(
    'grafiek-inwoner',
    { type: 'bar', data: { labels: gemeenten.map((g) => g.naam), datasets: [{ label: 'Begroot per inwoner', backgroundColor: REEKS_KLEUREN.begroot, data: o.perGemeente.map((g) => Number(g.perInwoner ?? 0)) }] } },
    (x) => euro.format(x),
    true,
  );
  teken(
    'grafiek-realisatie',
    {
      type: 'bar',
      data: {
        labels: gemeenten.map((g) => g.naam),
        datasets: [
          { label: 'Begroting na wijziging', backgroundColor: REEKS_KLEUREN.naWijziging, data: o.perGemeente.map((g) => Number(g.naWijziging ?? 0)) },
          { label: 'Gerealiseerd', backgroundColor: REEKS_KLEUREN.gerealiseerd, data: o.perGemeente.map((g) => Number(g.gerealiseerd ?? 0)) },
        ],
      },
    },
    (x) => euro.format(x),
    true,
  );
  vulTabel(
    'tabel-gemeenten',
    o.perGemeente.map((g) => ({
      sleutel: g.gemeente!.cbsCode,
      cellen: [g.gemeente!.naam, alsEuro(g.begroot), alsEuro(g.naWijziging), alsEuro(g.gerealiseerd), g.inwoners === null ? '—' : getal.format(g.inwoners), alsEuro(g.perInwoner)],
    })),
  );
}

/** The years after the chosen one that the trend shows from the meerjarenraming (t+1 … t+3). */
const RAMING_JAREN = 3;

async function toonTrend(jaar: number): Promise<void> {
  const reeks = (await vraag(DashboardTrendDocument, { van: jaar - 5, tot: jaar + RAMING_JAREN })).kostenoverzichtReeks;
  const lijn = (label: string, kleur: string, waarden: Array<string | null>, streep?: number[]) => ({
    label,
    borderColor: kleur,
    backgroundColor: kleur,
    borderDash: streep,
    data: waarden.map((w) => (w === null ? null : Number(w))),
  });
  // A year with only a raming says so in its label, so the forecast never reads as an adopted figure.
  const label = (o: (typeof reeks)[number]) => (o.alleenRaming ? `${o.jaar} (raming)` : String(o.jaar));
  teken(
    'grafiek-trend',
    {
      type: 'line',
      data: {
        labels: reeks.map(label),
        datasets: [
          lijn('Begroot (primitief)', REEKS_KLEUREN.begroot, reeks.map((o) => o.regio?.begroot ?? null)),
          lijn('Begroting na wijziging', REEKS_KLEUREN.naWijziging, reeks.map((o) => o.regio?.naWijziging ?? null), [6, 4]),
          lijn('Gerealiseerd', REEKS_KLEUREN.gerealiseerd, reeks.map((o) => o.regio?.gerealiseerd ?? null)),
          lijn('Geraamd (meerjarenraming)', REEKS_KLEUREN.geraamd, reeks.map((o) => o.regio?.geraamd ?? null), [2, 3]),
        ],
      },
    },
    (x) => euro.format(x),
  );
  vulTabel(
    'tabel-trend',
    reeks.map((o) => ({
      sleutel: String(o.jaar),
      cellen: [label(o), alsEuro(o.regio?.begroot ?? null), alsEuro(o.regio?.naWijziging ?? null), alsEuro(o.regio?.gerealiseerd ?? null), alsEuro(o.regio?.geraamd ?? null)],
    })),
  );
}

// The KPI answer that may still be drawn: a slower answer to an earlier choice must never overwrite a later one.
let kpiVraag = 0;

async function toonKpi(kpi: Kpi, gemeente: { cbsCode: string; naam: string } | null, jaar: number): Promise<void> {
  const nummer = ++kpiVraag;
  const eenheid = EENHEDEN[kpi.eenheid];
  const wie = kpi.niveau === 'GEMEENTE' && gemeente ? gemeente.naam : 'regio';
  $('kpi-titel').textContent = `${kpi.naam} (${wie}) — in ${eenheid.as}, ${RICHTING[kpi.richting]}`;
  $('kpi-melding').textContent = '';
  try {
    const reeks = (
      await vraag(DashboardKpiReeksDocument, {
        module: kpi.module.code,
        kpi: kpi.code,
        gemeente: kpi.niveau === 'GEMEENTE' ? (gemeente?.cbsCode ?? null) : null,
        van: { jaar: jaar - 1, kwartaal: 1 },
        tot: { jaar, kwartaal: 4 },
      })
    ).kpiReeks;
    if (nummer !== kpiVraag) return;
    const oordeel = (g: boolean | null) => (g === null ? '—' : g ? 'norm gehaald' : 'norm niet gehaald');
    teken(
      'grafiek-kpi',
      {
        type: 'line',
        data: {
          labels: reeks.map((p) => `${p.jaar} K${p.kwartaal}`),
          datasets: [
            {
              label: `${kpi.naam} (${wie})`,
              borderColor: REEKS_KLEUREN.waarde,
              data: reeks.map((p) => (p.waarde === null ? null : Number(p.waarde))),
              // Met or missed shows in shape as well as colour: a round dot, or a cross.
              pointStyle: reeks.map((p) => (p.gehaald === false ? 'crossRot' : 'circle')),
              pointRadius: reeks.map((p) => (p.gehaald === null ? 3 : 7)),
              pointBorderWidth: reeks.map((p) => (p.gehaald === false ? 3 : 1)),
              pointBackgroundColor: reeks.map((p) => (p.gehaald === null ? REEKS_KLEUREN.waarde : p.gehaald ? REEKS_KLEUREN.gehaald : REEKS_KLEUREN.nietGehaald)),
              pointBorderColor: reeks.map((p) => (p.gehaald === null ? REEKS_KLEUREN.waarde : p.gehaald ? REEKS_KLEUREN.gehaald : REEKS_KLEUREN.nietGehaald)),
            },
            { label: 'Norm (DVO)', borderColor: REEKS_KLEUREN.norm, backgroundColor: REEKS_KLEUREN.norm, borderDash: [6, 4], pointStyle: 'rectRot', data: reeks.map((p) => (p.norm === null ? null : Number(p.norm))) },
          ],
        },
        options: {
          scales: { waarde: { title: { display: true, text: eenheid.as } } } as never,
          plugins: { tooltip: { callbacks: { afterLabel: (item: TooltipItem<'line'>) => (item.datasetIndex === 0 ? oordeel(reeks[item.dataIndex].gehaald) : '') } } },
        },
      },
      eenheid.waarde,
    );
    vulTabel(
      'tabel-kpi',
      reeks.map((p) => ({
        sleutel: `${p.jaar}-${p.kwartaal}`,
        cellen: [`${p.jaar} K${p.kwartaal}`, p.waarde === null ? '—' : eenheid.waarde(Number(p.waarde)), p.norm === null ? '—' : eenheid.waarde(Number(p.norm)), oordeel(p.gehaald)],
      })),
    );
    $('grafiek-kpi').closest('section')!.dataset.kpi = `${kpi.code}:${kpi.niveau === 'GEMEENTE' ? (gemeente?.cbsCode ?? '') : ''}`;
  } catch (fout) {
    if (nummer !== kpiVraag) return;
    // Never leave the previous figures under the new label.
    wis('grafiek-kpi');
    vulTabel('tabel-kpi', []);
    $('grafiek-kpi').closest('section')!.dataset.kpi = '';
    $('kpi-melding').textContent = fout instanceof Error ? fout.message : String(fout);
  }
}

function toonKpiKeuze(jaar: number, keuzes: Keuzes): void {
  const { aanmelding } = keuzes;
  const gemeenten = aanmelding.kpiGemeenten;
  // Only what this sign-in may see: KPIs per gemeente only when there is a gemeente to show.
  const kpis = keuzes.kpis.filter((k) => k.niveau !== 'GEMEENTE' || gemeenten.length > 0);
  const kpiSelect = $<HTMLSelectElement>('kpi');
  const gemeenteSelect = $<HTMLSelectElement>('kpi-gemeente');
  kpiSelect.replaceChildren(...kpis.map((k, i) => new Option(`${k.module.code} — ${k.naam}`, String(i))));
  const gevraagd = sessionStorage.getItem('regiohub-gemeente');
  const gekozen = gemeenten.find((g) => g.cbsCode === gevraagd) ?? gemeenten.find((g) => g.cbsCode === aanmelding.cbsCode) ?? gemeenten[0];
  gemeenteSelect.replaceChildren(...gemeenten.map((g) => new Option(g.naam, g.cbsCode, false, g === gekozen)));
  $('kpi-gemeente-veld').hidden = gemeenten.length === 0;
  if (gevraagd && gekozen && gevraagd !== gekozen.cbsCode) {
    $('kpi-scope').textContent = `U mag KPI-waarden per gemeente alleen van ${gemeenten.map((g) => g.naam).join(', ')} zien; getoond: ${gekozen.naam}.`;
  } else if (gemeenten.length === 0) {
    $('kpi-scope').textContent = 'Met deze aanmelding ziet u alleen regionale KPI-waarden.';
  } else $('kpi-scope').textContent = '';
  if (kpis.length === 0) {
    $('kpi-melding').textContent = 'Er zijn geen KPI’s die u mag zien.';
    return;
  }
  const standaard = kpis.findIndex((k) => k.niveau === 'REGIO');
  kpiSelect.value = String(Math.max(standaard, 0));
  const verversen = () => {
    const kpi = kpis[Number(kpiSelect.value)];
    gemeenteSelect.disabled = kpi.niveau !== 'GEMEENTE';
    const optie = gemeenteSelect.selectedOptions[0];
    const gemeente = optie ? { cbsCode: optie.value, naam: optie.text } : null;
    void toonKpi(kpi, gemeente, jaar);
  };
  kpiSelect.onchange = verversen;
  gemeenteSelect.onchange = verversen;
  verversen();
}

async function toonCompleetheid(jaar: number): Promise<void> {
  const standen = (await vraag(DashboardCompleetheidDocument, { jaar })).rapportageCompleetheid;
  const modules = [...new Map(standen.map((s) => [s.module.code, s.module])).values()];
  $('tabel-compleet').querySelector('tbody')!.replaceChildren(
    ...modules.map((m) => {
      const rij = document.createElement('tr');
      const kop = document.createElement('th');
      kop.scope = 'row';
      kop.textContent = m.naam;
      rij.append(kop);
      for (const s of standen.filter((x) => x.module.code === m.code)) {
        const cel = document.createElement('td');
        const status = s.status ? s.status.toLowerCase() : s.kwartaalAfgelopen ? 'ontbreekt' : 'nog niet';
        cel.textContent = s.teLaat ? `${status} — ${s.dagenTeLaat} dagen te laat` : status;
        if (s.teLaat) cel.className = 'te-laat';
        cel.title = `Uiterlijk ${s.deadline}`;
        rij.append(cel);
      }
      return rij;
    }),
  );
}

const datum = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const STAPPEN: Record<string, string> = {
  VERZONDEN_AAN_RADEN: 'naar de raden',
  ZIENSWIJZE: 'zienswijze',
  VASTGESTELD: 'vaststelling AB',
  VERZONDEN_AAN_TOEZICHTHOUDER: 'naar Gedeputeerde Staten',
};

/**
 * The bestuursrapportage of the year: per module its lasten by the begroting na wijziging, the forecast
 * for the year and the realisation to date, from the latest quarter with figures (the API's own rows).
 */
async function toonBestuursrapportage(jaar: number): Promise<void> {
  const regels = (await vraag(DashboardBestuursrapportageDocument, { jaar })).bestuursrapportage;
  const laatste = new Map<string, (typeof regels)[number]>();
  for (const r of regels) if ((laatste.get(r.module.code)?.kwartaal ?? 0) < r.kwartaal) laatste.set(r.module.code, r);
  const perModule = [...laatste.values()].sort((a, b) => Number(a.module.id) - Number(b.module.id));
  $('bestuursrapportage-uitleg').textContent = perModule.length
    ? 'Per module de lasten volgens de begroting na wijziging, de prognose voor het hele jaar en de realisatie tot en met het laatste kwartaal met cijfers (de bestuursrapportage).'
    : `Er is voor ${jaar} nog geen realisatie per kwartaal vastgelegd.`;
  if (perModule.length === 0) {
    wis('grafiek-bestuursrapportage');
    vulTabel('tabel-bestuursrapportage', []);
    return;
  }
  const bedrag = (w: string | null) => (w === null ? null : Number(w));
  teken(
    'grafiek-bestuursrapportage',
    {
      type: 'bar',
      data: {
        labels: perModule.map((r) => r.module.naam),
        datasets: [
          { label: 'Begroting na wijziging', backgroundColor: REEKS_KLEUREN.naWijziging, data: perModule.map((r) => bedrag(r.begrootLasten)) },
          { label: 'Prognose jaar', backgroundColor: REEKS_KLEUREN.prognose, data: perModule.map((r) => bedrag(r.prognoseLasten)) },
          { label: 'Gerealiseerd tot nu', backgroundColor: REEKS_KLEUREN.gerealiseerd, data: perModule.map((r) => bedrag(r.gerealiseerdLastenTotNu)) },
        ],
      },
    },
    (x) => euro.format(x),
    true,
  );
  vulTabel(
    'tabel-bestuursrapportage',
    perModule.map((r) => ({ sleutel: r.module.code, cellen: [r.module.naam, `K${r.kwartaal}`, alsEuro(r.begrootLasten), alsEuro(r.prognoseLasten), alsEuro(r.gerealiseerdLastenTotNu)] })),
  );
}

/** "Wat komt eraan": open P&C deadlines of the coming 8 weeks and overdue ones, by the hub's clock. */
async function toonKomendeTermijnen(): Promise<void> {
  const termijnen = (await vraag(DashboardKomendeTermijnenDocument, {})).pcKomendeTermijnen;
  const body = $('tabel-termijnen').querySelector('tbody')!;
  if (termijnen.length === 0) {
    const rij = document.createElement('tr');
    const cel = Object.assign(document.createElement('td'), { colSpan: 5, textContent: 'Geen open termijnen in de komende 8 weken.' });
    rij.append(cel);
    body.replaceChildren(rij);
    return;
  }
  body.replaceChildren(
    ...termijnen.map((t) => {
      const rij = document.createElement('tr');
      const kop = Object.assign(document.createElement('th'), { scope: 'row', textContent: datum.format(new Date(`${t.uiterlijk}T00:00:00Z`)) });
      const stap = Object.assign(document.createElement('td'), { textContent: STAPPEN[t.regel.stap] ?? t.regel.stap, title: `${t.regel.omschrijving} (${t.regel.grondslag})` });
      const status = Object.assign(document.createElement('td'), { textContent: t.status === 'TE_LAAT' ? 'verlopen' : 'loopt' });
      if (t.status === 'TE_LAAT') status.className = 'te-laat';
      rij.append(kop, Object.assign(document.createElement('td'), { textContent: t.document.titel }), stap, Object.assign(document.createElement('td'), { textContent: t.gemeente?.naam ?? '—' }), status);
      return rij;
    }),
  );
}

/** Downloads an export with the token in the header (a plain link cannot carry it). */
async function download(bestand: string, jaar: number): Promise<void> {
  const token = sessionStorage.getItem('regiohub-token') ?? '';
  const response = await fetch(`/export/${bestand}?jaar=${jaar}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: Array<{ message: string }> } | null;
    throw new Error(body?.errors?.[0]?.message ?? `Downloaden mislukt (${response.status}).`);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: bestand.replace('.', `-${jaar}.`) });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

function toonFout(fout: unknown): void {
  $('melding').textContent = fout instanceof Error ? fout.message : String(fout);
}

async function toon(jaar: number): Promise<void> {
  $('melding').textContent = 'Bezig met laden…';
  const keuzes = await vraag(DashboardKeuzesDocument, {});
  $('aangemeld').textContent = `Aangemeld als ${keuzes.aanmelding.naam} (${keuzes.aanmelding.rol.toLowerCase()}).`;
  await Promise.all([toonKosten(jaar, keuzes), toonTrend(jaar), toonBestuursrapportage(jaar), toonCompleetheid(jaar), toonKomendeTermijnen()]);
  toonKpiKeuze(jaar, keuzes);
  for (const knop of document.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
    knop.onclick = () => download(knop.dataset.export!, jaar).catch(toonFout);
  }
  $('inhoud').hidden = false;
  $('melding').textContent = `Gegevens over ${jaar} geladen.`;
  document.body.dataset.geladen = 'ja';
}

function start(): void {
  // A token may arrive in the fragment (never sent to the server in the URL); keep it for this tab only.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem('regiohub-token', fragment.get('token')!);
    if (fragment.get('gemeente')) sessionStorage.setItem('regiohub-gemeente', fragment.get('gemeente')!);
    history.replaceState(null, '', location.pathname);
  }
  const jaarSelect = $<HTMLSelectElement>('jaar');
  const ditJaar = new Date().getFullYear();
  jaarSelect.replaceChildren(...Array.from({ length: 7 }, (_, i) => new Option(String(ditJaar - i), String(ditJaar - i))));
  jaarSelect.value = fragment.get('jaar') ?? String(ditJaar - 1);
  const tokenVeld = $<HTMLInputElement>('token');
  tokenVeld.value = sessionStorage.getItem('regiohub-token') ?? '';
  $('aanmelden').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('regiohub-token', tokenVeld.value.trim());
    toon(Number(jaarSelect.value)).catch(toonFout);
  });
  // Redraw the charts per gemeente when the screen turns between narrow and wide.
  window.matchMedia('(max-width: 640px)').addEventListener('change', () => {
    if (document.body.dataset.geladen) toon(Number(jaarSelect.value)).catch(toonFout);
  });
  if (tokenVeld.value) toon(Number(jaarSelect.value)).catch(toonFout);
}

start();
