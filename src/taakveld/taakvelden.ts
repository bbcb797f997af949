/**
 * The BBV list of taakvelden for gemeenten (Besluit begroting en verantwoording, art. 17 and the
 * Iv3-informatievoorschrift of BZK and CBS). Since the Iv3 model 2023 the five individual-provision
 * taakvelden of the social domain (6.6, 6.71, 6.72, 6.81, 6.82) are refined into sub-taakvelden
 * (IBI-nieuwsbrief 110, 2022): 6.71a–d, 6.72a–d, 6.73a–c, 6.74a–b, 6.81a–b and 6.82a–b replace
 * 6.71, 6.72, 6.81 and 6.82, and 6.2 and 6.4 got new names. A code is valid for the years
 * [vanaf, tot]; an empty bound is open.
 */
export interface TaakveldDefinitie {
  code: string;
  naam: string;
  /** First year the code is booked on; empty = since the taakvelden started (2017). */
  vanaf?: number;
  /** Last year the code is booked on; empty = still in use. */
  tot?: number;
}

const SINDS_VERFIJNING = 2023;

const t = (code: string, naam: string, periode: { vanaf?: number; tot?: number } = {}): TaakveldDefinitie => ({ code, naam, ...periode });
const oud = { tot: SINDS_VERFIJNING - 1 };
const nieuw = { vanaf: SINDS_VERFIJNING };

export const TAAKVELDEN: readonly TaakveldDefinitie[] = [
  t('0.1', 'Bestuur'),
  t('0.2', 'Burgerzaken'),
  t('0.3', 'Beheer overige gebouwen en gronden'),
  t('0.4', 'Overhead'),
  t('0.5', 'Treasury'),
  t('0.61', 'OZB woningen'),
  t('0.62', 'OZB niet-woningen'),
  t('0.63', 'Parkeerbelasting'),
  t('0.64', 'Belastingen overig'),
  t('0.7', 'Algemene uitkering en overige uitkeringen gemeentefonds'),
  t('0.8', 'Overige baten en lasten'),
  t('0.9', 'Vennootschapsbelasting (VpB)'),
  t('0.10', 'Mutaties reserves'),
  t('0.11', 'Resultaat van de rekening van baten en lasten'),
  t('1.1', 'Crisisbeheersing en brandweer'),
  t('1.2', 'Openbare orde en veiligheid'),
  t('2.1', 'Verkeer en vervoer'),
  t('2.2', 'Parkeren'),
  t('2.3', 'Recreatieve havens'),
  t('2.4', 'Economische havens en waterwegen'),
  t('2.5', 'Openbaar vervoer'),
  t('3.1', 'Economische ontwikkeling'),
  t('3.2', 'Fysieke bedrijfsinfrastructuur'),
  t('3.3', 'Bedrijvenloket en bedrijfsregelingen'),
  t('3.4', 'Economische promotie'),
  t('4.1', 'Openbaar basisonderwijs'),
  t('4.2', 'Onderwijshuisvesting'),
  t('4.3', 'Onderwijsbeleid en leerlingzaken'),
  t('5.1', 'Sportbeleid en activering'),
  t('5.2', 'Sportaccommodaties'),
  t('5.3', 'Cultuurpresentatie, cultuurproductie en cultuurparticipatie'),
  t('5.4', 'Musea'),
  t('5.5', 'Cultureel erfgoed'),
  t('5.6', 'Media'),
  t('5.7', 'Openbaar groen en (openlucht) recreatie'),
  t('6.1', 'Samenkracht en burgerparticipatie'),
  t('6.2', 'Wijkteams', oud),
  t('6.2', 'Toegang en eerstelijnsvoorzieningen', nieuw),
  t('6.3', 'Inkomensregelingen'),
  t('6.4', 'Begeleide participatie', oud),
  t('6.4', 'WSW en beschut werk', nieuw),
  t('6.5', 'Arbeidsparticipatie'),
  t('6.6', 'Maatwerkvoorzieningen (Wmo)'),
  t('6.71', 'Maatwerkdienstverlening 18+', oud),
  t('6.71a', 'Huishoudelijke hulp (Wmo)', nieuw),
  t('6.71b', 'Begeleiding (Wmo)', nieuw),
  t('6.71c', 'Dagbesteding (Wmo)', nieuw),
  t('6.71d', 'Overige maatwerkarrangementen (Wmo)', nieuw),
  t('6.72', 'Maatwerkdienstverlening 18-', oud),
  t('6.72a', 'Jeugdhulp begeleiding', nieuw),
  t('6.72b', 'Jeugdhulp behandeling', nieuw),
  t('6.72c', 'Jeugdhulp dagbesteding', nieuw),
  t('6.72d', 'Jeugdhulp zonder verblijf overig', nieuw),
  t('6.73a', 'Pleegzorg', nieuw),
  t('6.73b', 'Gezinsgericht', nieuw),
  t('6.73c', 'Jeugdhulp met verblijf overig', nieuw),
  t('6.74a', 'Jeugdhulp crisis/LTA/GGZ-verblijf', nieuw),
  t('6.74b', 'Gesloten plaatsing', nieuw),
  t('6.81', 'Geëscaleerde zorg 18+', oud),
  t('6.81a', 'Beschermd wonen (Wmo)', nieuw),
  t('6.81b', 'Maatschappelijke- en vrouwenopvang (Wmo)', nieuw),
  t('6.82', 'Geëscaleerde zorg 18-', oud),
  t('6.82a', 'Jeugdbescherming', nieuw),
  t('6.82b', 'Jeugdreclassering', nieuw),
  t('7.1', 'Volksgezondheid'),
  t('7.2', 'Riolering'),
  t('7.3', 'Afval'),
  t('7.4', 'Milieubeheer'),
  t('7.5', 'Begraafplaatsen en crematoria'),
  t('8.1', 'Ruimtelijke ordening'),
  t('8.2', 'Grondexploitatie (niet-bedrijventerreinen)'),
  t('8.3', 'Wonen en bouwen'),
];

