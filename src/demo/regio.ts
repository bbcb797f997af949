/**
 * The reference region: MGR Sociaal Domein Centraal Gelderland.
 *
 * PUBLIC FACTS (source in brackets; the README lists them):
 * - the eleven member gemeenten and their CBS codes (Arnhem, begroting 2025, verbonden partijen);
 * - in the 2025 budget documents the MGR has a beheerorganisatie and five modules: Inkoop
 *   specialistische zorg, Werkgeversservicepunt, Regionaal Bureau Leerlingzaken, Werkgeverschap
 *   SW-medewerkers and Contractmanagement Inburgering (Arnhem, begroting 2025, verbonden partijen);
 * - the start dates of the first four modules, RBL's some 62,000 pupils, the WSP as a partnership of
 *   nine gemeenten and the UWV, WgSW as formal employer of the SW staff working at Scalabor for nine
 *   gemeenten (Uitvoeringsplan MGR 2020–2023);
 * - the allocation keys: RBL by pupils, WgSW by the gemeente's inhabitants with an SW employment
 *   (Arnhem, begroting 2025);
 * - Arnhem's budgeted contribution for 2025: € 31,022,919 (Arnhem, begroting 2025).
 * DEMO DATA (plausible, not official): inhabitant numbers (rounded approximations of CBS figures for
 * 1 January 2024), which gemeenten beyond the public facts take part in which module, the start of
 * Inburgering and of Regionale Facilitering Zorg (a sixth module, after the 2025 budget), all budgets,
 * keys, KPIs, targets and reported values. The WgSW cost per SW staff year is calibrated so that
 * Arnhem's primitieve bijdrage 2025 lands on the public figure.
 */

export interface DemoGemeente {
  cbsCode: string;
  naam: string;
  /** Approximate inhabitants on 1 January 2024 (demo data, rounded). */
  inwoners2024: number;
  /** Demo yearly growth used to derive the other years. */
  groei: number;
  /** Demo share of inhabitants that are pupils followed by the RBL (5 to 23 years old). */
  leerlingFractie: number;
  /** Demo SW staff years on 1 January 2025 (WgSW key and KPI). */
  swArbeidsjaren2025: number;
}

export const GEMEENTEN: DemoGemeente[] = [
  { cbsCode: 'GM0202', naam: 'Arnhem', inwoners2024: 166_000, groei: 0.008, leerlingFractie: 0.133, swArbeidsjaren2025: 615 },
  { cbsCode: 'GM0221', naam: 'Doesburg', inwoners2024: 11_600, groei: 0.003, leerlingFractie: 0.14, swArbeidsjaren2025: 42 },
  { cbsCode: 'GM0226', naam: 'Duiven', inwoners2024: 26_000, groei: 0.004, leerlingFractie: 0.147, swArbeidsjaren2025: 66 },
  { cbsCode: 'GM1705', naam: 'Lingewaard', inwoners2024: 48_800, groei: 0.006, leerlingFractie: 0.151, swArbeidsjaren2025: 121 },
  { cbsCode: 'GM1734', naam: 'Overbetuwe', inwoners2024: 49_900, groei: 0.007, leerlingFractie: 0.153, swArbeidsjaren2025: 112 },
  { cbsCode: 'GM0274', naam: 'Renkum', inwoners2024: 31_900, groei: 0.002, leerlingFractie: 0.137, swArbeidsjaren2025: 0 },
  { cbsCode: 'GM0275', naam: 'Rheden', inwoners2024: 44_200, groei: 0.002, leerlingFractie: 0.134, swArbeidsjaren2025: 146 },
  { cbsCode: 'GM0277', naam: 'Rozendaal', inwoners2024: 1_700, groei: 0.001, leerlingFractie: 0.128, swArbeidsjaren2025: 3 },
  { cbsCode: 'GM0289', naam: 'Wageningen', inwoners2024: 40_800, groei: 0.009, leerlingFractie: 0.116, swArbeidsjaren2025: 0 },
  { cbsCode: 'GM0293', naam: 'Westervoort', inwoners2024: 15_200, groei: 0.002, leerlingFractie: 0.139, swArbeidsjaren2025: 58 },
  { cbsCode: 'GM0299', naam: 'Zevenaar', inwoners2024: 45_100, groei: 0.005, leerlingFractie: 0.144, swArbeidsjaren2025: 134 },
];

