import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import {
  BijdragenBerekenenDocument,
  InwonertalVastleggenDocument,
  KostenoverzichtDocument,
  KpiReeksDocument,
  KwartaalrapportagesVanModuleDocument,
  RapportageOpslaanDocument,
  RapportageVersiesDocument,
} from './generated/graphql.js';
import { foutcodes, overHttp, type HttpAntwoord } from './helpers/over-http.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { NU } from './helpers/scenario.js';

const WSP_Q3 = { module: 'WSP', jaar: 2026, kwartaal: 3 };
const GEMEENTEN = ['GM0202', 'GM0221', 'GM0226', 'GM1705', 'GM1734', 'GM0274', 'GM0275', 'GM0277', 'GM0289', 'GM0293', 'GM0299'];

let t: TestHub;
let url: string;
const tokens: Record<'manager' | 'controller' | 'beheerder' | 'gemeente' | 'dashboard', string> = {} as never;

beforeAll(async () => {
  // The per-identity rate limit would otherwise turn this load into 429s.
  t = await startTestHub({ now: NU, requestsPerMinuut: 1_000_000 });
  url = await t.listen();
  const em = t.orm.em.fork();
  tokens.manager = (await maakApiToken(em, { naam: 'manager WSP', rol: Rol.MODULEMANAGER, modules: ['WSP'] }, 'test')).geheim;
  tokens.controller = (await maakApiToken(em, { naam: 'controller', rol: Rol.CONTROLLER }, 'test')).geheim;
  tokens.beheerder = (await maakApiToken(em, { naam: 'beheerder', rol: Rol.BEHEERDER }, 'test')).geheim;
  tokens.gemeente = (await maakApiToken(em, { naam: 'Arnhem', rol: Rol.GEMEENTE, gemeente: 'GM0202' }, 'test')).geheim;
  tokens.dashboard = (await maakApiToken(em, { naam: 'dashboard', rol: Rol.DASHBOARD }, 'test')).geheim;
});
afterAll(() => t.close());

/** Statistics PostgreSQL keeps for the test database: deadlocks ever detected. */
async function deadlocks(): Promise<number> {
  const [rij] = await t.sql<{ deadlocks: string }>('select deadlocks from pg_stat_database where datname = current_database()');
  return Number(rij.deadlocks);
}

