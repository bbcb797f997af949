import type { EntityManager } from '@mikro-orm/postgresql';
import { Jaarrekening } from '../begroting/jaarrekening.entity.js';
import { Bestuurscommissie, BestuurscommissieLid, Commissieadvies, Commissievergadering } from '../pc/bestuur.entity.js';
import { PcDocument, PcDocumentJaarrekening, PcDocumentModule, PcDocumentSoort, PcDocumentStatus, Zienswijze, ZienswijzeGevolgd } from '../pc/pc.entity.js';
import { plusDagen } from '../pc/termijn.js';
import { demoRandom } from './demo-random.js';
import type { Stamdata } from './demo-stamdata.js';
import { ALLE } from './regio.js';

/** The raad whose zienswijze on the ontwerpbegroting 2027 arrives a day after the term (demodata). */
export const DEMO_TE_LATE_RAAD = 'GM0277';

const GEVOLGD = [ZienswijzeGevolgd.JA, ZienswijzeGevolgd.GEDEELTELIJK, ZienswijzeGevolgd.NEE];

/**
 * The planning-and-control cycle of begroting 2027 (in 2026) and the uitvoeringsplan 2024–2027, all
 * "(demodata)": kadernota, voorlopige jaarrekening 2025 and ontwerpbegroting 2027 to the raden on
 * 7 April 2026 (term to 30 June); zienswijzen of all eleven raden, Rozendaal's a day late; the AB
 * adopts on 2 July and the DB sends the begroting to GS on 9 July; jaarrekening 2025 adopted on
 * 1 July (as the jaarrekeningen 2025 say), to GS on 9 July; a first begrotingswijziging 2027 of
 * WGSW still open for zienswijze. The demo has no budget figures for 2027, so the begroting 2027
 * document links none; the jaarrekening 2025 carries the modules' jaarrekeningen 2025. Dates come from the
 * rules of the pcCyclus migration (12 weeks = 84 days).
 */