/**
 * The Wsw is closed to new entrants since 2015, so the SW workforce shrinks every year (retirement
 * and outflow): demo decline per year.
 */
export const SW_KRIMP_PER_JAAR = 0.055;

/**
 * SW staff years of a gemeente at the start of `jaar` plus `kwartalen` quarters: one figure used by
 * both the WgSW allocation key (1 January) and the KPI SW_ARBEIDSJAREN (end of each quarter), so the
 * value at the end of Q4 equals the key of the next year.
 */
export function swArbeidsjaren(cbsCode: string, jaar: number, kwartalen = 0): number {
  const gemeente = GEMEENTEN.find((g) => g.cbsCode === cbsCode)!;
  const waarde = gemeente.swArbeidsjaren2025 * (1 - SW_KRIMP_PER_JAAR) ** (jaar - 2025 + kwartalen / 4);
  return Math.round(waarde * 10) / 10;
}

export const ALLE = GEMEENTEN.map((g) => g.cbsCode);
export const JAREN = [2020, 2021, 2022, 2023, 2024, 2025, 2026];

export const PROGRAMMAS = [
  { code: 'ZORG', naam: 'Zorg', vanaf: '2024-01-01' },
  { code: 'ONDERWIJS', naam: 'Onderwijs', vanaf: '2024-01-01' },
  { code: 'PARTICIPATIE', naam: 'Participatie', vanaf: '2024-01-01' },
];

export type DemoGrondslag = 'INWONERS' | 'LEERLINGEN' | 'SW_ARBEIDSJAREN' | 'GELIJKE_DELEN' | 'VASTE_PERCENTAGES';

export interface DemoDeelname {
  cbsCode: string;
  vanaf: string;
  tot?: string;
}

export interface DemoModule {
  code: string;
  naam: string;
  omschrijving: string;
  /** Empty for the beheerorganisatie, which serves all programmes. */
  programma?: string;
  hoofdmodule?: string;
  startdatum: string;
  taakveld?: string;
  deelnames: DemoDeelname[];
  /** Modules with their own budget and allocation key (Inkoop is budgeted per submodule); other years: +3 % a year. */
  begroting?: { lasten2025: number; baten2025: number; grondslag: DemoGrondslag };
}

const vanaf = (datum: string, codes: string[], uitzonderingen: DemoDeelname[] = []): DemoDeelname[] =>
  codes.map((cbsCode) => uitzonderingen.find((u) => u.cbsCode === cbsCode) ?? { cbsCode, vanaf: datum });

const zonder = (...uit: string[]) => ALLE.filter((c) => !uit.includes(c));

