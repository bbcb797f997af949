/**
 * What each export (CSV and Excel) fetches: a GraphQL operation of the public API (so filters,
 * validation and authorization are exactly those of the graph) and the columns taken from each row.
 * The key is the file name without extension: `bijdragen` serves bijdragen.csv and bijdragen.xlsx.
 */
/** `tijdstip`: a DateTime of the graph (ISO 8601, UTC); in Excel a date cell in Dutch time. */
export type Soort = 'tekst' | 'getal' | 'bedrag' | 'janee' | 'tijdstip';

export interface Kolom {
  kop: string;
  pad: string;
  soort: Soort;
}

export interface ExportDefinitie {
  query: string;
  /** Path to the list in the response; for a connection, to the connection (paged through with `after`). */
  lijst: string;
  connection: boolean;
  kolommen: Kolom[];
  /** Query-string parameters passed as GraphQL variables, with how to read them. */
  /** `lijst` always passes a list (empty when absent); `lijst?` passes nothing when absent. */
  variabelen: Record<string, 'json' | 'int' | 'lijst' | 'lijst?' | 'tekst' | 'boolean'>;
}

const k = (kop: string, pad: string, soort: Soort = 'tekst'): Kolom => ({ kop, pad, soort });

export const EXPORTS: Record<string, ExportDefinitie> = {
  'bijdragen': {
    query: `query ($where: BijdrageWhere, $orderBy: [BijdrageOrder!], $alleenActueel: Boolean, $after: String) {
      bijdragen(where: $where, orderBy: $orderBy, alleenActueel: $alleenActueel, first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { jaar fase bedrag taakveld taakveldNaam actueel gemeente { cbsCode naam } module { code naam } begroting { soort volgnummer } jaarrekening { vastgesteldOp } }
      } }`,
    lijst: 'bijdragen',
    connection: true,
    variabelen: { where: 'json', orderBy: 'json', alleenActueel: 'boolean' },
    kolommen: [
      k('CBS-code', 'gemeente.cbsCode'),
      k('Gemeente', 'gemeente.naam'),
      k('Module', 'module.code'),
      k('Modulenaam', 'module.naam'),
      k('Jaar', 'jaar', 'getal'),
      k('Fase', 'fase'),
      k('Taakveld', 'taakveld'),
      k('Taakveldnaam', 'taakveldNaam'),
      k('Begrotingsversie', 'begroting.soort'),
      k('Volgnummer', 'begroting.volgnummer', 'getal'),
      // A realised contribution comes from the jaarrekening, not from a budget version.
      k('Jaarrekening vastgesteld op', 'jaarrekening.vastgesteldOp'),
      k('Actueel', 'actueel', 'janee'),
      k('Bedrag', 'bedrag', 'bedrag'),
    ],
  },
  'bijdrage-totalen': {
    query: `query ($groupBy: [BijdrageGroepering!]!, $where: BijdrageWhere, $alleenActueel: Boolean) {
      bijdrageTotalen(groupBy: $groupBy, where: $where, alleenActueel: $alleenActueel) {
        gemeente { cbsCode naam } module { code } jaar fase versie taakveld taakveldNaam som gemiddelde minimum maximum aantal
      } }`,
    lijst: 'bijdrageTotalen',
    connection: false,
    variabelen: { groupBy: 'lijst', where: 'json', alleenActueel: 'boolean' },
    kolommen: [
      k('CBS-code', 'gemeente.cbsCode'),
      k('Gemeente', 'gemeente.naam'),
      k('Module', 'module.code'),
      k('Jaar', 'jaar', 'getal'),
      k('Fase', 'fase'),
      k('Versie', 'versie', 'getal'),
      k('Taakveld', 'taakveld'),
      k('Taakveldnaam', 'taakveldNaam'),
      k('Som', 'som', 'bedrag'),
      k('Gemiddelde', 'gemiddelde', 'bedrag'),
      k('Minimum', 'minimum', 'bedrag'),
      k('Maximum', 'maximum', 'bedrag'),
      k('Aantal', 'aantal', 'getal'),
    ],
  },
  'kostenoverzicht': {
    query: `query ($jaar: Int!, $fase: Fase, $modules: [String!], $gemeenten: [CbsCode!], $taakvelden: [String!]) {
      kostenoverzicht(jaar: $jaar, fase: $fase, modules: $modules, gemeenten: $gemeenten, taakvelden: $taakvelden) {
        regels { gemeente { cbsCode naam } module { code } jaar begroot gewijzigd naWijziging gerealiseerd verschil inwoners bedrag perInwoner geraamd ramingUit }
      } }`,
    lijst: 'kostenoverzicht.regels',
    connection: false,
    variabelen: { jaar: 'int', fase: 'tekst', modules: 'lijst?', gemeenten: 'lijst?', taakvelden: 'lijst?' },
    kolommen: [
      k('CBS-code', 'gemeente.cbsCode'),
      k('Gemeente', 'gemeente.naam'),
      k('Module', 'module.code'),
      k('Jaar', 'jaar', 'getal'),
      k('Begroot', 'begroot', 'bedrag'),
      k('Gewijzigd', 'gewijzigd', 'bedrag'),
      k('Begroting na wijziging', 'naWijziging', 'bedrag'),
      k('Gerealiseerd', 'gerealiseerd', 'bedrag'),
      k('Verschil', 'verschil', 'bedrag'),
      k('Inwoners', 'inwoners', 'getal'),
      k('Bedrag (gevraagde fase)', 'bedrag', 'bedrag'),
      k('Per inwoner', 'perInwoner', 'bedrag'),
      // The meerjarenraming beside the adopted figures, never in them (see kostenoverzicht).
      k('Geraamd (meerjarenraming)', 'geraamd', 'bedrag'),
      k('Raming uit begroting', 'ramingUit', 'getal'),
    ],
  },
  'kpi-waarden': {
    query: `query ($where: KpiWaardeWhere, $orderBy: [KpiWaardeOrder!], $alleenActueel: Boolean, $after: String) {
      kpiWaarden(where: $where, orderBy: $orderBy, alleenActueel: $alleenActueel, first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { waarde norm gehaald toelichting kpi { code naam eenheid periode } gemeente { cbsCode naam } rapportage { jaar kwartaal versie status module { code } } }
      } }`,
    lijst: 'kpiWaarden',
    connection: true,
    variabelen: { where: 'json', orderBy: 'json', alleenActueel: 'boolean' },
    kolommen: [
      k('Module', 'rapportage.module.code'),
      k('KPI', 'kpi.code'),
      k('KPI-naam', 'kpi.naam'),
      k('Eenheid', 'kpi.eenheid'),
      k('CBS-code', 'gemeente.cbsCode'),
      k('Gemeente', 'gemeente.naam'),
      k('Jaar', 'rapportage.jaar', 'getal'),
      k('Kwartaal', 'rapportage.kwartaal', 'getal'),
      k('Versie', 'rapportage.versie', 'getal'),
      k('Status', 'rapportage.status'),
      k('Periode', 'kpi.periode'),
      k('Waarde', 'waarde', 'getal'),
      k('Norm', 'norm', 'getal'),
      k('Gehaald', 'gehaald', 'janee'),
      k('Toelichting', 'toelichting'),
    ],
  },
  'kpi-totalen': {
    query: `query ($groupBy: [KpiGroepering!]!, $where: KpiWaardeWhere) {
      kpiTotalen(groupBy: $groupBy, where: $where) {
        kpi { code } gemeente { cbsCode } module { code } jaar kwartaal som gemiddelde minimum maximum aantal
      } }`,
    lijst: 'kpiTotalen',
    connection: false,
    variabelen: { groupBy: 'lijst', where: 'json' },
    kolommen: [
      k('Module', 'module.code'),
      k('KPI', 'kpi.code'),
      k('CBS-code', 'gemeente.cbsCode'),
      k('Jaar', 'jaar', 'getal'),
      k('Kwartaal', 'kwartaal', 'getal'),
      k('Som', 'som', 'getal'),
      k('Gemiddelde', 'gemiddelde', 'getal'),
      k('Minimum', 'minimum', 'getal'),
      k('Maximum', 'maximum', 'getal'),
      k('Aantal', 'aantal', 'getal'),
    ],
  },
  'kwartaalrapportages': {
    query: `query ($where: RapportageWhere, $after: String) {
      kwartaalrapportages(where: $where, first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { module { code } jaar kwartaal versie status reden ingediendOp goedgekeurdOp }
      } }`,
    lijst: 'kwartaalrapportages',
    connection: true,
    variabelen: { where: 'json' },
    kolommen: [
      k('Module', 'module.code'),
      k('Jaar', 'jaar', 'getal'),
      k('Kwartaal', 'kwartaal', 'getal'),
      k('Versie', 'versie', 'getal'),
      k('Status', 'status'),
      k('Reden', 'reden'),
      k('Ingediend op', 'ingediendOp', 'tijdstip'),
      k('Goedgekeurd op', 'goedgekeurdOp', 'tijdstip'),
    ],
  },
  // The Iv3 verdelingsmatrix as a flat table (review twin of GET /export/iv3.json); amounts in euro with cents.
  'iv3': {
    query: `query ($jaar: Int!, $kwartaal: Int) {
      iv3Aanlevering(jaar: $jaar, kwartaal: $kwartaal) { regels { boekjaar periode sectie taakveld categorie bedrag } } }`,
    lijst: 'iv3Aanlevering.regels',
    connection: false,
    variabelen: { jaar: 'int', kwartaal: 'int' },
    kolommen: [
      k('Boekjaar', 'boekjaar', 'getal'),
      k('Periode', 'periode', 'getal'),
      k('Sectie', 'sectie'),
      k('Taakveld', 'taakveld'),
      k('Categorie', 'categorie'),
      k('Bedrag', 'bedrag', 'bedrag'),
    ],
  },
  'audit-log': {
    query: `query ($where: AuditLogWhere, $after: String) {
      auditLog(where: $where, first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { wanneer wie actie entiteit entiteitId }
      } }`,
    lijst: 'auditLog',
    connection: true,
    variabelen: { where: 'json' },
    kolommen: [k('Wanneer', 'wanneer', 'tijdstip'), k('Wie', 'wie'), k('Actie', 'actie'), k('Entiteit', 'entiteit'), k('Id', 'entiteitId')],
  },
};
