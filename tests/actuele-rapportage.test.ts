import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rol, type Identity } from '../src/auth/identity.js';
import { Decimal } from '../src/core/decimal.js';
import { KpiReeksDocument, KpiTotalenDocument, KpiWaardenGefilterdDocument, RapportageCorrigerenDocument } from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// Which report version counts is decided in SQL (the view actuele_rapportage). This test recomputes
// it the long way, as the hub did before: fetch every version, keep those the role may see, take the
// highest version per module and quarter, then the values the role may see in it. Every role's
// totals and lists must match that, value for value.

interface Rij {
  id: number;
  kpi: string;
  module: string;
  hoofdmodule: string | null;
  module_id: number;
  jaar: number;
  kwartaal: number;
  versie: number;
  status: string;
  gemeente: string | null;
  rapportage_id: number;
  waarde: string;
}

interface KpiRij {
  code: string;
  module: string;
  niveau: 'GEMEENTE' | 'REGIO';
}

let t: TestHub;
let rijen: Rij[];
let kpis: KpiRij[];
beforeAll(async () => {
  t = await startTestHub();
  // A correction of WSP's latest approved report: a newer version in CONCEPT, so the latest version of
  // that quarter (controllers, managers) is not the latest approved one (gemeenten, dashboards).
  const [goedgekeurd] = await t.sql<{ jaar: number; kwartaal: number; revisie: number }>(
    `select r.jaar, r.kwartaal, r.revisie from kwartaalrapportage r join module m on m.id = r.module_id
     where m.code = 'WSP' and r.status = 'GOEDGEKEURD' order by r.jaar desc, r.kwartaal desc limit 1`,
  );
  const correctie = await t.execute(
    RapportageCorrigerenDocument,
    { rapportage: { module: 'WSP', jaar: goedgekeurd.jaar, kwartaal: goedgekeurd.kwartaal, revisie: goedgekeurd.revisie, reden: 'Correctie voor de test van actuele versies.' } },
    ALS.modulemanagerWsp,
  );
  expect(correctie.errors).toBeUndefined();
  rijen = await t.sql<Rij>(
    `select w.id, k.code as kpi, m.code as module, hm.code as hoofdmodule, r.module_id, r.jaar, r.kwartaal, r.versie, r.status,
            g.cbs_code as gemeente, r.id as rapportage_id, w.waarde::text as waarde
     from kpi_waarde w
     join kpi k on k.id = w.kpi_id
     join kwartaalrapportage r on r.id = w.rapportage_id
     join module m on m.id = r.module_id
     left join module hm on hm.id = m.hoofdmodule_id
     left join gemeente g on g.id = w.gemeente_id`,
  );
  kpis = await t.sql<KpiRij>(
    `select k.code, m.code as module, k.niveau from kpi k join module m on m.id = k.module_id
     where exists (select 1 from kpi_waarde w where w.kpi_id = k.id) order by m.code, k.code`,
  );
});
afterAll(() => t.close());

function verwacht(identity: Identity): Rij[] {
  const zietRapportage = (r: Rij) => {
    if (identity.rol === Rol.BEHEERDER || identity.rol === Rol.CONTROLLER) return true;
    if (identity.rol === Rol.MODULEMANAGER) return identity.modules.includes(r.module) || (r.hoofdmodule !== null && identity.modules.includes(r.hoofdmodule));
    return r.status === 'GOEDGEKEURD';
  };
  const zietWaarde = (r: Rij) => {
    if (identity.rol === Rol.GEMEENTE || (identity.rol === Rol.DASHBOARD && identity.gemeente)) return r.gemeente === null || r.gemeente === identity.gemeente;
    if (identity.rol === Rol.DASHBOARD) return r.gemeente === null;
    return true;
  };
  const hoogste = new Map<string, number>();
  for (const r of rijen.filter(zietRapportage)) {
    const sleutel = `${r.module_id}/${r.jaar}/${r.kwartaal}`;
    hoogste.set(sleutel, Math.max(hoogste.get(sleutel) ?? 0, r.versie));
  }
  return rijen.filter((r) => zietRapportage(r) && zietWaarde(r) && hoogste.get(`${r.module_id}/${r.jaar}/${r.kwartaal}`) === r.versie);
}

const ROLLEN = Object.entries(ALS);