export const MODULES: DemoModule[] = [
  {
    code: 'INKOOP',
    naam: 'Inkoop specialistische zorg',
    omschrijving: 'Regionale inkoop, contractmanagement en contractbeheer van jeugdhulp, Wmo en beschermd wonen.',
    programma: 'ZORG',
    startdatum: '2017-04-01',
    deelnames: vanaf('2017-04-01', ALLE),
  },
  {
    code: 'INKOOP-JEUGD',
    naam: 'Inkoop Jeugd',
    omschrijving: 'Inkoop van specialistische jeugdhulp.',
    programma: 'ZORG',
    hoofdmodule: 'INKOOP',
    startdatum: '2017-04-01',
    taakveld: '6.72d',
    deelnames: vanaf('2017-04-01', ALLE),
    begroting: { lasten2025: 1_495_888.02, baten2025: 0, grondslag: 'INWONERS' },
  },
  {
    code: 'INKOOP-WMO',
    naam: 'Inkoop Wmo',
    omschrijving: 'Inkoop van maatwerkvoorzieningen Wmo en activerend werk.',
    programma: 'ZORG',
    hoofdmodule: 'INKOOP',
    startdatum: '2017-04-01',
    taakveld: '6.71d',
    // Demo: Wageningen leaves the Wmo submodule on 1 January 2023.
    deelnames: vanaf('2017-04-01', ALLE, [{ cbsCode: 'GM0289', vanaf: '2017-04-01', tot: '2023-01-01' }]),
    begroting: { lasten2025: 1_138_053.3, baten2025: 0, grondslag: 'INWONERS' },
  },
  {
    code: 'INKOOP-BW',
    naam: 'Inkoop Beschermd wonen',
    omschrijving: 'Inkoop van beschermd wonen en maatschappelijke opvang.',
    programma: 'ZORG',
    hoofdmodule: 'INKOOP',
    startdatum: '2017-04-01',
    taakveld: '6.81a',
    deelnames: vanaf('2017-04-01', ALLE),
    begroting: { lasten2025: 667_668.56, baten2025: 0, grondslag: 'INWONERS' },
  },
  {
    code: 'RFZ',
    naam: 'Regionale Facilitering Zorg',
    omschrijving: 'Regionale ondersteuning van gemeenten bij zorgtaken; de zesde module, na de begroting 2025 (demo: start 2026).',
    programma: 'ZORG',
    startdatum: '2026-01-01',
    taakveld: '6.1',
    deelnames: vanaf('2026-01-01', zonder('GM0274', 'GM0277', 'GM0289')),
    begroting: { lasten2025: 939_823.5, baten2025: 0, grondslag: 'GELIJKE_DELEN' },
  },
  {
    code: 'RBL',
    naam: 'Regionaal Bureau Leerlingzaken',
    omschrijving: 'Leerplicht, kwalificatieplicht en RMC voor zo’n 62.000 leerlingen (Uitvoeringsplan MGR 2020–2023).',
    programma: 'ONDERWIJS',
    startdatum: '2018-01-01',
    taakveld: '4.3',
    deelnames: vanaf('2018-01-01', zonder('GM0289')),
    begroting: { lasten2025: 4_340_188.56, baten2025: 1_129_292.0, grondslag: 'LEERLINGEN' },
  },
  {
    code: 'WSP',
    naam: 'Werkgeversservicepunt',
    omschrijving:
      'Eén loket voor werkgevers in de arbeidsmarktregio Midden-Gelderland: een samenwerkingsverband van negen gemeenten en ' +
      'het UWV (Uitvoeringsplan MGR 2020–2023); welke negen is demodata.',
    programma: 'PARTICIPATIE',
    startdatum: '2018-01-01',
    taakveld: '6.5',
    deelnames: vanaf('2018-01-01', zonder('GM0289', 'GM0277')),
    begroting: { lasten2025: 2_388_202.03, baten2025: 414_060.0, grondslag: 'INWONERS' },
  },
  {
    code: 'WGSW',
    naam: 'Werkgeverschap SW',
    omschrijving:
      'Formeel werkgever van de SW-medewerkers van negen gemeenten, die bij Scalabor werken onder een DVO met Scalabor ' +
      '(Uitvoeringsplan MGR 2020–2023).',
    programma: 'PARTICIPATIE',
    startdatum: '2019-01-01',
    taakveld: '6.4',
    // The plan names nine participating gemeenten; which two do not take part is demo data.
    deelnames: vanaf('2019-01-01', zonder('GM0274', 'GM0289')),
    begroting: { lasten2025: 0, baten2025: 0, grondslag: 'SW_ARBEIDSJAREN' },
  },
  {
    code: 'INBURGERING',
    naam: 'Contractmanagement Inburgering',
    omschrijving: 'Contractmanagement van de inburgeringsvoorzieningen onder de Wet inburgering 2021 (demo: start 2022).',
    programma: 'PARTICIPATIE',
    startdatum: '2022-01-01',
    taakveld: '6.1',
    // Demo: Overbetuwe joins on 1 July 2024, so it pays half a year pro rata in 2024.
    deelnames: [
      ...vanaf('2022-01-01', ['GM0202', 'GM0221', 'GM0226', 'GM1705', 'GM0275', 'GM0293', 'GM0299']),
      { cbsCode: 'GM1734', vanaf: '2024-07-01' },
    ],
    begroting: { lasten2025: 1_222_919.0, baten2025: 0, grondslag: 'VASTE_PERCENTAGES' },
  },
  {
    code: 'BEHEER',
    naam: 'Beheerorganisatie',
    omschrijving:
      'Bestuursondersteuning, control en bedrijfsvoering van de MGR; naast de vijf modules genoemd in de begroting 2025 van ' +
      'Arnhem (verbonden partijen). Kosten naar inwoners over alle gemeenten (demodata).',
    startdatum: '2017-04-01',
    taakveld: '6.1',
    deelnames: vanaf('2017-04-01', ALLE),
    begroting: { lasten2025: 1_648_500.0, baten2025: 0, grondslag: 'INWONERS' },
  },
];

