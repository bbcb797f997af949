/**
 * The reference region: MGR Sociaal Domein Centraal Gelderland.
 *
 * Public facts: the eleven member gemeenten and their CBS codes, the three programmes and six
 * modules of today, the start dates of the first four modules (uitvoeringsplan 2020–2023), WgSW's
 * DVO with Scalabor and UWV as partner in the WSP.
 * DEMO DATA (plausible, not official): inhabitant numbers (rounded approximations of CBS figures
 * for 1 January 2024), which gemeente takes part in which module beyond the public facts, the
 * start dates of RFZ and Inburgering, all budgets, keys, KPIs, targets and reported values.
 */

export interface DemoGemeente {
  cbsCode: string;
  naam: string;
  /** Approximate inhabitants on 1 January 2024 (demo data, rounded). */
  inwoners2024: number;
  /** Demo yearly growth used to derive the other years. */
  groei: number;
  /** Demo share of inhabitants that are pupils (RBL key). */
  leerlingFractie: number;
  /** Demo SW staff years on 1 January 2024 (WgSW key). */
  swArbeidsjaren2024: number;
}

export const GEMEENTEN: DemoGemeente[] = [
  { cbsCode: 'GM0202', naam: 'Arnhem', inwoners2024: 166_000, groei: 0.008, leerlingFractie: 0.112, swArbeidsjaren2024: 598 },
  { cbsCode: 'GM0221', naam: 'Doesburg', inwoners2024: 11_600, groei: 0.003, leerlingFractie: 0.118, swArbeidsjaren2024: 41 },
  { cbsCode: 'GM0226', naam: 'Duiven', inwoners2024: 26_000, groei: 0.004, leerlingFractie: 0.124, swArbeidsjaren2024: 64 },
  { cbsCode: 'GM1705', naam: 'Lingewaard', inwoners2024: 48_800, groei: 0.006, leerlingFractie: 0.127, swArbeidsjaren2024: 118 },
  { cbsCode: 'GM1734', naam: 'Overbetuwe', inwoners2024: 49_900, groei: 0.007, leerlingFractie: 0.129, swArbeidsjaren2024: 109 },
  { cbsCode: 'GM0274', naam: 'Renkum', inwoners2024: 31_900, groei: 0.002, leerlingFractie: 0.115, swArbeidsjaren2024: 0 },
  { cbsCode: 'GM0275', naam: 'Rheden', inwoners2024: 44_200, groei: 0.002, leerlingFractie: 0.113, swArbeidsjaren2024: 142 },
  { cbsCode: 'GM0277', naam: 'Rozendaal', inwoners2024: 1_700, groei: 0.001, leerlingFractie: 0.108, swArbeidsjaren2024: 3 },
  { cbsCode: 'GM0289', naam: 'Wageningen', inwoners2024: 40_800, groei: 0.009, leerlingFractie: 0.098, swArbeidsjaren2024: 0 },
  { cbsCode: 'GM0293', naam: 'Westervoort', inwoners2024: 15_200, groei: 0.002, leerlingFractie: 0.117, swArbeidsjaren2024: 57 },
  { cbsCode: 'GM0299', naam: 'Zevenaar', inwoners2024: 45_100, groei: 0.005, leerlingFractie: 0.121, swArbeidsjaren2024: 131 },
];

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
  programma: string;
  hoofdmodule?: string;
  startdatum: string;
  taakveld?: string;
  deelnames: DemoDeelname[];
  /** Modules with their own budget and allocation key (Inkoop is budgeted per submodule). */
  begroting?: { lasten2024: number; baten2024: number; grondslag: DemoGrondslag };
}

const vanaf = (datum: string, codes: string[], uitzonderingen: DemoDeelname[] = []): DemoDeelname[] =>
  codes.map((cbsCode) => uitzonderingen.find((u) => u.cbsCode === cbsCode) ?? { cbsCode, vanaf: datum });

const zonder = (...uit: string[]) => ALLE.filter((c) => !uit.includes(c));

