import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { BegrotingMetRamingDocument, KostenReeksMetRamingDocument, MeerjarenramingDocument, VerdeelsleutelVastleggenDocument } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { dataStatements, startTestHub, type TestHub } from './helpers/test-hub.js';

// The meerjarenraming (t+1 … t+3) a budget version carries, and the contributions per gemeente computed
// from it: split like bijdragenBerekenen, exact to the cent.

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

const som = (bedragen: string[]) => bedragen.reduce((s, b) => s.plus(b), new Decimal(0)).toFixed(2);

describe('meerjarenraming', () => {
  it('geeft per module de jaren t+1 … t+3 van de laatste versie, met bijdragen die precies optellen tot de netto lasten', async () => {
    const { data, errors } = await t.execute(MeerjarenramingDocument, { jaar: 2026 }, ALS.controller);
    expect(errors).toBeUndefined();
    const raming = data!.meerjarenraming;
    expect(raming.begrotingsjaar).toBe(2026);
    const versies = await t.sql<{ n: number }>(`select count(distinct module_id)::int as n from begroting where jaar = 2026`);
    expect(raming.modules).toHaveLength(versies[0].n);
    for (const m of raming.modules) {
      // The latest version of 2026 is the first amendment (adopted 2026-07-02).
      expect(m.begroting).toMatchObject({ jaar: 2026, soort: 'WIJZIGING', volgnummer: 1 });
      expect(m.jaren.map((j) => j.jaar)).toEqual([2027, 2028, 2029]);
      for (const j of m.jaren) {
        expect(new Decimal(j.lasten).minus(j.baten).toFixed(2)).toBe(j.nettoLasten);
        expect(j.sleuteljaar).toBe(2026);
        expect(j.bijdragen.length).toBeGreaterThan(0);
        expect(som(j.bijdragen.map((b) => b.bedrag))).toBe(j.nettoLasten);
        // Largest remainder: every contribution is within a cent of its exact share.
        for (const b of j.bijdragen) expect(new Decimal(j.nettoLasten).times(b.aandeel).minus(b.bedrag).abs().lte('0.01')).toBe(true);
      }
    }
    // The stored raming is what the version carries (one definition: the split starts from these rows).
    const wgsw = raming.modules.find((m) => m.module.code === 'WGSW')!;
    const opgeslagen = await t.sql<{ jaar: number; netto: string }>(
      `select r.jaar, (r.lasten - r.baten)::text as netto from begroting_raming r where r.begroting_id = ? order by r.jaar`,
      [Number(wgsw.begroting.id)],
    );
    expect(opgeslagen.map((r) => r.netto)).toEqual(wgsw.jaren.map((j) => j.nettoLasten));
    // Per gemeente and year: the sum over the modules.
    for (const totaal of raming.perGemeente) {
      const delen = raming.modules.flatMap((m) => m.jaren.filter((j) => j.jaar === totaal.jaar).flatMap((j) => j.bijdragen.filter((b) => b.gemeente.cbsCode === totaal.gemeente.cbsCode)));
      expect(som(delen.map((b) => b.bedrag))).toBe(totaal.bedrag);
    }
    const regio2027 = som(raming.perGemeente.filter((g) => g.jaar === 2027).map((g) => g.bedrag));
    expect(regio2027).toBe(som(raming.modules.map((m) => m.jaren.find((j) => j.jaar === 2027)!.nettoLasten)));
  });

  it('kostenoverzichtReeks toont de raming-jaren apart: geraamd per gemeente × module zoals meerjarenraming het verdeelt, met dezelfde totalen', async () => {
    const van = 2025;
    const tot = 2029;
    // What meerjarenraming gives for every begrotingsjaar that can raam a year of the series.
    const ramingen = new Map<number, Awaited<ReturnType<typeof raming>>>();
    async function raming(jaar: number) {
      const { data, errors } = await t.execute(MeerjarenramingDocument, { jaar }, ALS.controller);
      expect(errors).toBeUndefined();
      return data!.meerjarenraming;
    }
    for (let jaar = van - 3; jaar < tot; jaar++) ramingen.set(jaar, await raming(jaar));
    // Per module and year: the most recent begrotingsjaar whose raming has that year.
    const verwacht = new Map<string, { bron: number; netto: string; bijdragen: Map<string, string> }>();
    for (const [bron, r] of [...ramingen].sort((a, b) => a[0] - b[0])) {
      for (const m of r.modules) {
        for (const j of m.jaren) {
          if (j.jaar < van || j.jaar > tot) continue;
          verwacht.set(`${m.module.code}|${j.jaar}`, { bron, netto: j.nettoLasten, bijdragen: new Map(j.bijdragen.map((b) => [b.gemeente.cbsCode, b.bedrag])) });
        }
      }
    }
    expect([...verwacht.keys()].some((k) => k.endsWith('|2029'))).toBe(true);

    t.statements.length = 0;
    const { data, errors } = await t.execute(KostenReeksMetRamingDocument, { van, tot }, ALS.controller);
    expect(errors).toBeUndefined();
    // One statement for the matrix and three for the ramingen, whatever the number of years and rows.
    expect(dataStatements(t.statements).length).toBeLessThanOrEqual(5);
    const reeks = data!.kostenoverzichtReeks;
    expect(reeks.map((o) => o.jaar)).toEqual([2025, 2026, 2027, 2028, 2029]);
    const begrotingsjaren = await t.sql<{ jaar: number }>(`select distinct jaar from begroting where soort in ('PRIMITIEF', 'WIJZIGING') order by jaar`);
    const laatsteBegroting = Math.max(...begrotingsjaren.map((b) => b.jaar));
    for (const o of reeks) {
      // A year after the last adopted budget has only geraamde figures, and says so.
      expect(o.alleenRaming).toBe(o.jaar > laatsteBegroting);
      if (o.alleenRaming) expect([o.regio!.begroot, o.regio!.naWijziging, o.regio!.bedrag]).toEqual([null, null, null]);
      const vanJaar = [...verwacht].filter(([k]) => k.endsWith(`|${o.jaar}`));
      for (const r of o.regels) {
        const v = verwacht.get(`${r.module!.code}|${o.jaar}`);
        expect(r.geraamd).toBe(v?.bijdragen.get(r.gemeente!.cbsCode) ?? null);
        expect(r.ramingUit).toBe(v && v.bijdragen.has(r.gemeente!.cbsCode) ? v.bron : null);
      }
      // Every geraamde contribution is in the matrix (none is lost), and the totals are exact sums.
      const inMatrix = o.regels.filter((r) => r.geraamd !== null).length;
      expect(inMatrix).toBe(vanJaar.reduce((n, [, v]) => n + v.bijdragen.size, 0));
      for (const m of o.perModule) {
        const v = verwacht.get(`${m.module!.code}|${o.jaar}`);
        expect(m.geraamd).toBe(v ? v.netto : null);
      }
      const regio = vanJaar.length ? som(vanJaar.map(([, v]) => v.netto)) : null;
      expect(o.regio?.geraamd ?? null).toBe(regio);
      for (const g of o.perGemeente) {
        const delen = o.regels.filter((r) => r.gemeente!.cbsCode === g.gemeente!.cbsCode && r.geraamd !== null).map((r) => r.geraamd!);
        expect(g.geraamd).toBe(delen.length ? som(delen) : null);
        if (g.geraamd !== null && g.inwoners) expect(g.geraamdPerInwoner).toBe(new Decimal(g.geraamd).dividedBy(g.inwoners).toDecimalPlaces(2).toFixed(2));
      }
    }
    // The 2028 figure comes from the most recent begrotingsjaar that raams 2028.
    const wgsw2028 = reeks.find((o) => o.jaar === 2028)!.perModule.find((m) => m.module!.code === 'WGSW')!;
    expect(wgsw2028.ramingUit).toBe(verwacht.get('WGSW|2028')!.bron);
    expect(wgsw2028.ramingUit).toBe(Math.max(...[...ramingen].filter(([, r]) => r.modules.some((m) => m.module.code === 'WGSW' && m.jaren.some((j) => j.jaar === 2028))).map(([b]) => b)));

    // The filters of the overview hold for the geraamde figures too.
    const gemeente = reeks.find((o) => o.jaar === 2029)!.perGemeente[0];
    const gefilterd = (await t.execute(KostenReeksMetRamingDocument, { van: 2029, tot: 2029, gemeenten: [gemeente.gemeente!.cbsCode] }, ALS.controller)).data!.kostenoverzichtReeks[0];
    expect(gefilterd.perGemeente.map((g) => [g.gemeente!.cbsCode, g.geraamd])).toEqual([[gemeente.gemeente!.cbsCode, gemeente.geraamd]]);
    expect(gefilterd.regio!.geraamd).toBe(gemeente.geraamd);
    const module = await t.sql<{ taakveld: string }>(`select taakveld from module where code = 'WGSW'`);
    const opTaakveld = (await t.execute(KostenReeksMetRamingDocument, { van: 2029, tot: 2029, taakvelden: [module[0].taakveld] }, ALS.controller)).data!.kostenoverzichtReeks[0];
    expect(opTaakveld.perModule.find((m) => m.module!.code === 'WGSW')?.geraamd).toBe(verwacht.get('WGSW|2029')!.netto);
    const anderTaakveld = (await t.execute(KostenReeksMetRamingDocument, { van: 2029, tot: 2029, taakvelden: ['0.1'] }, ALS.controller)).data!.kostenoverzichtReeks[0];
    expect(anderTaakveld.regio).toBeNull();
  });

  it('een nieuwe versie met raming wordt de bron; de sleutel van het raming-jaar gaat voor zodra die er is; een verkeerde raming schrijft niets', async () => {
    const invoer = (meerjarenraming: Array<{ jaar: number; lasten: string; baten: string }>) => ({
      invoer: { module: 'RBL', jaar: 2026, soort: 'WIJZIGING' as const, lasten: '4500000.00', baten: '1150000.00', vastgesteldOp: '2026-11-20', omschrijving: 'Tweede wijziging 2026 RBL met raming', meerjarenraming },
    });
    const voor = await t.sql('select count(*)::int as n from begroting');
    const fout = await t.execute(BegrotingMetRamingDocument, invoer([{ jaar: 2027, lasten: '1.00', baten: '0.00' }, { jaar: 2028, lasten: '1.00', baten: '0.00' }]), ALS.beheerder);
    expect(fout.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fout.errors?.[0].message).toBe('Ongeldige meerjarenraming: de meerjarenraming bij de begroting 2026 gaat over de jaren 2027, 2028, 2029, elk precies één keer (nu: 2027, 2028).');
    expect(await t.sql('select count(*)::int as n from begroting')).toEqual(voor);

    const raming = [
      { jaar: 2029, lasten: '4800000.00', baten: '1200000.00' },
      { jaar: 2027, lasten: '4600000.00', baten: '1160000.00' },
      { jaar: 2028, lasten: '4700000.00', baten: '1180000.01' },
    ];
    const { data, errors } = await t.execute(BegrotingMetRamingDocument, invoer(raming), ALS.beheerder);
    expect(errors).toBeUndefined();
    expect(data!.begrotingVastleggen.meerjarenraming).toEqual([
      { jaar: 2027, lasten: '4600000.00', baten: '1160000.00', nettoLasten: '3440000.00' },
      { jaar: 2028, lasten: '4700000.00', baten: '1180000.01', nettoLasten: '3519999.99' },
      { jaar: 2029, lasten: '4800000.00', baten: '1200000.00', nettoLasten: '3600000.00' },
    ]);

    // The bureau records the 2027 key: 2027 is split by it, 2028 and 2029 by the latest before them (2027).
    const sleutel = await t.sql<{ cbs_code: string; eenheden: string }>(
      `select g.cbs_code, e.eenheden::text as eenheden from verdeelsleutel s join module m on m.id = s.module_id
       join verdeelsleutel_eenheid e on e.verdeelsleutel_id = s.id join gemeente g on g.id = e.gemeente_id where m.code = 'RBL' and s.jaar = 2026`,
    );
    const eenheden = sleutel.map((e, i) => ({ gemeente: e.cbs_code, eenheden: i === 0 ? '0' : e.eenheden, bron: 'DUO 1 oktober 2026' }));
    const vast = await t.execute(VerdeelsleutelVastleggenDocument, { invoer: { module: 'RBL', jaar: 2027, grondslag: 'LEERLINGEN', omschrijving: 'Leerlingen 2027', eenheden } }, ALS.beheerder);
    expect(vast.errors).toBeUndefined();

    const rbl = (await t.execute(MeerjarenramingDocument, { jaar: 2026, modules: ['RBL'] }, ALS.gemeenteArnhem)).data!.meerjarenraming.modules[0];
    expect(rbl.begroting).toMatchObject({ soort: 'WIJZIGING', volgnummer: 2 });
    expect(rbl.jaren.map((j) => [j.jaar, j.nettoLasten, j.sleuteljaar])).toEqual([
      [2027, '3440000.00', 2027],
      [2028, '3519999.99', 2027],
      [2029, '3600000.00', 2027],
    ]);
    // The gemeente with zero units in the 2027 key weighs nothing and is left out.
    expect(rbl.jaren[0].bijdragen.map((b) => b.gemeente.cbsCode)).not.toContain(sleutel[0].cbs_code);
    expect(som(rbl.jaren[1].bijdragen.map((b) => b.bedrag))).toBe('3519999.99');
  });
});
