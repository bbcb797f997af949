import type { EntityManager } from '@mikro-orm/postgresql';
import { Begroting, BegrotingSoort } from '../begroting/begroting.entity.js';
import { Jaarrekening } from '../begroting/jaarrekening.entity.js';
import { Bijdrage, Fase } from '../bijdrage/bijdrage.entity.js';
import { dagenInJaar, deelnameDagenInJaar, verdeel } from '../bijdrage/verdeling.service.js';
import { Decimal } from '../core/decimal.js';
import { Grondslag, Verdeelsleutel } from '../verdeelsleutel/verdeelsleutel.entity.js';
import { VerdeelsleutelEenheid } from '../verdeelsleutel/verdeelsleutel-eenheid.entity.js';
import type { Stamdata } from './demo-stamdata.js';
import { demoFactor } from './demo-random.js';
import type { Module } from '../module/module.entity.js';
import { taakveldVoorJaar } from '../taakveld/taakvelden.js';
import {
  GEMEENTEN,
  INBURGERING_PERCENTAGES,
  JAREN,
  MODULES,
  swArbeidsjaren,
  WGSW_BATEN_FRACTIE,
  WGSW_KOSTEN_PER_ARBEIDSJAAR_2025,
  type DemoModule,
} from './regio.js';

/** The last year with a jaarrekening: 2025's was adopted in July 2026. */
export const LAATSTE_JAARREKENING = 2025;

/** The budget figures of a module for a year before amendments (demo). */
function basisBegroting(m: DemoModule, jaar: number): { lasten: Decimal; baten: Decimal } {
  const index = new Decimal(1.03).pow(jaar - 2025);
  if (m.code !== 'WGSW') {
    return { lasten: new Decimal(m.begroting!.lasten2025).times(index), baten: new Decimal(m.begroting!.baten2025).times(index) };
  }
  const arbeidsjaren = m.deelnames.reduce((som, d) => som.plus(swArbeidsjaren(d.cbsCode, jaar)), new Decimal(0));
  const lasten = arbeidsjaren.times(WGSW_KOSTEN_PER_ARBEIDSJAAR_2025).times(index);
  return { lasten, baten: lasten.times(WGSW_BATEN_FRACTIE) };
}

/**
 * Budgets (primitief, wijziging 1), jaarrekeningen, allocation keys and the contributions computed
 * from them. Returns the module years whose jaarrekening is recorded: the caller closes them once
 * everything is stored (a closed year takes no more writes).
 */
export function maakFinancien(em: EntityManager, stam: Stamdata): Array<{ module: Module; jaar: number; op: string }> {
  const afgesloten: Array<{ module: Module; jaar: number; op: string }> = [];
  for (const m of MODULES) {
    if (!m.begroting) continue;
    const module = stam.modules.get(m.code)!;
    for (const jaar of JAREN.filter((j) => j >= Number(m.startdatum.slice(0, 4)))) {
      const { lasten, baten } = basisBegroting(m, jaar);
      const versies: Array<{ soort: BegrotingSoort; volgnummer: number; factor: number; datum: string; fase: Fase }> = [
        { soort: BegrotingSoort.PRIMITIEF, volgnummer: 0, factor: 1, datum: `${jaar - 1}-07-03`, fase: Fase.BEGROOT },
        { soort: BegrotingSoort.WIJZIGING, volgnummer: 1, factor: demoFactor(`${m.code}/${jaar}/w`, 0.02) + 0.01, datum: `${jaar}-07-02`, fase: Fase.GEWIJZIGD },
      ];
      const sleutel = maakSleutel(em, stam, m, jaar);
      for (const v of versies) {
        const begroting = em.create(Begroting, {
          module,
          jaar,
          soort: v.soort,
          volgnummer: v.volgnummer,
          lasten: lasten.times(v.factor).toDecimalPlaces(2),
          baten: baten.times(v.factor).toDecimalPlaces(2),
          vastgesteldOp: v.datum,
          omschrijving: `${omschrijvingVan(v.soort, v.volgnummer)} ${jaar} ${m.naam} (${bronVan(m)})`,
        });
        verdeelBegroting(em, stam, m, begroting, sleutel, v.fase);
      }
      if (jaar <= LAATSTE_JAARREKENING) {
        const factor = demoFactor(`${m.code}/${jaar}/r`, 0.03);
        const jaarrekening = em.create(Jaarrekening, {
          module,
          jaar,
          lasten: lasten.times(factor).toDecimalPlaces(2),
          baten: baten.times(factor).toDecimalPlaces(2),
          vastgesteldOp: `${jaar + 1}-07-01`,
          omschrijving: `Jaarrekening ${jaar} ${m.naam} (${bronVan(m)})`,
        });
        verdeelBegroting(em, stam, m, jaarrekening, sleutel, Fase.GEREALISEERD);
        afgesloten.push({ module, jaar, op: `${jaar + 1}-07-01` });
      }
    }
  }
  return afgesloten;
}

