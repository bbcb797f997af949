import type { Context } from '../context.js';
import { kwartaalrapportageLezen } from './kwartaalrapportage.types.js';
import { kwartaalPeriode } from './rapportage-validatie.service.js';
import { RapportageStand } from './compleetheid.types.js';

const DAG = 86_400_000;
const datum = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Per module with KPIs and per quarter of the year: the status of the current version, the due date
 * (the quarter's end plus the configured number of days) and whether it is late. Two statements.
 */
export async function rapportageCompleetheid(ctx: Context, jaar: number): Promise<RapportageStand[]> {
  const [modules, rapportages] = await Promise.all([
    ctx.em.getConnection().execute<{ module_id: number }[]>('select distinct module_id from kpi order by module_id'),
    kwartaalrapportageLezen.find(ctx.em, { jaar }, { orderBy: { versie: 'desc' } }),
  ]);
  const moduleIds = modules.map((m) => m.module_id);
  const nu = ctx.now();
  const standen: RapportageStand[] = [];
  for (const moduleId of moduleIds) {
    for (const kwartaal of [1, 2, 3, 4]) {
      const actueel = rapportages.find((r) => r.moduleId === moduleId && r.kwartaal === kwartaal);
      const eersteIndiening = rapportages
        .filter((r) => r.moduleId === moduleId && r.kwartaal === kwartaal && r.ingediendOp)
        .map((r) => Date.parse(r.ingediendOp!))
        .sort((a, b) => a - b)[0];
      const einde = new Date(`${kwartaalPeriode(jaar, kwartaal).einde}T00:00:00Z`);
      // Due at the end of the last day: einde (first day after the quarter) + termijn days.
      const deadline = new Date(einde.getTime() + ctx.config.rapportageTermijnDagen * DAG);
      const ingediendOpTijd = eersteIndiening !== undefined && eersteIndiening < deadline.getTime();
      const teLaatTot = eersteIndiening !== undefined ? Math.min(eersteIndiening, nu.getTime()) : nu.getTime();
      const teLaat = !ingediendOpTijd && teLaatTot >= deadline.getTime();
      standen.push({
        moduleId,
        kwartaal,
        status: actueel?.status ?? null,
        versie: actueel?.versie ?? null,
        deadline: datum(new Date(deadline.getTime() - DAG)),
        kwartaalAfgelopen: nu >= einde,
        teLaat,
        dagenTeLaat: teLaat ? Math.floor((teLaatTot - deadline.getTime()) / DAG) + 1 : 0,
      });
    }
  }
  return standen;
}