describe('gelijktijdig opslaan van dezelfde rapportage', () => {
  it('50 keer tegelijk op dezelfde revisie: precies één slaagt, de rest krijgt CONFLICT, opgeslagen zijn precies de waarden van de winnaar', async () => {
    const voor = (await overHttp(url, tokens.controller, RapportageVersiesDocument, WSP_Q3)).data!.kwartaalrapportages.nodes.at(-1)!;
    const pogingen = Array.from({ length: 50 }, (_, i) => ({
      ...WSP_Q3,
      revisie: voor.revisie,
      waarden: [
        { kpi: 'WERKGEVERSCONTACTEN', gemeente: null as string | null, waarde: String(2000 + i), toelichting: `poging ${i}` },
        ...GEMEENTEN.map((gemeente, g) => ({ kpi: 'PLAATSINGEN', gemeente, waarde: String(i * 100 + g), toelichting: `poging ${i}` })),
      ],
    }));

    const antwoorden = await Promise.all(pogingen.map((invoer) => overHttp(url, tokens.manager, RapportageOpslaanDocument, { invoer })));

    expect(antwoorden.map((a) => a.status)).toEqual(antwoorden.map(() => 200));
    const geslaagd = antwoorden.flatMap((a, i) => (a.errors ? [] : [i]));
    expect(geslaagd).toHaveLength(1);
    const verloren = antwoorden.filter((a) => a.errors);
    expect(verloren.map(foutcodes)).toEqual(verloren.map(() => ['CONFLICT']));
    expect(verloren[0].errors![0].message).toMatch(/intussen gewijzigd/);

    const winnaar = pogingen[geslaagd[0]];
    const na = (await overHttp(url, tokens.controller, RapportageVersiesDocument, WSP_Q3)).data!.kwartaalrapportages.nodes.at(-1)!;
    expect(na.revisie).toBe(voor.revisie + 1);
    const opgeslagen = new Map(na.waarden.map((w) => [`${w.kpi.code}/${w.gemeente?.cbsCode ?? ''}`, w.waarde]));
    for (const w of winnaar.waarden) expect(opgeslagen.get(`${w.kpi}/${w.gemeente ?? ''}`)).toBe(w.waarde);

    // One audit entry, for the winner only.
    const [{ aantal }] = await t.orm.em
      .getConnection()
      .execute<Array<{ aantal: string }>>(`select count(*) aantal from audit_log where actie = 'KWARTAALRAPPORTAGE_OPGESLAGEN' and na->>'revisie' = ?`, [String(na.revisie)]);
    expect(Number(aantal)).toBe(1);
  });

  it('50 keer tegelijk een nieuwe rapportage (zonder revisie): één wordt aangemaakt, de rest krijgt CONFLICT', async () => {
    const nieuw = { module: 'WSP', jaar: 2026, kwartaal: 4 };
    const antwoorden = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        overHttp(url, tokens.manager, RapportageOpslaanDocument, { invoer: { ...nieuw, waarden: [{ kpi: 'WERKGEVERSCONTACTEN', waarde: String(i) }] } }),
      ),
    );
    const geslaagd = antwoorden.filter((a) => !a.errors);
    expect(geslaagd).toHaveLength(1);
    expect(antwoorden.filter((a) => a.errors).map(foutcodes)).toEqual(Array.from({ length: 49 }, () => ['CONFLICT']));
    const versies = (await overHttp(url, tokens.controller, RapportageVersiesDocument, nieuw)).data!.kwartaalrapportages.nodes;
    expect(versies).toHaveLength(1);
    expect(versies[0].waarden.map((w) => w.waarde)).toEqual([geslaagd[0].data!.kwartaalrapportageOpslaan.waarden[0].waarde]);
  });
});

