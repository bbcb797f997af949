import type autocannon from 'autocannon';
import { Decimal } from '../src/core/decimal.js';

export type Doel = 'hub' | 'hub-zonder-cache' | 'baseline' | 'postgraphile';
/** The second hub runs with KOSTEN_CACHE=uit; only the cost overview differs, so only that scenario runs on it. */
export const isHub = (doel: Doel) => doel === 'hub' || doel === 'hub-zonder-cache';
export interface Omvang {
  naam: 'regio' | 'nationaal';
}

interface Verzoek {
  pad: string;
  /** The request for autocannon (with per-connection state where a write needs it). */
  autocannon(): autocannon.Request;
  /** Sends one request outside the load (twice: warm, then counted for SQL statements). */
  enkel(basis: string): Promise<unknown>;
}

export interface Scenario {
  naam: string;
  /** SQL that resets what an earlier run wrote, before each measurement. */
  opruimen?: string;
  verzoek(doel: Doel): Verzoek | null;
  /** Responses that were HTTP 200 but carried errors, per server. */
  fouten(doel: Doel): number;
  /**
   * The figures of a server's answer in one form for all servers (numbers as exact decimals), so that
   * bench.ts can check before measuring that hub, baseline and PostGraphile computed the same thing.
   * Absent for the save, which PostGraphile does not run.
   */
  uitkomst?(doel: Doel, antwoord: unknown): unknown;
}

const graphql = (token: string | null, query: string, variables: Record<string, unknown> = {}) => ({
  method: 'POST' as const,
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify({ query, variables }),
});

function leesFout(tellers: Map<Doel, number>, doel: Doel) {
  return (_status: number, body: string) => {
    if (body.includes('"errors"') || body.includes('"fout"') || body.includes('"conflict"')) tellers.set(doel, (tellers.get(doel) ?? 0) + 1);
  };
}

/** An exact decimal in one notation ("12.50", 12.5 and "12.5" alike); null stays null. */
const getal = (x: unknown): string | null => (x === null || x === undefined ? null : new Decimal(String(x)).toFixed());

/** The `data` of a GraphQL answer; throws on errors, so that a failing server never "agrees". */
function data(antwoord: unknown): Record<string, any> {
  const json = antwoord as { data?: Record<string, any>; errors?: unknown };
  if (json.errors || !json.data) throw new Error(`antwoord met fouten: ${JSON.stringify(json).slice(0, 300)}`);
  return json.data;
}

type Uitkomst = (doel: Doel, antwoord: unknown) => unknown;

function lezend(
  naam: string,
  verzoeken: Partial<Record<Doel, { pad: string; opties: autocannon.Request }>>,
  uitkomst: Uitkomst,
  ookZonderCache = false,
): Scenario {
  const tellers = new Map<Doel, number>();
  return {
    naam,
    uitkomst,
    fouten: (doel) => tellers.get(doel) ?? 0,
    verzoek(doel) {
      const v = doel === 'hub-zonder-cache' ? (ookZonderCache ? verzoeken.hub : undefined) : verzoeken[doel];
      if (!v) return null;
      return {
        pad: v.pad,
        autocannon: () => ({ ...v.opties, onResponse: leesFout(tellers, doel) }),
        enkel: (basis) =>
          fetch(basis + v.pad, {
            method: v.opties.method ?? 'GET',
            headers: v.opties.headers as Record<string, string> | undefined,
            body: v.opties.body as string | undefined,
          }).then(async (r) => `${r.status} ${await r.text()}`),
      };
    },
  };
}

// The answers of the three servers in one form. Per server the shape differs (GraphQL types, PostGraphile
// connections, SQL rows); the figures must not.

