import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from '../core/decimal.js';
import type { Module } from '../module/module.entity.js';
import { Reserve, Reservemutatie, ReservemutatieSoort, ReserveSoort } from '../resultaat/reserve.entity.js';
import { BestemmingSoort, Resultaatbestemming, ResultaatbestemmingRegel } from '../resultaat/resultaatbestemming.entity.js';
import { jaarresultaten } from '../resultaat/resultaat.service.js';
import { LAATSTE_JAARREKENING } from './demo-financien.js';
import type { Stamdata } from './demo-stamdata.js';

const DOOR = 'demoregio';
/** The AB adopted the jaarrekening 2025 and decided on its result in the same meeting (demodata). */
const BESLUIT = `${LAATSTE_JAARREKENING + 1}-07-01`;
/** What the AB put aside from the WgSW surplus of 2025 for the costs of reducing surplus staff (demodata). */
const WGSW_NAAR_RESERVE = new Decimal('500000.00');

interface Regel {
  soort: BestemmingSoort;
  bedrag: Decimal;
  reserve?: Reserve;
}

/**
 * Reserves and voorzieningen with their history, and the AB's resultaatbestemming of every module's
 * 2025 result. Runs after the figures are stored (it reads the results as the graph does); writes
 * only its own tables. Everything invented is marked (demodata).
 */
