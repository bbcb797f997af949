import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from '../core/decimal.js';
import { DvoNorm } from '../kpi/dvo-norm.entity.js';
import { Dvo, DvoStatus } from '../dvo/dvo.entity.js';
import type { Gemeente } from '../gemeente/gemeente.entity.js';
import { Kpi, KpiEenheid, KpiNiveau, KpiPeriode, KpiRichting } from '../kpi/kpi.entity.js';
import { kwartaalPeriode, rapporteertIn } from '../rapportage/rapportage-validatie.service.js';
import { KpiWaarde } from '../rapportage/kpi-waarde.entity.js';
import { Kwartaalrapportage, RapportageStatus } from '../rapportage/kwartaalrapportage.entity.js';
import type { Stamdata } from './demo-stamdata.js';
import { demoFactor } from './demo-random.js';
import { KPIS, KWARTALEN, MODULES, swArbeidsjaren, type DemoKpi } from './regio.js';

const NORMJAREN = [2024, 2025, 2026];

/** KPI definitions, DVOs with their targets, and two years of quarterly reports. */
export function maakVerantwoording(em: EntityManager, stam: Stamdata): void {
  const kpis = KPIS.map((k) => ({
    demo: k,
    kpi: em.create(Kpi, {
      module: stam.modules.get(k.module)!,
      code: k.code,
      naam: k.naam,
      eenheid: KpiEenheid[k.eenheid],
      richting: KpiRichting[k.richting],
      niveau: KpiNiveau[k.niveau],
      periode: KpiPeriode[k.periode ?? 'KWARTAAL'],
      ondergrens: k.ondergrens ? new Decimal(k.ondergrens) : null,
      bovengrens: k.bovengrens ? new Decimal(k.bovengrens) : null,
      actiefVanaf: '2023-01-01',
    }),
  }));
  maakDvos(em, stam, kpis);
  maakRapportages(em, stam, kpis);
}

type DemoKpiMetEntiteit = { demo: DemoKpi; kpi: Kpi };

/** The gemeente's share of the region for per-gemeente figures: its inhabitants among the participants. */
function aandeelInRegio(stam: Stamdata, moduleCode: string, cbsCode: string, jaar: number, peildatum: string): number {
  const deelnemers = deelnemersOp(moduleCode, peildatum);
  const totaal = deelnemers.reduce((som, c) => som + stam.inwoners(c, jaar), 0);
  return stam.inwoners(cbsCode, jaar) / totaal;
}

function deelnemersOp(moduleCode: string, peildatum: string): string[] {
  const module = MODULES.find((m) => m.code === moduleCode)!;
  return module.deelnames.filter((d) => d.vanaf <= peildatum && (!d.tot || d.tot > peildatum)).map((d) => d.cbsCode);
}

function afronden(k: DemoKpi, waarde: number): Decimal {
  const decimalen = k.eenheid === 'AANTAL' || k.eenheid === 'DAGEN' ? 0 : k.eenheid === 'FTE' ? 1 : 2;
  return new Decimal(waarde).toDecimalPlaces(decimalen);
}