/** Cost rows: every cell, per gemeente, per module and the region, sorted; the fields the hub's query asks. */
const dashboardUitkomst: Uitkomst = (doel, antwoord) => {
  type Regel = { soort: string; gemeente: string | null; module: string | null; begroot: unknown; gewijzigd: unknown; gerealiseerd: unknown; inwoners?: unknown; perInwoner?: unknown };
  const regel = (r: Regel) => ({
    soort: r.soort,
    gemeente: r.gemeente,
    module: r.module,
    begroot: getal(r.begroot),
    gewijzigd: getal(r.gewijzigd),
    gerealiseerd: getal(r.gerealiseerd),
    // The hub's query asks no inhabitants for the per-module totals.
    ...(r.soort === 'module' ? {} : { inwoners: getal(r.inwoners), perInwoner: getal(r.perInwoner) }),
  });
  const soort = (alleGemeenten: unknown, alleModules: unknown) =>
    Number(alleGemeenten) ? (Number(alleModules) ? 'regio' : 'module') : Number(alleModules) ? 'gemeente' : 'regel';
  let regels: Regel[];
  if (isHub(doel)) {
    const k = data(antwoord).kostenoverzicht;
    const van = (s: string) => (r: any): Regel => ({ ...r, soort: s, gemeente: r.gemeente?.cbsCode ?? null, module: r.module?.code ?? null });
    regels = [...k.regels.map(van('regel')), ...k.perGemeente.map(van('gemeente')), ...k.perModule.map(van('module')), ...(k.regio ? [van('regio')(k.regio)] : [])];
  } else if (doel === 'baseline') {
    regels = (antwoord as any[]).map((r) => ({
      ...r,
      soort: soort(r.alle_gemeenten, r.alle_modules),
      gemeente: r.cbs_code,
      module: r.module_code,
      perInwoner: r.per_inwoner,
    }));
  } else {
    regels = data(antwoord).kostenoverzicht.nodes.map((r: any) => ({ ...r, soort: soort(r.alleGemeenten, r.alleModules), gemeente: r.cbsCode, module: r.moduleCode }));
  }
  const sleutel = (r: Regel) => `${r.soort} ${r.gemeente ?? ''} ${r.module ?? ''}`;
  return regels.map(regel).sort((a, b) => sleutel(a).localeCompare(sleutel(b)));
};

/** The series in order: quarter, value, norm, verdict. */
const kpiReeksUitkomst: Uitkomst = (doel, antwoord) => {
  const punten: any[] = isHub(doel) ? data(antwoord).kpiReeks : doel === 'baseline' ? (antwoord as any[]) : data(antwoord).kpiReeks.nodes;
  return punten.map((p) => ({ jaar: p.jaar, kwartaal: p.kwartaal, waarde: getal(p.waarde), norm: getal(p.norm), gehaald: p.gehaald ?? null }));
};

/** The page in order (year, phase, amount, gemeente, module) and the total count. */
const bijdragenUitkomst: Uitkomst = (doel, antwoord) => {
  if (doel === 'baseline') {
    const rijen = antwoord as any[];
    return {
      totalCount: rijen.length ? Number(rijen[0].totaal) : 0,
      nodes: rijen.map((r) => ({ jaar: r.jaar, fase: r.fase, bedrag: getal(r.bedrag), gemeente: r.cbs_code, module: r.module })),
    };
  }
  const c = isHub(doel) ? data(antwoord).bijdragen : data(antwoord).bijdragenInJaren;
  return {
    totalCount: c.totalCount,
    nodes: c.nodes.map((b: any) => ({
      jaar: b.jaar,
      fase: b.fase,
      bedrag: getal(b.bedrag),
      gemeente: (isHub(doel) ? b.gemeente : b.gemeenteByGemeenteId).cbsCode,
      module: (isHub(doel) ? b.module : b.moduleByModuleId).code,
    })),
  };
};