describe('belasting: 200 gelijktijdige clients, 10 seconden lezen en schrijven door elkaar', () => {
  it('geen 5xx, geen deadlock, geen uitgeputte pool; elke fout is een verwachte conflictmelding en de revisies kloppen', async () => {
    const deadlocksVoor = await deadlocks();
    const einde = Date.now() + 10_000;
    const uitkomsten = new Map<string, number>();
    const onverwacht: Array<{ soort: string; antwoord: HttpAntwoord }> = [];
    const opgeslagen = new Map<string, number>();
    const tel = (soort: string, antwoord: HttpAntwoord, toegestaan: string[] = []) => {
      const codes = foutcodes(antwoord);
      const sleutel = `${soort} ${antwoord.status} ${codes.join(',') || 'ok'}`;
      uitkomsten.set(sleutel, (uitkomsten.get(sleutel) ?? 0) + 1);
      if (antwoord.status !== 200 || codes.some((c) => !toegestaan.includes(c!))) onverwacht.push({ soort, antwoord });
    };
    const rapportages = [WSP_Q3, { module: 'WSP', jaar: 2026, kwartaal: 2 }, { module: 'WSP', jaar: 2027, kwartaal: 1 }];

    // Each client repeats one kind of work; the mix is mostly reads, as in real use.
    const soorten: Array<() => Promise<void>> = [
      async () => tel('dashboard', await overHttp(url, tokens.dashboard, KostenoverzichtDocument, { jaar: 2024 + Math.floor(Math.random() * 3) })),
      async () => tel('gemeente', await overHttp(url, tokens.gemeente, KostenoverzichtDocument, { jaar: 2025, gemeenten: ['GM0202'] })),
      async () =>
        tel('kpi-reeks', await overHttp(url, tokens.controller, KpiReeksDocument, { module: 'WSP', kpi: 'PLAATSINGEN', gemeente: 'GM0202', van: { jaar: 2024, kwartaal: 1 }, tot: { jaar: 2026, kwartaal: 4 } })),
      async () => tel('rapportages', await overHttp(url, tokens.controller, KwartaalrapportagesVanModuleDocument, WSP_Q3)),
      async () => {
        // Read-modify-write as a module manager's screen does: read the revision, then save on it.
        const sleutel = rapportages[Math.floor(Math.random() * rapportages.length)];
        const gelezen = await overHttp(url, tokens.manager, RapportageVersiesDocument, sleutel);
        tel('rapportage lezen', gelezen);
        const huidig = gelezen.data?.kwartaalrapportages.nodes.at(-1);
        if (huidig && huidig.status !== 'CONCEPT') return;
        const antwoord = await overHttp(url, tokens.manager, RapportageOpslaanDocument, {
          invoer: { ...sleutel, revisie: huidig?.revisie, waarden: [{ kpi: 'WERKGEVERSCONTACTEN', waarde: String(Math.floor(Math.random() * 5000)) }] },
        });
        tel('rapportage opslaan', antwoord, ['CONFLICT']);
        if (!antwoord.errors) opgeslagen.set(JSON.stringify(sleutel), (opgeslagen.get(JSON.stringify(sleutel)) ?? 0) + 1);
      },
      async () => {
        const gemeente = GEMEENTEN[Math.floor(Math.random() * GEMEENTEN.length)];
        const antwoord = await overHttp(url, tokens.beheerder, InwonertalVastleggenDocument, {
          invoer: { gemeente, jaar: 2027, aantal: 10_000 + Math.floor(Math.random() * 1000), bron: 'belastingtest' },
        });
        // Two first recordings of the same gemeente and year at once: one of them meets the unique key.
        tel('inwonertal', antwoord, ['CONFLICT']);
      },
      async () => tel('bijdragen berekenen', await overHttp(url, tokens.controller, BijdragenBerekenenDocument, { module: 'WSP', jaar: 2026, soort: 'PRIMITIEF' })),
    ];
    const gewicht = [60, 40, 30, 30, 20, 10, 10];
    const client = async (nummer: number) => {
      let grens = nummer % gewicht.reduce((a, b) => a + b);
      const soort = soorten[gewicht.findIndex((g) => (grens -= g) < 0)];
      while (Date.now() < einde) await soort();
    };
    const revisiesVoor = await Promise.all(rapportages.map(async (r) => (await overHttp(url, tokens.controller, RapportageVersiesDocument, r)).data!.kwartaalrapportages.nodes.at(-1)?.revisie ?? 0));

    await Promise.all(Array.from({ length: 200 }, (_, i) => client(i)));

    const totaal = [...uitkomsten.values()].reduce((a, b) => a + b, 0);
    console.log(`belasting: ${totaal} verzoeken in 10 s`, Object.fromEntries([...uitkomsten].sort()));
    expect(onverwacht.slice(0, 5)).toEqual([]);
    expect(totaal).toBeGreaterThan(200);
    expect([...uitkomsten.keys()].some((k) => k.startsWith('rapportage opslaan 200 ok'))).toBe(true);
    expect(await deadlocks()).toBe(deadlocksVoor);

    // Every successful save raised the revision by exactly one (a new report starts at 1): no lost or double update.
    for (const [i, sleutel] of rapportages.entries()) {
      const na = (await overHttp(url, tokens.controller, RapportageVersiesDocument, sleutel)).data!.kwartaalrapportages.nodes.at(-1)?.revisie ?? 0;
      expect(na - revisiesVoor[i]).toBe(opgeslagen.get(JSON.stringify(sleutel)) ?? 0);
    }
    // Afterwards the hub answers at once: the pool is not left exhausted.
    const daarna = await overHttp(url, tokens.dashboard, KostenoverzichtDocument, { jaar: 2025 });
    expect(daarna.errors).toBeUndefined();
  }, 60_000);
});