const geldigIn = (d: TaakveldDefinitie, jaar: number) => (d.vanaf ?? 0) <= jaar && jaar <= (d.tot ?? 9999);

/** The taakveld with this code in that year, or undefined when it was not booked on then. */
export function taakveldIn(code: string, jaar: number): TaakveldDefinitie | undefined {
  return TAAKVELDEN.find((d) => d.code === code && geldigIn(d, jaar));
}

/** The taakvelden in use in a year, in BBV order. */
export function taakveldenIn(jaar: number): TaakveldDefinitie[] {
  return TAAKVELDEN.filter((d) => geldigIn(d, jaar));
}

/**
 * The code a contribution for `jaar` is booked on, for a module whose taakveld is `code` (a code of
 * today's list): the code itself, or for years before the 2023 refinement its main taakveld
 * (6.72d → 6.72). Undefined when neither was in use that year.
 */
export function taakveldVoorJaar(code: string, jaar: number): string | undefined {
  if (taakveldIn(code, jaar)) return code;
  const hoofd = code.replace(/[a-z]$/, '');
  return hoofd !== code && taakveldIn(hoofd, jaar) ? hoofd : undefined;
}

/**
 * Why a module cannot carry this taakveld in `jaar` (today's year), in words a controller can act
 * on, or null when it can.
 */
export function taakveldProbleem(code: string, jaar: number): string | null {
  if (taakveldIn(code, jaar)) return null;
  const opvolgers = taakveldenIn(jaar).filter((d) => d.code.replace(/[a-z]$/, '') === code && d.code !== code);
  if (opvolgers.length) {
    const lijst = opvolgers.map((d) => `${d.code} ${d.naam}`).join(', ');
    return `taakveld ${code} is sinds ${SINDS_VERFIJNING} verfijnd; kies een van de subtaakvelden: ${lijst}`;
  }
  if (TAAKVELDEN.some((d) => d.code === code)) return `taakveld ${code} is in ${jaar} niet meer in gebruik`;
  return `taakveld ${code} staat niet in de BBV-lijst van taakvelden (vraag de lijst op met de query taakvelden)`;
}

/** The name of a taakveld code: as it was called in `jaar`, or its newest name without a year. */
export function taakveldNaam(code: string, jaar?: number | null): string | null {
  const kandidaten = TAAKVELDEN.filter((d) => d.code === code);
  const inJaar = jaar == null ? undefined : kandidaten.find((d) => geldigIn(d, jaar));
  return (inJaar ?? kandidaten.at(-1))?.naam ?? null;
}