describe('de actuele rapportageversie per rol', () => {
  it('heeft in het scenario kwartalen waar de laatste versie niet de laatste goedgekeurde is', () => {
    // Without such quarters, the two definitions (any status / approved only) could not differ.
    const perKwartaal = new Map<string, Rij[]>();
    for (const r of rijen) {
      const sleutel = `${r.module_id}/${r.jaar}/${r.kwartaal}`;
      perKwartaal.set(sleutel, [...(perKwartaal.get(sleutel) ?? []), r]);
    }
    const verschillend = [...perKwartaal.values()].filter((rs) => {
      const laatste = Math.max(...rs.map((r) => r.versie));
      return rs.some((r) => r.versie === laatste && r.status !== 'GOEDGEKEURD') && rs.some((r) => r.status === 'GOEDGEKEURD');
    });
    expect(verschillend.length).toBeGreaterThan(0);
  });

  it.each(ROLLEN)('telt voor %s dezelfde KPI-waarden per KPI, module en kwartaal als de lange weg', async (_naam, identity) => {
    const { data, errors } = await t.execute(KpiTotalenDocument, { groupBy: ['KPI', 'MODULE', 'JAAR', 'KWARTAAL'] as never }, identity);
    expect(errors).toBeUndefined();
    const gekregen = Object.fromEntries(data!.kpiTotalen.map((g) => [`${g.kpi?.code}/${g.module?.code}/${g.jaar}/${g.kwartaal}`, g.aantal]));
    const verwachtPerGroep: Record<string, number> = {};
    for (const r of verwacht(identity)) {
      const sleutel = `${r.kpi}/${r.module}/${r.jaar}/${r.kwartaal}`;
      verwachtPerGroep[sleutel] = (verwachtPerGroep[sleutel] ?? 0) + 1;
    }
    expect(gekregen).toEqual(verwachtPerGroep);
  });

  it.each(ROLLEN)('geeft voor %s in kpiWaarden precies die waarden', async (_naam, identity) => {
    const { data, errors } = await t.execute(KpiWaardenGefilterdDocument, { alleenActueel: true, first: 500 }, identity);
    expect(errors).toBeUndefined();
    const lijst = verwacht(identity);
    expect(data!.kpiWaarden.totalCount).toBe(lijst.length);
  });

  // Every KPI with values, per gemeente KPI for Arnhem (the dashboard without a gemeente may not ask
  // for one), over every year with values: each value in the series must be the one the long way keeps.
  it.each(ROLLEN)('geeft voor %s in kpiReeks per kwartaal precies die waarden', async (_naam, identity) => {
    const lijst = verwacht(identity);
    const jaren = rijen.map((r) => r.jaar);
    const van = { jaar: Math.min(...jaren), kwartaal: 1 };
    const tot = { jaar: Math.max(...jaren), kwartaal: 4 };
    const magGemeente = !(identity.rol === Rol.DASHBOARD && !identity.gemeente);
    const punt = (jaar: number, kwartaal: number, versie: number, status: string, waarde: string) =>
      `${jaar}/${kwartaal} v${versie} ${status} ${new Decimal(waarde).toFixed()}`;
    let vergeleken = 0;
    for (const kpi of kpis) {
      const gemeente = kpi.niveau === 'GEMEENTE' ? (identity.gemeente ?? 'GM0202') : null;
      const { data, errors } = await t.execute(KpiReeksDocument, { module: kpi.module, kpi: kpi.code, gemeente, van, tot }, identity);
      if (gemeente && !magGemeente) {
        expect(errors![0].extensions!.code).toBe('FORBIDDEN');
        continue;
      }
      expect(errors).toBeUndefined();
      const gekregen = data!.kpiReeks.filter((p) => p.waarde !== null).map((p) => punt(p.jaar, p.kwartaal, p.versie!, p.status!, p.waarde!));
      const verwachtePunten = lijst
        .filter((r) => r.kpi === kpi.code && r.module === kpi.module && r.gemeente === gemeente)
        .sort((a, b) => a.jaar - b.jaar || a.kwartaal - b.kwartaal)
        .map((r) => punt(r.jaar, r.kwartaal, r.versie, r.status, r.waarde));
      expect(gekregen, `${kpi.module}/${kpi.code}`).toEqual(verwachtePunten);
      vergeleken += verwachtePunten.length;
    }
    expect(vergeleken).toBeGreaterThan(0);
  });
});