/** The four questions of the benchmark, per server, for a dataset size. */
export function scenarios(omvang: Omvang, tokens: { controller: string; manager: string }): Scenario[] {
  const regio = omvang.naam === 'regio';
  const jaar = 2025;
  const kpi = regio ? { module: 'WSP', kpi: 'PLAATSINGEN', gemeente: 'GM0202' } : { module: 'GEN-001', kpi: 'KPI_02', gemeente: 'GM5001' };

  const dashboard = lezend('dashboard: kostenoverzicht van één jaar', {
    hub: {
      pad: '/graphql',
      opties: graphql(
        tokens.controller,
        `query Dashboard($jaar: Int!) { kostenoverzicht(jaar: $jaar, fase: BEGROOT) {
          regels { gemeente { cbsCode } module { code } begroot gewijzigd gerealiseerd inwoners perInwoner }
          perGemeente { gemeente { cbsCode } begroot gewijzigd gerealiseerd inwoners perInwoner }
          perModule { module { code } begroot gewijzigd gerealiseerd }
          regio { begroot gewijzigd gerealiseerd inwoners perInwoner } } }`,
        { jaar },
      ),
    },
    baseline: { pad: `/dashboard?jaar=${jaar}&fase=BEGROOT`, opties: { method: 'GET' } },
    postgraphile: {
      pad: '/graphql',
      opties: graphql(
        null,
        `query Dashboard($jaar: Int!) { kostenoverzicht(jaar: $jaar, fase: "BEGROOT") { nodes {
          jaar gemeenteId moduleId alleGemeenten alleModules begroot gewijzigd gerealiseerd inwoners perInwoner cbsCode moduleCode } } }`,
        { jaar },
      ),
    },
  }, dashboardUitkomst, true);

  const kpiReeks = lezend('KPI-reeks: één gemeente, 40 kwartalen', {
    hub: {
      pad: '/graphql',
      opties: graphql(
        tokens.controller,
        `query Reeks($module: String!, $kpi: String!, $gemeente: CbsCode) { kpiReeks(module: $module, kpi: $kpi, gemeente: $gemeente,
          van: { jaar: 2017, kwartaal: 1 }, tot: { jaar: 2026, kwartaal: 4 }) { jaar kwartaal waarde norm gehaald } }`,
        kpi,
      ),
    },
    baseline: { pad: `/kpi-reeks?module=${kpi.module}&kpi=${kpi.kpi}&gemeente=${kpi.gemeente}&van=2017&tot=2026`, opties: { method: 'GET' } },
    postgraphile: {
      pad: '/graphql',
      opties: graphql(
        null,
        `query Reeks($module: String!, $kpi: String!, $gemeente: String) { kpiReeks(moduleCode: $module, kpiCode: $kpi, cbsCode: $gemeente,
          vanJaar: 2017, totJaar: 2026) { nodes { jaar kwartaal waarde norm gehaald } } }`,
        kpi,
      ),
    },
  }, kpiReeksUitkomst);

  const controller = lezend('controller: bijdragen 2023–2025, op bedrag, eerste 100', {
    hub: {
      pad: '/graphql',
      opties: graphql(
        tokens.controller,
        `query Bijdragen { bijdragen(where: { jaar: { gte: 2023, lte: 2025 } }, orderBy: [{ veld: BEDRAG, richting: DESC }], first: 100) {
          totalCount nodes { jaar fase bedrag gemeente { cbsCode } module { code } } } }`,
      ),
    },
    baseline: { pad: '/bijdragen?van=2023&tot=2025', opties: { method: 'GET' } },
    postgraphile: {
      pad: '/graphql',
      opties: graphql(
        null,
        `query Bijdragen { bijdragenInJaren(van: 2023, tot: 2025, first: 100) {
          totalCount nodes { jaar fase bedrag gemeenteByGemeenteId { cbsCode } moduleByModuleId { code } } } }`,
      ),
    },
  }, bijdragenUitkomst);

  return [dashboard, kpiReeks, controller, opslaan(kpi, tokens.manager)];
}