/**
 * WgSW's budget follows its staff: lasten = SW staff years on 1 January × cost per staff year (wages
 * with employer charges and guidance, +3 % a year). Demo; the 2025 cost per staff year is calibrated
 * on Arnhem's public contribution for 2025.
 */
export const WGSW_KOSTEN_PER_ARBEIDSJAAR_2025 = 44_300;

/** Public: Arnhem's budgeted contribution to the MGR for 2025 (Arnhem, begroting 2025, paragraaf verbonden partijen). */
export const ARNHEM_BIJDRAGE_2025 = '31022919.00';
export const WGSW_BATEN_FRACTIE = 0.015;

/** Demo fixed percentages for Inburgering (sum 100). */
export const INBURGERING_PERCENTAGES: Record<string, number> = {
  GM0202: 44,
  GM0221: 4,
  GM0226: 7,
  GM1705: 10,
  GM0275: 10,
  GM0293: 5,
  GM0299: 10,
  GM1734: 10,
};

export const ORGANISATIES = [
  { naam: 'Scalabor B.V.', soort: 'BEDRIJF' as const },
  { naam: 'UWV', soort: 'OVERHEID' as const },
];

export type DemoKpi = {
  module: string;
  code: string;
  naam: string;
  eenheid: 'AANTAL' | 'PERCENTAGE' | 'EURO' | 'DAGEN' | 'FTE';
  richting: 'HOGER_IS_BETER' | 'LAGER_IS_BETER';
  niveau: 'GEMEENTE' | 'REGIO';
  ondergrens?: string;
  bovengrens?: string;
  /** Demo: typical value for the region per period (GEMEENTE kpis are split by inhabitants). */
  typisch: number;
  /** What one value covers (default: the quarter). */
  periode?: 'KWARTAAL' | 'JAAR_TOT_NU' | 'JAAR';
  /** Demo: yearly target as a fraction of the typical value (below 1 for lower-is-better). */
  normFactor: number;
};