function maakDvos(em: EntityManager, stam: Stamdata, kpis: DemoKpiMetEntiteit[]): void {
  const scalabor = stam.organisaties.get('Scalabor B.V.')!;
  const wgsw = stam.modules.get('WGSW')!;
  em.create(Dvo, {
    kenmerk: 'DVO-WGSW-SCALABOR-2019',
    omschrijving: 'Uitvoering materieel werkgeverschap Wsw door Scalabor, 2019–2022 (overgenomen van GR Presikhaaf Bedrijven).',
    module: wgsw,
    organisatie: scalabor,
    ingangsdatum: '2019-01-01',
    einddatum: '2022-12-31',
    status: DvoStatus.BEEINDIGD,
  });
  const huidig = em.create(Dvo, {
    kenmerk: 'DVO-WGSW-SCALABOR-2023',
    omschrijving: 'Uitvoering materieel werkgeverschap Wsw door Scalabor, met kwartaalverantwoording op KPI’s (demodata).',
    module: wgsw,
    organisatie: scalabor,
    ingangsdatum: '2023-01-01',
    einddatum: '2026-12-31',
    status: DvoStatus.ACTIEF,
  });
  const uwv = em.create(Dvo, {
    kenmerk: 'DVO-WSP-UWV-2024',
    omschrijving:
      'Samenwerkingsovereenkomst Werkgeversservicepunt Midden-Gelderland met UWV (genoemd in het Uitvoeringsplan MGR 2020–2023; ' +
      'looptijd en normen demodata).',
    module: stam.modules.get('WSP')!,
    organisatie: stam.organisaties.get('UWV')!,
    ingangsdatum: '2024-01-01',
    einddatum: '2027-12-31',
    status: DvoStatus.ACTIEF,
  });
  for (const { demo, kpi } of kpis.filter((k) => k.demo.module === 'WGSW')) {
    for (const jaar of NORMJAREN) {
      const peildatum = `${jaar}-01-01`;
      const gemeenten: Array<Gemeente | null> =
        demo.niveau === 'REGIO' ? [null] : deelnemersOp('WGSW', peildatum).map((c) => stam.gemeenten.get(c)!);
      for (const gemeente of gemeenten) {
        // The staff-years norm per gemeente is the year's key figure (keep the places filled).
        const waarde =
          demo.code === 'SW_ARBEIDSJAREN'
            ? swArbeidsjaren(gemeente!.cbsCode, jaar) * demo.normFactor
            : demo.typisch * (gemeente ? aandeelInRegio(stam, 'WGSW', gemeente.cbsCode, jaar, peildatum) : 1) * demo.normFactor;
        em.create(DvoNorm, { dvo: huidig, kpi, gemeente, jaar, periode: kpi.periode, norm: afronden(demo, waarde) });
      }
    }
  }

  // The regional WSP targets are agreed with the UWV for the whole region; by the norm rule they
  // take precedence over the same KPI's norms in the gemeenten's own DVOs.
  for (const { demo, kpi } of kpis.filter((k) => k.demo.module === 'WSP' && k.demo.niveau === 'REGIO')) {
    for (const jaar of NORMJAREN) {
      em.create(DvoNorm, { dvo: uwv, kpi, gemeente: null, jaar, periode: kpi.periode, norm: afronden(demo, demo.typisch * (demo.normFactor + 0.04)) });
    }
  }

  // The other modules work under a DVO with each participating gemeente.
  for (const m of MODULES.filter((m) => !m.hoofdmodule && m.code !== 'WGSW')) {
    const module = stam.modules.get(m.code)!;
    for (const d of m.deelnames.filter((d) => !d.tot)) {
      const gemeente = stam.gemeenten.get(d.cbsCode)!;
      const ingang = d.vanaf > '2024-01-01' ? d.vanaf : '2024-01-01';
      const dvo = em.create(Dvo, {
        kenmerk: `DVO-${m.code}-2024-${d.cbsCode}`,
        omschrijving: `Dienstverlening ${m.naam} aan ${gemeente.naam}, 2024–2027 (demodata).`,
        module,
        gemeente,
        ingangsdatum: ingang,
        einddatum: '2027-12-31',
        status: DvoStatus.ACTIEF,
      });
      for (const { demo, kpi } of kpis.filter((k) => k.demo.module === m.code)) {
        for (const jaar of NORMJAREN.filter((j) => j >= Number(ingang.slice(0, 4)))) {
          const aandeel = demo.niveau === 'REGIO' ? 1 : aandeelInRegio(stam, m.code, d.cbsCode, jaar, `${jaar}-12-31`);
          em.create(DvoNorm, { dvo, kpi, gemeente: null, jaar, periode: kpi.periode, norm: afronden(demo, demo.typisch * aandeel * demo.normFactor) });
        }
      }
    }
  }
}

/** Status of the last quarter (Q3 2026) per module; earlier quarters are approved. RFZ is late. */
const STATUS_LAATSTE_KWARTAAL: Record<string, RapportageStatus | undefined> = {
  INKOOP: RapportageStatus.TERUGGESTUURD,
  RBL: RapportageStatus.INGEDIEND,
  WSP: RapportageStatus.CONCEPT,
  WGSW: RapportageStatus.GOEDGEKEURD,
  INBURGERING: RapportageStatus.INGEDIEND,
};

