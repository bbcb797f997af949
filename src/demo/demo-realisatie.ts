import type { EntityManager } from '@mikro-orm/postgresql';
import { Begroting, BegrotingSoort } from '../begroting/begroting.entity.js';
import { Decimal } from '../core/decimal.js';
import { BIJDRAGEN_GEMEENTEN, Kant } from '../realisatie/categorieen.js';
import { Realisatie, RealisatiePrognose } from '../realisatie/realisatie.entity.js';
import type { Stamdata } from './demo-stamdata.js';
import { demoFactor } from './demo-random.js';
import { MODULES } from './regio.js';

/** The demo year of the bestuursrapportage: the clock stands in November 2026, so quarters 1–3 are realised. */
export const REALISATIE_JAAR = 2026;
export const REALISATIE_KWARTALEN = [1, 2, 3] as const;

/** How a module's lasten split over economische categorieën (demodata): shares of the quarter's lasten. */
function lastenVerdeling(code: string): Array<[string, number]> {
  if (code === 'WGSW') return [['1.1', 0.88], ['3.8', 0.12]];
  if (code.startsWith('INKOOP')) return [['3.8', 0.92], ['1.1', 0.08]];
  return [['1.1', 0.6], ['3.5.1', 0.1], ['3.8', 0.3]];
}

/** Splits an amount by shares, rounded to cents; the last part takes the rest, so the parts add up exactly. */
function splits(bedrag: Decimal, delen: Array<[string, number]>): Array<[string, Decimal]> {
  let rest = bedrag;
  return delen.map(([code, aandeel], i) => {
    const deel = i === delen.length - 1 ? rest : bedrag.times(aandeel).toDecimalPlaces(2);
    rest = rest.minus(deel);
    return [code, deel];
  });
}

/**
 * Realised lasten and baten of 2026 quarters 1–3 per budgeted demo module on its own taakveld, and a
 * forecast per quarter (all demodata): a quarter's lasten and baten are a quarter of the budget after
 * amendment within ± 4 %, the gemeenten' contributions (baten 4.3.2) a quarter of its net cost; the
 * forecast drifts within ± 3 % of the budget. Deterministic (demoFactor).
 */
export async function maakRealisatie(em: EntityManager, stam: Stamdata): Promise<void> {
  const begrotingen = await em.find(Begroting, { jaar: REALISATIE_JAAR, soort: { $in: [BegrotingSoort.PRIMITIEF, BegrotingSoort.WIJZIGING] } }, { orderBy: { volgnummer: 'asc' } });
  for (const m of MODULES) {
    if (!m.begroting || !m.taakveld) continue;
    const module = stam.modules.get(m.code)!;
    const begroting = begrotingen.filter((b) => b.module === module).at(-1);
    if (!begroting) continue;
    const kwartLasten = begroting.lasten.div(4);
    const kwartBaten = begroting.baten.div(4);
    for (const kwartaal of REALISATIE_KWARTALEN) {
      const sleutel = { module, jaar: REALISATIE_JAAR, kwartaal };
      const label = `${m.code}/${REALISATIE_JAAR}/k${kwartaal}`;
      const lasten = kwartLasten.times(demoFactor(`${label}/lasten`, 0.04)).toDecimalPlaces(2);
      for (const [categorie, bedrag] of splits(lasten, lastenVerdeling(m.code))) {
        em.create(Realisatie, { ...sleutel, taakveld: m.taakveld, categorie, kant: Kant.LASTEN, bedrag });
      }
      if (kwartBaten.isPositive()) {
        // WgSW's own income is what Scalabor pays for the staff it employs: uitgeleend personeel.
        const categorie = m.code === 'WGSW' ? '3.5.2' : '3.8';
        em.create(Realisatie, { ...sleutel, taakveld: m.taakveld, categorie, kant: Kant.BATEN, bedrag: kwartBaten.times(demoFactor(`${label}/baten`, 0.04)).toDecimalPlaces(2) });
      }
      const bijdragen = begroting.lasten.minus(begroting.baten).div(4).toDecimalPlaces(2);
      em.create(Realisatie, { ...sleutel, taakveld: m.taakveld, categorie: BIJDRAGEN_GEMEENTEN, kant: Kant.BATEN, bedrag: bijdragen });
      const drift = demoFactor(`${label}/prognose`, 0.03);
      em.create(RealisatiePrognose, {
        ...sleutel,
        lasten: begroting.lasten.times(drift).toDecimalPlaces(2),
        baten: begroting.baten.toDecimalPlaces(2),
        toelichting: drift > 1 ? 'Hogere lasten verwacht dan begroot (demodata).' : 'Lasten naar verwachting binnen de begroting (demodata).',
      });
    }
  }
}
