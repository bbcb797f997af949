import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { print } from 'graphql';
import {
  DashboardCompleetheidDocument,
  DashboardKostenDocument,
  DashboardKpiKeuzesDocument,
  DashboardKpiReeksDocument,
  type DashboardKpiKeuzesQuery,
} from './generated.js';

Chart.register(...registerables);

// Okabe–Ito: distinguishable with the common forms of colour blindness.
const KLEUREN = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999'];
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const getal = new Intl.NumberFormat('nl-NL');
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Formats an exact decimal string as euros without passing through arithmetic. */
export const alsEuro = (bedrag: string | null) => (bedrag === null ? '—' : euro.format(Number(bedrag)));

async function vraag<TData, TVars>(document: TypedDocumentNode<TData, TVars>, variables: TVars): Promise<TData> {
  const token = sessionStorage.getItem('regiohub-token') ?? '';
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join(' '));
  return body.data!;
}

const grafieken = new Map<string, Chart<'bar' | 'line', Array<number | null>>>();
function teken(id: string, config: ChartConfiguration<'bar' | 'line', Array<number | null>>): void {
  grafieken.get(id)?.destroy();
  const opties = { maintainAspectRatio: false, animation: false as const, ...config.options };
  grafieken.set(id, new Chart($<HTMLCanvasElement>(id), { ...config, options: opties }));
}

async function toonKosten(jaar: number): Promise<void> {
  const { kostenoverzicht: o } = await vraag(DashboardKostenDocument, { jaar });
  $('regio-begroot').textContent = alsEuro(o.regio?.begroot ?? null);
  $('regio-gerealiseerd').textContent = alsEuro(o.regio?.gerealiseerd ?? null);
  const gemeenten = o.perGemeente.map((g) => g.gemeente!);
  const modules = [...new Map(o.regels.map((r) => [r.module!.code, r.module!])).values()];
  teken('grafiek-kosten', {
    type: 'bar',
    data: {
      labels: gemeenten.map((g) => g.naam),
      datasets: modules.map((m, i) => ({
        label: m.naam,
        backgroundColor: KLEUREN[i % KLEUREN.length],
        data: gemeenten.map((g) => Number(o.regels.find((r) => r.gemeente!.cbsCode === g.cbsCode && r.module!.code === m.code)?.begroot ?? 0)),
      })),
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, ticks: { callback: (v) => euro.format(Number(v)) } } } },
  });
  teken('grafiek-inwoner', {
    type: 'bar',
    data: { labels: gemeenten.map((g) => g.naam), datasets: [{ label: 'Begroot per inwoner', backgroundColor: KLEUREN[0], data: o.perGemeente.map((g) => Number(g.perInwoner ?? 0)) }] },
    options: { scales: { y: { ticks: { callback: (v) => euro.format(Number(v)) } } } },
  });
  teken('grafiek-realisatie', {
    type: 'bar',
    data: {
      labels: gemeenten.map((g) => g.naam),
      datasets: [
        { label: 'Begroot', backgroundColor: KLEUREN[0], data: o.perGemeente.map((g) => Number(g.begroot ?? 0)) },
        { label: 'Gerealiseerd', backgroundColor: KLEUREN[1], data: o.perGemeente.map((g) => Number(g.gerealiseerd ?? 0)) },
      ],
    },
    options: { scales: { y: { ticks: { callback: (v) => euro.format(Number(v)) } } } },
  });
  $('tabel-gemeenten').querySelector('tbody')!.replaceChildren(
    ...o.perGemeente.map((g) => {
      const rij = document.createElement('tr');
      rij.dataset.gemeente = g.gemeente!.cbsCode;
      for (const [i, tekst] of [g.gemeente!.naam, alsEuro(g.begroot), alsEuro(g.gerealiseerd), g.inwoners === null ? '—' : getal.format(g.inwoners), alsEuro(g.perInwoner)].entries()) {
        const cel = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cel.setAttribute('scope', 'row');
        cel.textContent = tekst;
        rij.append(cel);
      }
      return rij;
    }),
  );
}

type KpiKeuze = DashboardKpiKeuzesQuery['kpis'][number];

async function toonKpi(kpi: KpiKeuze, gemeente: string | null, jaar: number): Promise<void> {
  const reeks = (await vraag(DashboardKpiReeksDocument, {
    module: kpi.module.code,
    kpi: kpi.code,
    gemeente: kpi.niveau === 'GEMEENTE' ? gemeente : null,
    van: { jaar: jaar - 1, kwartaal: 1 },
    tot: { jaar, kwartaal: 4 },
  })).kpiReeks;
  teken('grafiek-kpi', {
    type: 'line',
    data: {
      labels: reeks.map((p) => `${p.jaar} K${p.kwartaal}`),
      datasets: [
        { label: kpi.naam, borderColor: KLEUREN[0], backgroundColor: KLEUREN[0], data: reeks.map((p) => (p.waarde === null ? null : Number(p.waarde))) },
        { label: 'Norm (DVO)', borderColor: KLEUREN[5], borderDash: [6, 4], pointStyle: 'rectRot', data: reeks.map((p) => (p.norm === null ? null : Number(p.norm))) },
      ],
    },
  });
}

async function toonKpiKeuze(jaar: number): Promise<void> {
  const { kpis, gemeenten } = await vraag(DashboardKpiKeuzesDocument, {});
  const kpiSelect = $<HTMLSelectElement>('kpi');
  const gemeenteSelect = $<HTMLSelectElement>('kpi-gemeente');
  kpiSelect.replaceChildren(...kpis.map((k, i) => new Option(`${k.module.code} — ${k.naam}`, String(i))));
  const eigen = sessionStorage.getItem('regiohub-gemeente');
  gemeenteSelect.replaceChildren(...gemeenten.map((g) => new Option(g.naam, g.cbsCode, false, g.cbsCode === eigen)));
  const standaard = kpis.findIndex((k) => k.niveau === 'REGIO');
  kpiSelect.value = String(Math.max(standaard, 0));
  const verversen = () => {
    const kpi = kpis[Number(kpiSelect.value)];
    gemeenteSelect.disabled = kpi.niveau !== 'GEMEENTE';
    toonKpi(kpi, gemeenteSelect.value, jaar).catch(toonFout);
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

function toonFout(fout: unknown): void {
  $('melding').textContent = fout instanceof Error ? fout.message : String(fout);
}

async function toon(jaar: number): Promise<void> {
  $('melding').textContent = 'Bezig met laden…';
  await Promise.all([toonKosten(jaar), toonKpiKeuze(jaar), toonCompleetheid(jaar)]);
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
  if (tokenVeld.value) toon(Number(jaarSelect.value)).catch(toonFout);
}

start();