// Every request in flight writes its own draft report (a year of its own) and carries the revisie
// that report last returned, so that saves are real updates and not conflicts. autocannon resets a
// connection's context after each request, so the drafts live in slots here.
let volgendJaar = 2100;
type Slot = { jaar: number; revisie: number | null; bezet: boolean };
let slots: Slot[] = [];
function neemSlot(): number {
  let i = slots.findIndex((slot) => !slot.bezet);
  if (i < 0) i = slots.push({ jaar: nieuwJaar(), revisie: null, bezet: false }) - 1;
  slots[i].bezet = true;
  return i;
}
const nieuwJaar = () => (volgendJaar >= 2199 ? (volgendJaar = 2100) : volgendJaar++);
/** Drafts of the save scenario live in the years 2100–2199; they are removed before every run. */
export const OPRUIMEN_OPSLAAN = 'delete from kwartaalrapportage where jaar >= 2100';
export function jarenOpnieuw(): void {
  volgendJaar = 2100;
  slots = [];
}

function opslaan(kpi: { module: string; kpi: string; gemeente: string }, token: string): Scenario {
  const tellers = new Map<Doel, number>();
  type Staat = { jaar?: number; revisie?: number | null };
  const hubBody = (staat: Staat, waarde: number) =>
    JSON.stringify({
      query: `mutation Opslaan($invoer: RapportageOpslaanInvoer!) { kwartaalrapportageOpslaan(invoer: $invoer) { revisie } }`,
      variables: { invoer: { module: kpi.module, jaar: staat.jaar, kwartaal: 1, revisie: staat.revisie ?? null, waarden: [{ kpi: kpi.kpi, gemeente: kpi.gemeente, waarde: String(waarde) }] } },
    });
  const baselineBody = (staat: Staat, waarde: number) =>
    JSON.stringify({ module: kpi.module, jaar: staat.jaar, kwartaal: 1, revisie: staat.revisie ?? null, kpi: kpi.kpi, gemeente: kpi.gemeente, waarde: String(waarde) });
  const revisieUit = (doel: Doel, body: string): number | null => {
    try {
      const json = JSON.parse(body);
      return isHub(doel) ? json.data?.kwartaalrapportageOpslaan?.revisie ?? null : json.revisie ?? null;
    } catch {
      return null;
    }
  };
  const maak = (doel: Doel): Verzoek => {
    const pad = isHub(doel) ? '/graphql' : '/opslaan';
    const body = isHub(doel) ? hubBody : baselineBody;
    const headers = { 'content-type': 'application/json', ...(isHub(doel) ? { authorization: `Bearer ${token}` } : {}) };
    // The first single request creates a draft, the next updates it (what the load mostly does).
    const enkelStaat: Staat = { jaar: nieuwJaar(), revisie: null };
    const stuur = async (basis: string, staat: Staat) => {
      const tekst = await (await fetch(basis + pad, { method: 'POST', headers, body: body(staat, 1) })).text();
      staat.revisie = revisieUit(doel, tekst);
      return tekst;
    };
    return {
      pad,
      autocannon: () => ({
        method: 'POST',
        headers,
        setupRequest: (req: autocannon.Request, context: { slot?: number }) => {
          context.slot = neemSlot();
          return { ...req, body: body(slots[context.slot], Math.floor(Math.random() * 1000)) };
        },
        onResponse: (_status: number, antwoord: string, context: { slot?: number }) => {
          const slot = slots[context.slot!];
          const revisie = revisieUit(doel, antwoord);
          if (revisie === null) {
            // Start over on a fresh draft rather than repeat the failure.
            tellers.set(doel, (tellers.get(doel) ?? 0) + 1);
            Object.assign(slot, { jaar: nieuwJaar(), revisie: null });
          } else slot.revisie = revisie;
          slot.bezet = false;
        },
      }) as autocannon.Request,
      enkel: (basis) => stuur(basis, enkelStaat),
    };
  };
  return {
    naam: 'mutatie: concept-kwartaalrapportage opslaan',
    opruimen: OPRUIMEN_OPSLAAN,
    fouten: (doel) => tellers.get(doel) ?? 0,
    verzoek: (doel) => (doel === 'postgraphile' || doel === 'hub-zonder-cache' ? null : maak(doel)),
  };
}
