import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { categorieProbleem, Kant } from '../src/realisatie/categorieen.js';
import { iv3CelProbleem, iv3Vertaling } from '../src/realisatie/iv3-codelijsten.js';
import { Iv3AanleveringDocument, RealisatieDocument, type RealisatieRegelInvoer, RealisatieVastleggenDocument } from './generated/graphql.js';
import { exportCsv, tokenVoor } from './helpers/export-csv.js';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// The codes CBS accepts per boekjaar: statistiekcbs/iv3_definities, iv3_definities_GR_<jaar>.json
// ("Iv3 definitiebestand versie 2.1"). The expectations below are written from those files, not from
// the hub's tables, so that a wrong translation in src/realisatie/iv3-codelijsten.ts shows.

let t: TestHub;
let basis: string;
let controller: string;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
  basis = (await t.listen()).replace('/graphql', '');
  controller = await tokenVoor(t, ALS.controller);
});
afterAll(() => t.close());

const AANLEVERDER = { overheidsnummer: '0000', overheidsnaam: 'MGR (demodata)', contactNaam: 'Controller (demodata)', contactEmail: 'controller@mgr.example.nl' };

async function iv3Json(params: Record<string, unknown>) {
  const { status, tekst } = await exportCsv(basis, 'iv3.json', { ...AANLEVERDER, ...params }, controller);
  return { status, json: JSON.parse(tekst) as Record<string, any> };
}

const cellen = (json: Record<string, any>) => [...json.data.lasten.map((c: any) => ({ ...c, kant: Kant.LASTEN })), ...json.data.baten.map((c: any) => ({ ...c, kant: Kant.BATEN }))];