export async function maakPcCyclus(em: EntityManager, stam: Stamdata): Promise<void> {
  const stuk = (soort: PcDocumentSoort, jaar: number, titel: string, data: Partial<PcDocument>, totJaar: number | null = null) =>
    em.create(PcDocument, { soort, jaar, totJaar, titel: `${titel} (demodata)`, status: PcDocumentStatus.CONCEPT, ...data });
  const zienswijzen = (document: PcDocument, raden: readonly string[], eerste: string, laatste: number, reactieOp: string, metBesluit: boolean) => {
    raden.forEach((cbsCode, i) => {
      const gemeente = stam.gemeenten.get(cbsCode)!;
      const ontvangenOp = plusDagen(eerste, Math.floor(demoRandom(`${document.titel}/${cbsCode}`) * laatste));
      em.create(Zienswijze, {
        document,
        gemeente,
        ontvangenOp,
        samenvatting: `De raad van ${gemeente.naam} vraagt aandacht voor de kostenontwikkeling en de risico's (demodata).`,
        reactieDb: `Het dagelijks bestuur neemt de zienswijze van ${gemeente.naam} mee in het voorstel aan het algemeen bestuur (demodata).`,
        reactieDbOp: reactieOp < ontvangenOp ? ontvangenOp : reactieOp,
        gevolgdDoorAb: metBesluit ? GEVOLGD[i % GEVOLGD.length] : null,
      });
    });
  };

  const kaders = { verzondenAanRadenOp: '2026-04-07' };
  stuk(PcDocumentSoort.KADERNOTA, 2027, 'Kadernota 2027', { ...kaders, status: PcDocumentStatus.VASTGESTELD, vastgesteldOp: '2026-07-02' });
  stuk(PcDocumentSoort.VOORLOPIGE_JAARREKENING, 2025, 'Voorlopige jaarrekening 2025', { ...kaders, status: PcDocumentStatus.VOOR_ZIENSWIJZE });

  const begroting = stuk(PcDocumentSoort.ONTWERPBEGROTING, 2027, 'Ontwerpbegroting 2027 en meerjarenraming 2028–2030', {
    ...kaders,
    zienswijzetermijnTot: '2026-06-30',
    status: PcDocumentStatus.VERZONDEN,
    vastgesteldOp: '2026-07-02',
    verzondenAanToezichthouderOp: '2026-07-09',
  });
  const opTijd = ALLE.filter((c) => c !== DEMO_TE_LATE_RAAD);
  zienswijzen(begroting, opTijd, '2026-05-26', 35, '2026-06-30', true);
  zienswijzen(begroting, [DEMO_TE_LATE_RAAD], '2026-07-01', 1, '2026-07-01', false);

  const jaarrekening = stuk(PcDocumentSoort.JAARREKENING, 2025, 'Jaarrekening en jaarverslag 2025', {
    status: PcDocumentStatus.VERZONDEN,
    vastgesteldOp: '2026-07-01',
    verzondenAanToezichthouderOp: '2026-07-09',
  });
  for (const cijfers of await em.find(Jaarrekening, { jaar: 2025 }, { orderBy: { id: 'asc' } })) {
    em.create(PcDocumentJaarrekening, { document: jaarrekening, jaarrekening: cijfers });
  }

  const plan = stuk(
    PcDocumentSoort.UITVOERINGSPLAN,
    2024,
    'Uitvoeringsplan MGR 2024–2027',
    { verzondenAanRadenOp: '2023-09-05', zienswijzetermijnTot: '2023-11-28', status: PcDocumentStatus.VASTGESTELD, vastgesteldOp: '2023-12-14' },
    2027,
  );
  zienswijzen(plan, ALLE, '2023-10-10', 45, '2023-11-30', true);

  // Still running on the test clock (23 November 2026): two of the nine WGSW raden have responded.
  const wijziging = stuk(PcDocumentSoort.BEGROTINGSWIJZIGING, 2027, '1e begrotingswijziging 2027 Werkgeverschap SW', {
    verzondenAanRadenOp: '2026-10-26',
    zienswijzetermijnTot: '2027-01-18',
    status: PcDocumentStatus.VOOR_ZIENSWIJZE,
  });
  em.create(PcDocumentModule, { document: wijziging, module: stam.modules.get('WGSW')! });
  const wgsw = [...new Set(stam.deelnames.filter((d) => d.module.code === 'WGSW').map((d) => d.gemeente.cbsCode))].sort();
  zienswijzen(wijziging, wgsw.slice(0, 2), '2026-11-03', 7, '2026-11-20', false);

  maakBestuurscommissies(em, stam, begroting);
}

/**
 * One bestuurscommissie per programma (MGR regeling 2022), its members the portefeuillehouders of the
 * gemeenten that take part in one of the programma's modules; each advised on the ontwerpbegroting 2027.
 */
function maakBestuurscommissies(em: EntityManager, stam: Stamdata, ontwerpbegroting: PcDocument): void {
  const programmas = [...new Map([...stam.modules.values()].filter((m) => m.programma).map((m) => [m.programma!.code, m.programma!])).values()].sort((a, b) =>
    a.code.localeCompare(b.code),
  );
  for (const programma of programmas) {
    const commissie = em.create(Bestuurscommissie, { programma, naam: `Bestuurscommissie ${programma.naam}` });
    const leden = [...new Set(stam.deelnames.filter((d) => d.module.programma?.code === programma.code).map((d) => d.gemeente.cbsCode))].sort();
    for (const cbsCode of leden) {
      const gemeente = stam.gemeenten.get(cbsCode)!;
      em.create(BestuurscommissieLid, { commissie, gemeente, naam: `Wethouder ${gemeente.naam} (demodata)`, portefeuille: `${programma.naam} (demodata)` });
    }
    em.create(Commissievergadering, { commissie, datum: '2026-03-19', onderwerp: 'Advies kadernota en ontwerpbegroting 2027 (demodata)' });
    em.create(Commissievergadering, { commissie, datum: '2026-10-08', onderwerp: 'Voortgang uitvoeringsprogramma 2026 (demodata)' });
    em.create(Commissieadvies, {
      commissie,
      document: ontwerpbegroting,
      datum: '2026-03-19',
      advies: `De bestuurscommissie ${programma.naam} adviseert positief over de ontwerpbegroting 2027 voor haar modules (demodata).`,
    });
  }
}