function bronVan(m: DemoModule): string {
  return m.code === 'WGSW'
    ? 'demodata: SW-arbeidsjaren op 1 januari × kosten per arbeidsjaar, gekalibreerd op de bijdrage van Arnhem 2025 uit de begroting van Arnhem'
    : 'demodata';
}

function omschrijvingVan(soort: BegrotingSoort, volgnummer: number): string {
  return soort === BegrotingSoort.PRIMITIEF ? 'Primitieve begroting' : `Begrotingswijziging ${volgnummer}`;
}

interface SleutelRegel {
  cbsCode: string;
  eenheden: Decimal;
  dagen: number;
}

function maakSleutel(em: EntityManager, stam: Stamdata, m: DemoModule, jaar: number) {
  const grondslag = Grondslag[m.begroting!.grondslag];
  const verdeelsleutel = em.create(Verdeelsleutel, {
    module: stam.modules.get(m.code)!,
    jaar,
    grondslag,
    omschrijving: `Verdeling ${m.naam} ${jaar} naar ${grondslag.toLowerCase().replaceAll('_', ' ')} (demodata)`,
  });
  const regels: SleutelRegel[] = [];
  for (const d of m.deelnames) {
    const dagen = deelnameDagenInJaar(d.vanaf, d.tot, jaar);
    if (dagen === 0) continue;
    const { eenheden, bron } = eenhedenVan(stam, m, grondslag, d.cbsCode, jaar);
    em.create(VerdeelsleutelEenheid, { verdeelsleutel, gemeente: stam.gemeenten.get(d.cbsCode)!, eenheden, bron });
    regels.push({ cbsCode: d.cbsCode, eenheden, dagen });
  }
  return { verdeelsleutel, regels };
}

function eenhedenVan(stam: Stamdata, m: DemoModule, grondslag: Grondslag, cbsCode: string, jaar: number) {
  const gemeente = GEMEENTEN.find((g) => g.cbsCode === cbsCode)!;
  switch (grondslag) {
    case Grondslag.INWONERS:
      return { eenheden: new Decimal(stam.inwoners(cbsCode, jaar)), bron: `CBS, inwoners 1 januari ${jaar} (demodata)` };
    case Grondslag.LEERLINGEN:
      return {
        eenheden: new Decimal(Math.round(stam.inwoners(cbsCode, jaar) * gemeente.leerlingFractie)),
        bron: `Leerlingen 5–23 jaar (DUO), met VSV-cijfers, gemiddelde ${jaar - 3}–${jaar - 1} (demodata; regio samen zo’n 62.000)`,
      };
    case Grondslag.SW_ARBEIDSJAREN:
      return {
        eenheden: new Decimal(swArbeidsjaren(cbsCode, jaar)),
        bron: `Scalabor, SW-arbeidsjaren per 1 januari ${jaar}, gelijk aan de KPI SW_ARBEIDSJAREN eind ${jaar - 1} (demodata)`,
      };
    case Grondslag.VASTE_PERCENTAGES: {
      // Before Overbetuwe joined (2024) Arnhem carried its ten percent as well.
      const procent = jaar < 2024 && cbsCode === 'GM0202' ? 54 : INBURGERING_PERCENTAGES[cbsCode];
      return { eenheden: new Decimal(procent), bron: `Bestuurscommissie ${m.naam}, vastgestelde percentages (demodata)` };
    }
    default:
      return { eenheden: new Decimal(1), bron: 'Gelijke delen per deelnemende gemeente' };
  }
}

function verdeelBegroting(
  em: EntityManager,
  stam: Stamdata,
  m: DemoModule,
  bron: Begroting | Jaarrekening,
  sleutel: { verdeelsleutel: Verdeelsleutel; regels: SleutelRegel[] },
  fase: Fase,
): void {
  const begroting = bron;
  const herkomst = bron instanceof Jaarrekening ? { jaarrekening: bron } : { begroting: bron };
  const jaardagen = dagenInJaar(begroting.jaar);
  const posten = sleutel.regels.map((r) => ({ sleutel: r.cbsCode, gewicht: r.eenheden.times(r.dagen).dividedBy(jaardagen) }));
  for (const deel of verdeel(begroting.nettoLasten, posten)) {
    const regel = sleutel.regels.find((r) => r.cbsCode === deel.sleutel)!;
    em.create(Bijdrage, {
      gemeente: stam.gemeenten.get(deel.sleutel)!,
      module: begroting.module,
      jaar: begroting.jaar,
      fase,
      bedrag: deel.bedrag,
      taakveld: taakveldVoorJaar(m.taakveld!, begroting.jaar)!,
      ...herkomst,
      verdeelsleutel: sleutel.verdeelsleutel,
      eenheden: regel.eenheden,
      deelnameDagen: regel.dagen,
      aandeel: deel.aandeel.toDecimalPlaces(10),
    });
  }
}