export async function maakResultaat(em: EntityManager, stam: Stamdata): Promise<void> {
  const module = (code: string) => stam.modules.get(code)!;
  const reserve = (naam: string, soort: ReserveSoort, m: Module | null, ingesteldOp: string, doel: string) =>
    em.create(Reserve, { naam, soort, module: m, ingesteldOp, doel });
  const mutatie = (r: Reserve, soort: ReservemutatieSoort, datum: string, bedrag: string, reden: string, resultaatbestemming?: Resultaatbestemming) =>
    em.create(Reservemutatie, { reserve: r, soort, datum, bedrag: new Decimal(bedrag), reden, resultaatbestemming, vastgelegdOp: new Date(`${datum}T12:00:00Z`), vastgelegdDoor: DOOR });

  const algemeen = reserve('Algemene reserve MGR (demodata)', ReserveSoort.ALGEMENE_RESERVE, null, '2020-01-01', 'Buffer voor tegenvallers van de MGR als geheel (demodata).');
  mutatie(algemeen, ReservemutatieSoort.TOEVOEGING, '2020-01-01', '400000.00', 'Beginstand bij instelling (demodata)');

  // Seed 004: the voorziening for the agreements on surplus staff came along to the MGR with WgSW (2019).
  const boventallig = reserve(
    'Voorziening boventallig personeel WgSW (demodata)',
    ReserveSoort.VOORZIENING,
    module('WGSW'),
    '2019-01-01',
    'Verplichtingen uit de afspraken over boventallig personeel, meegekomen naar de MGR bij de start van Werkgeverschap SW (uitvoeringsplan 2020-2023; bedragen demodata).',
  );
  mutatie(boventallig, ReservemutatieSoort.TOEVOEGING, '2019-01-01', '1800000.00', 'Overgekomen naar de MGR bij de start van de module (demodata)');
  for (let jaar = 2019; jaar <= LAATSTE_JAARREKENING; jaar++) {
    mutatie(boventallig, ReservemutatieSoort.ONTTREKKING, `${jaar}-12-31`, '180000.00', `Loonkosten boventalligen ${jaar} (demodata)`);
  }
  mutatie(boventallig, ReservemutatieSoort.VRIJVAL, '2024-12-31', '200000.00', 'Herberekening: minder boventalligen dan voorzien (demodata)');
  mutatie(boventallig, ReservemutatieSoort.ONTTREKKING, `${LAATSTE_JAARREKENING + 1}-06-30`, '90000.00', `Loonkosten boventalligen eerste halfjaar ${LAATSTE_JAARREKENING + 1} (demodata)`);

  const frictie = reserve(
    'Bestemmingsreserve frictiekosten afbouw SW (demodata)',
    ReserveSoort.BESTEMMINGSRESERVE,
    module('WGSW'),
    '2023-01-01',
    'Frictiekosten van de afbouw van de SW-organisatie die de voorziening niet dekt (demodata).',
  );
  mutatie(frictie, ReservemutatieSoort.TOEVOEGING, '2023-01-01', '250000.00', 'Beginstand bij instelling (demodata)');

  const egalisatieRbl = reserve(
    'Egalisatiereserve RBL (demodata)',
    ReserveSoort.BESTEMMINGSRESERVE,
    module('RBL'),
    '2022-01-01',
    'Opvangen van schommelingen in het aantal leerplichtzaken, zodat de bijdragen stabiel blijven (demodata).',
  );
  mutatie(egalisatieRbl, ReservemutatieSoort.TOEVOEGING, '2022-01-01', '60000.00', 'Beginstand bij instelling (demodata)');

  // The decisions per module on a surplus (+) or deficit (−); otherwise refund or charge the whole result.
  const keuzes: Record<string, (r: Decimal) => Regel[] | null> = {
    WGSW: (r) =>
      r.greaterThan(WGSW_NAAR_RESERVE)
        ? [
            { soort: BestemmingSoort.TOEVOEGEN_AAN_RESERVE, bedrag: WGSW_NAAR_RESERVE, reserve: frictie },
            { soort: BestemmingSoort.TERUGBETALEN_AAN_GEMEENTEN, bedrag: r.minus(WGSW_NAAR_RESERVE) },
          ]
        : null,
    RBL: (r) => (r.isNegative() ? [{ soort: BestemmingSoort.ONTTREKKEN_AAN_RESERVE, bedrag: r.abs(), reserve: egalisatieRbl }] : null),
    'INKOOP-WMO': (r) => (r.isNegative() ? [{ soort: BestemmingSoort.ONTTREKKEN_AAN_RESERVE, bedrag: r.abs(), reserve: algemeen }] : null),
    BEHEER: (r) => (r.isPositive() && !r.isZero() ? [{ soort: BestemmingSoort.TOEVOEGEN_AAN_RESERVE, bedrag: r, reserve: algemeen }] : null),
  };
  await em.flush();
  for (const resultaat of await jaarresultaten(em, LAATSTE_JAARREKENING)) {
    const r = new Decimal(resultaat.resultaat);
    if (r.isZero()) continue;
    const regels: Regel[] = keuzes[resultaat.code]?.(r) ?? [
      r.isPositive()
        ? { soort: BestemmingSoort.TERUGBETALEN_AAN_GEMEENTEN, bedrag: r }
        : { soort: BestemmingSoort.BIJ_TE_BETALEN_DOOR_GEMEENTEN, bedrag: r.abs() },
    ];
    const bestemming = em.create(Resultaatbestemming, {
      module: module(resultaat.code),
      jaar: LAATSTE_JAARREKENING,
      besluitOp: BESLUIT,
      resultaat: r,
      omschrijving: `Bestemming van het ${r.isPositive() ? 'voordelig' : 'nadelig'} resultaat ${LAATSTE_JAARREKENING} (demodata)`,
      vastgelegdOp: new Date(`${BESLUIT}T12:00:00Z`),
      vastgelegdDoor: DOOR,
    });
    for (const regel of regels) {
      em.create(ResultaatbestemmingRegel, { resultaatbestemming: bestemming, soort: regel.soort, bedrag: regel.bedrag, reserve: regel.reserve ?? null });
      if (!regel.reserve) continue;
      const soort = regel.soort === BestemmingSoort.TOEVOEGEN_AAN_RESERVE ? ReservemutatieSoort.TOEVOEGING : ReservemutatieSoort.ONTTREKKING;
      mutatie(regel.reserve, soort, BESLUIT, regel.bedrag.toFixed(2), `Resultaatbestemming ${LAATSTE_JAARREKENING} ${resultaat.code}: ${bestemming.omschrijving}`, bestemming);
    }
  }
}