function maakRapportages(em: EntityManager, stam: Stamdata, kpis: DemoKpiMetEntiteit[]): void {
  const waarden: KpiWaarde[] = [];
  for (const moduleCode of [...new Set(KPIS.map((k) => k.module))]) {
    const module = stam.modules.get(moduleCode)!;
    const start = MODULES.find((m) => m.code === moduleCode)!.startdatum;
    for (const [i, { jaar, kwartaal }] of KWARTALEN.entries()) {
      if (kwartaalPeriode(jaar, kwartaal).einde <= start) continue;
      const laatste = i === KWARTALEN.length - 1;
      const status = laatste ? STATUS_LAATSTE_KWARTAAL[moduleCode] : RapportageStatus.GOEDGEKEURD;
      if (!status) continue;
      const kwartaalEinde = new Date(Date.UTC(jaar, kwartaal * 3, 0));
      const dagenNa = (dagen: number) => new Date(kwartaalEinde.getTime() + dagen * 86_400_000);
      const rapportage = em.create(Kwartaalrapportage, {
        module,
        jaar,
        kwartaal,
        versie: 1,
        status,
        reden:
          status === RapportageStatus.TERUGGESTUURD
            ? 'Cliëntaantallen jeugd van Arnhem wijken sterk af van het vorige kwartaal; graag controleren.'
            : null,
        ingediendOp: status === RapportageStatus.CONCEPT ? null : dagenNa(28),
        goedgekeurdOp: status === RapportageStatus.GOEDGEKEURD ? dagenNa(41) : null,
        gewijzigdOp: dagenNa(status === RapportageStatus.GOEDGEKEURD ? 41 : 30),
      });
      const peildatum = kwartaalEinde.toISOString().slice(0, 10);
      for (const { demo, kpi } of kpis.filter((k) => k.demo.module === moduleCode && rapporteertIn(k.kpi, kwartaal))) {
        const label = `${demo.code}/${jaar}/${kwartaal}`;
        if (demo.niveau === 'REGIO') {
          const waarde = afronden(demo, demo.typisch * demoFactor(label, 0.08));
          waarden.push(em.create(KpiWaarde, { rapportage, kpi, gemeente: null, waarde }));
          continue;
        }
        for (const cbsCode of deelnemersOp(moduleCode, peildatum)) {
          const aandeel = aandeelInRegio(stam, moduleCode, cbsCode, jaar, peildatum);
          const waarde =
            demo.code === 'SW_ARBEIDSJAREN'
              ? new Decimal(swArbeidsjaren(cbsCode, jaar, kwartaal))
              : afronden(demo, demo.typisch * aandeel * demoFactor(`${label}/${cbsCode}`, 0.12));
          waarden.push(em.create(KpiWaarde, { rapportage, kpi, gemeente: stam.gemeenten.get(cbsCode)!, waarde }));
        }
      }
    }
  }
  maakCorrectie(em, stam, waarden);
}

/** WSP's approved report for Q2 2025 was corrected: version 2 with a reason; version 1 stays as it was. */
function maakCorrectie(em: EntityManager, stam: Stamdata, waarden: KpiWaarde[]): void {
  const module = stam.modules.get('WSP')!;
  const correctie = em.create(Kwartaalrapportage, {
    module,
    jaar: 2025,
    kwartaal: 2,
    versie: 2,
    status: RapportageStatus.GOEDGEKEURD,
    reden: 'Correctie: plaatsingen van Arnhem waren in versie 1 dubbel geteld.',
    ingediendOp: new Date('2025-09-02T09:00:00Z'),
    goedgekeurdOp: new Date('2025-09-09T14:00:00Z'),
    gewijzigdOp: new Date('2025-09-09T14:00:00Z'),
  });
  for (const entity of waarden) {
    const r = entity.rapportage;
    if (r.module !== module || r.jaar !== 2025 || r.kwartaal !== 2 || r.versie !== 1) continue;
    const isArnhemPlaatsingen = entity.kpi.code === 'PLAATSINGEN' && entity.gemeente?.cbsCode === 'GM0202';
    em.create(KpiWaarde, {
      rapportage: correctie,
      kpi: entity.kpi,
      gemeente: entity.gemeente ?? null,
      waarde: isArnhemPlaatsingen ? entity.waarde.dividedBy(2).toDecimalPlaces(0) : entity.waarde,
      toelichting: isArnhemPlaatsingen ? 'Dubbel getelde plaatsingen verwijderd.' : null,
    });
  }
}