export const KPIS: DemoKpi[] = [
  { module: 'INKOOP', code: 'CLIENTEN_JEUGD', naam: 'Cliënten met specialistische jeugdhulp', eenheid: 'AANTAL', richting: 'LAGER_IS_BETER', niveau: 'GEMEENTE', ondergrens: '0', typisch: 6200, normFactor: 0.97 },
  { module: 'INKOOP', code: 'CLIENTEN_WMO', naam: 'Cliënten met een Wmo-maatwerkvoorziening', eenheid: 'AANTAL', richting: 'LAGER_IS_BETER', niveau: 'GEMEENTE', ondergrens: '0', typisch: 9800, normFactor: 0.98 },
  { module: 'INKOOP', code: 'KOSTEN_PER_CLIENT_JEUGD', naam: 'Gemiddelde kosten per jeugdcliënt per kwartaal', eenheid: 'EURO', richting: 'LAGER_IS_BETER', niveau: 'REGIO', ondergrens: '0', typisch: 3150, normFactor: 0.99 },
  { module: 'RFZ', code: 'ONDERSTEUNINGSVRAGEN', naam: 'Afgehandelde ondersteuningsvragen van gemeenten', eenheid: 'AANTAL', richting: 'HOGER_IS_BETER', niveau: 'REGIO', ondergrens: '0', typisch: 140, normFactor: 1.0 },
  { module: 'RBL', code: 'VERZUIMMELDINGEN', naam: 'Verzuimmeldingen', eenheid: 'AANTAL', richting: 'LAGER_IS_BETER', niveau: 'GEMEENTE', ondergrens: '0', typisch: 1450, normFactor: 0.95 },
  { module: 'RBL', code: 'THUISZITTERS', naam: 'Thuiszitters zonder school', eenheid: 'AANTAL', richting: 'LAGER_IS_BETER', niveau: 'GEMEENTE', ondergrens: '0', typisch: 95, normFactor: 0.9 },
  { module: 'RBL', code: 'VSV_PERCENTAGE', naam: 'Voortijdig schoolverlaters (jaarcijfer DUO)', eenheid: 'PERCENTAGE', richting: 'LAGER_IS_BETER', niveau: 'REGIO', ondergrens: '0', bovengrens: '100', typisch: 1.9, normFactor: 0.95, periode: 'JAAR' },
  { module: 'WSP', code: 'PLAATSINGEN', naam: 'Plaatsingen bij werkgevers', eenheid: 'AANTAL', richting: 'HOGER_IS_BETER', niveau: 'GEMEENTE', ondergrens: '0', typisch: 310, normFactor: 1.05 },
  { module: 'WSP', code: 'WERKGEVERSCONTACTEN', naam: 'Werkgeverscontacten', eenheid: 'AANTAL', richting: 'HOGER_IS_BETER', niveau: 'REGIO', ondergrens: '0', typisch: 1250, normFactor: 1.0 },
  // Values are the staff years of the WgSW key (swArbeidsjaren), not a typical figure; the norm is the
  // year's key figure (keep the agreed number of places filled) times normFactor.
  { module: 'WGSW', code: 'SW_ARBEIDSJAREN', naam: 'SW-arbeidsjaren in dienst (stand einde kwartaal)', eenheid: 'FTE', richting: 'HOGER_IS_BETER', niveau: 'GEMEENTE', ondergrens: '0', typisch: 0, normFactor: 0.97 },
  { module: 'WGSW', code: 'ZIEKTEVERZUIM', naam: 'Ziekteverzuim SW-medewerkers, jaar tot nu', eenheid: 'PERCENTAGE', richting: 'LAGER_IS_BETER', niveau: 'REGIO', ondergrens: '0', bovengrens: '100', typisch: 14.2, normFactor: 0.95, periode: 'JAAR_TOT_NU' },
  { module: 'WGSW', code: 'GEDETACHEERD', naam: 'SW-medewerkers gedetacheerd bij reguliere werkgevers', eenheid: 'PERCENTAGE', richting: 'HOGER_IS_BETER', niveau: 'REGIO', ondergrens: '0', bovengrens: '100', typisch: 31.5, normFactor: 1.03 },
  { module: 'INBURGERING', code: 'INBURGERAARS_GESTART', naam: 'Gestarte inburgeraars', eenheid: 'AANTAL', richting: 'HOGER_IS_BETER', niveau: 'GEMEENTE', ondergrens: '0', typisch: 120, normFactor: 1.0 },
  { module: 'INBURGERING', code: 'GEMIDDELDE_DOORLOOPTIJD', naam: 'Gemiddelde doorlooptijd tot leerroute', eenheid: 'DAGEN', richting: 'LAGER_IS_BETER', niveau: 'REGIO', ondergrens: '0', typisch: 68, normFactor: 0.9 },
];

/** Quarters with reports: two years, Q4 2024 up to and including Q3 2026. */
export const KWARTALEN: Array<{ jaar: number; kwartaal: number }> = [
  { jaar: 2024, kwartaal: 4 },
  ...[1, 2, 3, 4].map((kwartaal) => ({ jaar: 2025, kwartaal })),
  ...[1, 2, 3].map((kwartaal) => ({ jaar: 2026, kwartaal })),
];
