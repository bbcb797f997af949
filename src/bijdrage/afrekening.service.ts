import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError } from '../core/errors.js';
import { Deelname } from '../deelname/deelname.entity.js';
import { deelnameInJaar } from '../deelname/deelname.service.js';
import { Betaalritme, type Module } from '../module/module.entity.js';
import { Fase } from './bijdrage.entity.js';
import { ALLEEN_VASTGESTELD, kostenoverzichten } from './kostenoverzicht.service.js';
import { deelnameDagenIn, verdeel } from './verdeling.service.js';
import { Afrekengrondslag, Afrekenuitkomst, AfrekeningRegel, Afrekening, Voorschottenschema } from './afrekening.types.js';

/** A settlement line; te verrekenen is the full difference unless given (a resultaatbestemming's share). */
export function regelVan(gemeenteId: number | null, gefactureerd: Decimal, gerealiseerd: Decimal, teVerrekenen = gerealiseerd.minus(gefactureerd)): AfrekeningRegel {
  const uitkomst = teVerrekenen.isZero() ? Afrekenuitkomst.NIHIL : teVerrekenen.isPositive() ? Afrekenuitkomst.BIJBETALEN : Afrekenuitkomst.TERUGONTVANGEN;
  return { gemeenteId, gefactureerd, gerealiseerd, teVerrekenen, uitkomst };
}

/**
 * Settlement per gemeente: the current realised contribution against the begroting na wijziging,
 * both from the cost overview (one definition of the current figures); needs the jaarrekening.
 * This is the full difference; when the AB decided a resultaatbestemming, resultaat/ settles that instead.
 */
export async function afrekening(em: EntityManager, module: Module, jaar: number): Promise<Afrekening> {
  const [overzicht] = await kostenoverzichten(em, { van: jaar, tot: jaar, fase: Fase.GEREALISEERD, modules: [module.code] }, ALLEEN_VASTGESTELD);
  const regels = overzicht.regels.filter((r) => r.gerealiseerd || r.begroot || r.gewijzigd);
  if (regels.length === 0 || regels.every((r) => !r.gerealiseerd)) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `Er zijn voor ${module.code} nog geen gerealiseerde bijdragen over ${jaar}; bereken eerst de realisatie uit de jaarrekening.`);
  }
  const nul = new Decimal(0);
  const bedrag = (v: string | null) => (v === null ? nul : new Decimal(v));
  const afgerekend = regels.map((r) => regelVan(r.gemeenteId, bedrag(r.naWijziging), bedrag(r.gerealiseerd)));
  const som = (kies: (r: AfrekeningRegel) => Decimal) => afgerekend.reduce((s, r) => s.plus(kies(r)), new Decimal(0));
  return { jaar, grondslag: Afrekengrondslag.VOLLEDIG_VERSCHIL, regels: afgerekend, totaal: regelVan(null, som((r) => r.gefactureerd), som((r) => r.gerealiseerd)) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Spreads each gemeente's contribution by the begroting na wijziging over the module's payment terms, weighted by
 * the days it takes part in each term (a gemeente joining in July pays from July), exact to the cent.
 */
export async function voorschotten(em: EntityManager, module: Module, jaar: number): Promise<Voorschottenschema> {
  const maanden = module.betaalritme === Betaalritme.MAANDELIJKS ? 1 : 3;
  const termijnen = Array.from({ length: 12 / maanden }, (_, i) => ({
    termijn: i + 1,
    begin: Date.UTC(jaar, i * maanden, 1),
    einde: Date.UTC(jaar, (i + 1) * maanden, 1),
    vanaf: `${jaar}-${pad(i * maanden + 1)}-01`,
  }));
  const [[overzicht], deelnames] = await Promise.all([
    kostenoverzichten(em, { van: jaar, tot: jaar, fase: Fase.GEWIJZIGD, modules: [module.code] }, ALLEEN_VASTGESTELD),
    em.find(Deelname, { $and: [{ module }, deelnameInJaar(jaar)] }),
  ]);
  const perGemeente = overzicht.regels.map((r) => {
    const jaarbedrag = new Decimal(r.naWijziging ?? 0);
    const eigen = deelnames.filter((d) => d.gemeente.id === r.gemeenteId);
    const posten = termijnen.map((t) => ({
      sleutel: pad(t.termijn),
      gewicht: new Decimal(eigen.reduce((som, d) => som + deelnameDagenIn(d.vanaf, d.tot, t.begin, t.einde), 0)),
    }));
    // Without participation in the year (a correction row), spread evenly.
    const gewogen = posten.some((p) => !p.gewicht.isZero()) ? posten : posten.map((p) => ({ ...p, gewicht: new Decimal(1) }));
    const delen = verdeel(jaarbedrag, gewogen);
    return {
      gemeenteId: r.gemeenteId!,
      jaarbedrag,
      termijnen: termijnen.map((t, i) => ({ termijn: t.termijn, vanaf: t.vanaf, bedrag: delen[i].bedrag })),
    };
  });
  return { jaar, betaalritme: module.betaalritme, perGemeente };
}
