import type autocannon from 'autocannon';

export type Doel = 'hub' | 'hub-zonder-cache' | 'baseline' | 'postgraphile';
/** The second hub runs with KOSTEN_CACHE=uit; only the cost overview differs, so only that scenario runs on it. */
export const isHub = (doel: Doel) => doel === 'hub' || doel === 'hub-zonder-cache';
export interface Omvang {
  naam: 'regio' | 'nationaal';
}
export interface Ids {
  kpiId: number;
  gemeenteId: number;
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

function lezend(naam: string, verzoeken: Partial<Record<Doel, { pad: string; opties: autocannon.Request }>>, ookZonderCache = false): Scenario {
  const tellers = new Map<Doel, number>();
  return {
    naam,
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

/** The four questions of the benchmark, per server, for a dataset size. */
export function scenarios(omvang: Omvang, tokens: { controller: string; manager: string }, ids: Ids): Scenario[] {
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
    baseline: { pad: `/dashboard?jaar=${jaar}`, opties: { method: 'GET' } },
    postgraphile: {
      pad: '/graphql',
      opties: graphql(
        null,
        `query Dashboard($jaar: Int!) { kostenoverzicht(jaar: $jaar) { nodes {
          jaar gemeenteId moduleId alleGemeenten alleModules begroot gewijzigd gerealiseerd inwoners cbsCode moduleCode } } }`,
        { jaar },
      ),
    },
  }, true);

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
        `query Reeks($kpiId: Int!, $gemeenteId: Int!) { allKpiWaardes(condition: { kpiId: $kpiId, gemeenteId: $gemeenteId }) {
          nodes { waarde kwartaalrapportageByRapportageId { jaar kwartaal versie } } } }`,
        { ...ids },
      ),
    },
  });

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
  });

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