describe('de iv3-JSON spreekt de codelijsten van CBS van het boekjaar', () => {
  it('de demoregio levert per kwartaal van 2026 alleen taakvelden en categorieën uit de CBS-lijst van 2026', async () => {
    for (const kwartaal of [1, 2, 3]) {
      const { status, json } = await iv3Json({ jaar: 2026, kwartaal });
      expect(status).toBe(200);
      const alle = cellen(json);
      expect(alle.length).toBeGreaterThan(0);
      // The demo modules' BBV codes 6.72d, 6.71d and 6.81a appear as CBS's 2026 codes; the rest unchanged.
      expect(new Set(alle.map((c) => c.taakveld))).toEqual(new Set(['4.3', '6.1', '6.4', '6.5', '6.714', '6.752', '6.811']));
      expect(alle.filter((c) => /[a-z]$/.test(c.taakveld))).toEqual([]);
      expect(alle.map((c) => iv3CelProbleem(c.taakveld, c.categorie, c.kant, 2026)).filter(Boolean)).toEqual([]);
    }
  });

  it('subtaakveldregels krijgen de CBS-code en houden hun bedrag in euro met centen; periode is het kwartaal, 5 het jaar', async () => {
    for (const kwartaal of [2, null]) {
      const { json } = await iv3Json(kwartaal ? { jaar: 2026, kwartaal } : { jaar: 2026 });
      expect(json.metadata.periode).toBe(kwartaal ?? 5);
      // Quarters are cumulative (from 1 January), the year is all four.
      const { data } = await t.execute(RealisatieDocument, { jaar: 2026 }, ALS.controller);
      const totNu = data!.realisatie.filter((r) => kwartaal === null || r.kwartaal <= kwartaal);
      for (const [hub, cbs] of [['6.72d', '6.752'], ['6.71d', '6.714'], ['6.81a', '6.811']]) {
        const hubLasten = totNu.filter((r) => r.taakveld === hub && r.kant === 'LASTEN').reduce((s, r) => s.plus(r.bedrag), new Decimal(0));
        const cbsLasten = json.data.lasten.filter((c: any) => c.taakveld === cbs).reduce((s: Decimal, c: any) => s.plus(String(c.bedrag)), new Decimal(0));
        expect(hubLasten.isPositive(), hub).toBe(true);
        expect(cbsLasten.toFixed(2), `${hub} → ${cbs}`).toBe(hubLasten.toFixed(2));
      }
    }
    const graaf = (await t.execute(Iv3AanleveringDocument, { jaar: 2026, kwartaal: 3 }, ALS.controller)).data!.iv3Aanlevering;
    expect(graaf.regels.map((r) => r.taakveld)).toContain('6.752');
    expect(graaf.regels.map((r) => r.taakveld)).not.toContain('6.72d');
  });

  it('2023 en 2024: de codes van de hub, behalve 6.74 (CBS telt 6.74a–c, de hub 6.74a–b); vanaf 2025 de driecijferige codes', () => {
    expect(iv3Vertaling(2024)).toEqual([['6.74a', '6.74b'], ['6.74b', '6.74c']]);
    expect(iv3CelProbleem('6.72d', '3.8', Kant.LASTEN, 2024)).toBeNull();
    expect(iv3CelProbleem('6.74c', '3.8', Kant.LASTEN, 2023)).toBeNull();
    expect(iv3CelProbleem('6.752', '3.8', Kant.LASTEN, 2024)).toBe('taakveld 6.752 (lasten) staat niet in de CBS-lijst van taakvelden van 2024');
    expect(iv3CelProbleem('6.72d', '3.8', Kant.LASTEN, 2025)).toBe('taakveld 6.72d (lasten) staat niet in de CBS-lijst van taakvelden van 2025');
    const in2025 = new Map(iv3Vertaling(2025));
    expect(['6.71a', '6.71b', '6.71c', '6.71d', '6.81a', '6.81b', '6.82a', '6.82b', '6.6'].map((c) => in2025.get(c))).toEqual(['6.711', '6.712', '6.713', '6.714', '6.811', '6.812', '6.821', '6.822', '6.60']);
  });

  it('de economische categorieën per boekjaar: tot 2024 kapitaaloverdrachten 4.4.1–4.4.9, vanaf 2025 4.4.9, 4.5.x en 4.6.x', () => {
    expect(categorieProbleem('4.4.2', Kant.LASTEN, 2024)).toBeNull();
    expect(categorieProbleem('4.5.2', Kant.BATEN, 2025)).toBeNull();
    expect(categorieProbleem('4.4.9', Kant.BATEN, 2026)).toBeNull();
    expect(categorieProbleem('4.5.2', Kant.LASTEN, 2024)).toBe('categorie 4.5.2 (Investeringsbijdragen - gemeenten) staat alleen vanaf boekjaar 2025 in de Iv3-lijst van lastencategorieën, niet in 2024');
    expect(categorieProbleem('4.4.2', Kant.LASTEN, 2026)).toBe('categorie 4.4.2 (Kapitaaloverdrachten - gemeenten) staat alleen tot en met boekjaar 2024 in de Iv3-lijst van lastencategorieën, niet in 2026');
    expect(iv3CelProbleem('6.1', '4.6.6', Kant.LASTEN, 2023)).toBe('categorie 4.6.6 staat niet in de CBS-lijst van lastencategorieën van 2023 (taakveld 6.1)');
  });

  it('weigert een boekjaar waarvoor de hub de CBS-lijst niet kent, met IV3_CODELIJST', async () => {
    for (const jaar of [2022, 2027]) {
      const { status, json } = await iv3Json({ jaar });
      expect(status).toBe(409);
      expect(json.errors[0]).toMatchObject({ extensions: { code: 'IV3_CODELIJST' } });
      expect(json.errors[0].message).toContain(`alleen voor de boekjaren 2023–2026, niet voor ${jaar}`);
    }
  });

  // Last: it leaves a cell on 6.2 in 2026 behind.
  it('weigert de hele aanlevering als een cel geen CBS-code heeft (6.2 splitst CBS sinds 2025), en noemt elke cel', async () => {
    const regels: RealisatieRegelInvoer[] = [
      { taakveld: '6.2', categorie: '3.8', kant: Kant.LASTEN, bedrag: '100.00' },
      { taakveld: '4.3', categorie: '4.4.2', kant: Kant.LASTEN, bedrag: '1.00' },
    ];
    const geweigerd = await t.execute(RealisatieVastleggenDocument, { invoer: { module: 'RBL', jaar: 2026, kwartaal: 3, regels } }, ALS.beheerder);
    expect(geweigerd.errors?.[0].extensions?.problemen).toEqual([expect.stringContaining('categorie 4.4.2 (Kapitaaloverdrachten - gemeenten) staat alleen tot en met boekjaar 2024')]);
    const { errors } = await t.execute(RealisatieVastleggenDocument, { invoer: { module: 'RBL', jaar: 2026, kwartaal: 3, regels: [regels[0]] } }, ALS.beheerder);
    expect(errors).toBeUndefined();

    const { status, json } = await iv3Json({ jaar: 2026, kwartaal: 3 });
    expect(status).toBe(409);
    const melding = 'taakveld 6.2 (lasten) heeft in de CBS-lijst van 2026 geen eenduidige opvolger: CBS splitst het in 6.21 (Wmo), 6.22 (Jeugd) of 6.23 (Integraal); die keuze kent de hub nog niet';
    expect(json.errors[0]).toMatchObject({ message: `Geen Iv3-aanlevering voor 2026 kwartaal 3: één cel past niet in de codelijsten van CBS voor dat boekjaar. ${melding}.`, extensions: { code: 'IV3_CODELIJST', problemen: [melding] } });
    const csv = await exportCsv(basis, 'iv3.csv', { jaar: 2026, kwartaal: 3 }, controller);
    expect(csv.status).toBe(409);
    const graaf = await t.execute(Iv3AanleveringDocument, { jaar: 2026, kwartaal: 3 }, ALS.controller);
    expect(graaf.errors?.[0].extensions).toMatchObject({ code: 'IV3_CODELIJST', problemen: [melding] });
    // Other quarters still go.
    expect((await iv3Json({ jaar: 2026, kwartaal: 2 })).status).toBe(200);
  });
});