export const MODULES: DemoModule[] = [
  {
    code: 'INKOOP',
    naam: 'Inkoop Zorg',
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
    taakveld: '6.72',
    deelnames: vanaf('2017-04-01', ALLE),
    begroting: { lasten2024: 1_452_318.47, baten2024: 0, grondslag: 'INWONERS' },
  },
  {
    code: 'INKOOP-WMO',
    naam: 'Inkoop Wmo',
    omschrijving: 'Inkoop van maatwerkvoorzieningen Wmo en activerend werk.',
    programma: 'ZORG',
    hoofdmodule: 'INKOOP',
    startdatum: '2017-04-01',
    taakveld: '6.71',
    // Demo: Wageningen leaves the Wmo submodule on 1 January 2023.
    deelnames: vanaf('2017-04-01', ALLE, [{ cbsCode: 'GM0289', vanaf: '2017-04-01', tot: '2023-01-01' }]),
    begroting: { lasten2024: 1_104_906.12, baten2024: 0, grondslag: 'INWONERS' },
  },
  {
    code: 'INKOOP-BW',
    naam: 'Inkoop Beschermd wonen',
    omschrijving: 'Inkoop van beschermd wonen en maatschappelijke opvang.',
    programma: 'ZORG',
    hoofdmodule: 'INKOOP',
    startdatum: '2017-04-01',
    taakveld: '6.81',
    deelnames: vanaf('2017-04-01', ALLE),
    begroting: { lasten2024: 648_221.9, baten2024: 0, grondslag: 'INWONERS' },
  },
  {
    code: 'RFZ',
    naam: 'Regionale Facilitering Zorg',
    omschrijving: 'Regionale ondersteuning van gemeenten bij zorgtaken (demo: start 2024).',
    programma: 'ZORG',
    startdatum: '2024-01-01',
    taakveld: '6.1',
    deelnames: vanaf('2024-01-01', zonder('GM0274', 'GM0277', 'GM0289')),
    begroting: { lasten2024: 912_450.0, baten2024: 0, grondslag: 'GELIJKE_DELEN' },
  },
  {
    code: 'RBL',
    naam: 'Regionaal Bureau Leerlingzaken',
    omschrijving: 'Leerplicht, kwalificatieplicht en RMC voor zo’n 62.000 leerlingen in de regio.',
    programma: 'ONDERWIJS',
    startdatum: '2018-01-01',
    taakveld: '4.3',
    deelnames: vanaf('2018-01-01', zonder('GM0289')),
    begroting: { lasten2024: 4_213_775.3, baten2024: 1_096_400.0, grondslag: 'LEERLINGEN' },
  },
  {
    code: 'WSP',
    naam: 'Werkgeversservicepunt',
    omschrijving: 'Eén loket voor werkgevers: bemiddeling, plaatsingen en advies, samen met UWV.',
    programma: 'PARTICIPATIE',
    startdatum: '2018-01-01',
    taakveld: '6.5',
    deelnames: vanaf('2018-01-01', ALLE),
    begroting: { lasten2024: 2_318_642.75, baten2024: 402_000.0, grondslag: 'INWONERS' },
  },
  {
    code: 'WGSW',
    naam: 'Werkgeverschap SW',
    omschrijving: 'Formeel werkgever van de SW-medewerkers die bij Scalabor werken, onder een DVO met Scalabor.',
    programma: 'PARTICIPATIE',
    startdatum: '2019-01-01',
    taakveld: '6.4',
    // The plan names nine participating gemeenten; which two do not take part is demo data.
    deelnames: vanaf('2019-01-01', zonder('GM0274', 'GM0289')),
    begroting: { lasten2024: 61_874_212.64, baten2024: 1_812_500.0, grondslag: 'SW_ARBEIDSJAREN' },
  },
  {
    code: 'INBURGERING',
    naam: 'Contractmanagement Inburgering',
    omschrijving: 'Contractmanagement van de inburgeringsvoorzieningen (demo: start 2022).',
    programma: 'PARTICIPATIE',
    startdatum: '2022-01-01',
    taakveld: '6.1',
    // Demo: Overbetuwe joins on 1 July 2024, so it pays half a year pro rata in 2024.
    deelnames: [
      ...vanaf('2022-01-01', ['GM0202', 'GM0221', 'GM0226', 'GM1705', 'GM0275', 'GM0293', 'GM0299']),
      { cbsCode: 'GM1734', vanaf: '2024-07-01' },
    ],
    begroting: { lasten2024: 1_187_300.0, baten2024: 0, grondslag: 'VASTE_PERCENTAGES' },
  },
];

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
  /** Demo: typical quarterly value for the region (GEMEENTE kpis are split by inhabitants). */
  typisch: number;
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
  { module: 'RBL', code: 'VSV_PERCENTAGE', naam: 'Voortijdig schoolverlaters', eenheid: 'PERCENTAGE', richting: 'LAGER_IS_BETER', niveau: 'REGIO', ondergrens: '0', bovengrens: '100', typisch: 1.9, normFactor: 0.95 },
  { module: 'WSP', code: 'PLAATSINGEN', naam: 'Plaatsingen bij werkgevers', eenheid: 'AANTAL', richting: 'HOGER_IS_BETER', niveau: 'GEMEENTE', ondergrens: '0', typisch: 310, normFactor: 1.05 },
  { module: 'WSP', code: 'WERKGEVERSCONTACTEN', naam: 'Werkgeverscontacten', eenheid: 'AANTAL', richting: 'HOGER_IS_BETER', niveau: 'REGIO', ondergrens: '0', typisch: 1250, normFactor: 1.0 },
  { module: 'WGSW', code: 'SW_ARBEIDSJAREN', naam: 'SW-arbeidsjaren in dienst', eenheid: 'FTE', richting: 'HOGER_IS_BETER', niveau: 'GEMEENTE', ondergrens: '0', typisch: 1263, normFactor: 0.98 },
  { module: 'WGSW', code: 'ZIEKTEVERZUIM', naam: 'Ziekteverzuim SW-medewerkers', eenheid: 'PERCENTAGE', richting: 'LAGER_IS_BETER', niveau: 'REGIO', ondergrens: '0', bovengrens: '100', typisch: 14.2, normFactor: 0.95 },
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
