/**
 * What each CSV export fetches: a GraphQL operation of the public API (so filters, validation and
 * authorization are exactly those of the graph) and the columns taken from each row.
 */
export type Soort = 'tekst' | 'getal' | 'bedrag';

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
  variabelen: Record<string, 'json' | 'int' | 'lijst' | 'tekst' | 'boolean'>;
}

const k = (kop: string, pad: string, soort: Soort = 'tekst'): Kolom => ({ kop, pad, soort });

export const EXPORTS: Record<string, ExportDefinitie> = {
  'bijdragen.csv': {
    query: `query ($where: BijdrageWhere, $orderBy: [BijdrageOrder!], $after: String) {
      bijdragen(where: $where, orderBy: $orderBy, first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { jaar fase bedrag taakveld gemeente { cbsCode naam } module { code naam } begroting { soort volgnummer } }
      } }`,
    lijst: 'bijdragen',
    connection: true,
    variabelen: { where: 'json', orderBy: 'json' },
    kolommen: [
      k('CBS-code', 'gemeente.cbsCode'),
      k('Gemeente', 'gemeente.naam'),
      k('Module', 'module.code'),
      k('Modulenaam', 'module.naam'),
      k('Jaar', 'jaar', 'getal'),
      k('Fase', 'fase'),
      k('Taakveld', 'taakveld'),
      k('Begrotingsversie', 'begroting.soort'),
      k('Volgnummer', 'begroting.volgnummer', 'getal'),
      k('Bedrag', 'bedrag', 'bedrag'),
    ],
  },
  'bijdrage-totalen.csv': {
    query: `query ($groupBy: [BijdrageGroepering!]!, $where: BijdrageWhere) {
      bijdrageTotalen(groupBy: $groupBy, where: $where) {
        gemeente { cbsCode naam } module { code } jaar fase taakveld som gemiddelde minimum maximum aantal
      } }`,
    lijst: 'bijdrageTotalen',
    connection: false,
    variabelen: { groupBy: 'lijst', where: 'json' },
    kolommen: [
      k('CBS-code', 'gemeente.cbsCode'),
      k('Gemeente', 'gemeente.naam'),
      k('Module', 'module.code'),
      k('Jaar', 'jaar', 'getal'),
      k('Fase', 'fase'),
      k('Taakveld', 'taakveld'),
      k('Som', 'som', 'bedrag'),
      k('Gemiddelde', 'gemiddelde', 'bedrag'),
      k('Minimum', 'minimum', 'bedrag'),
      k('Maximum', 'maximum', 'bedrag'),
      k('Aantal', 'aantal', 'getal'),
    ],
  },
  'kostenoverzicht.csv': {
    query: `query ($jaar: Int!, $fase: Fase) {
      kostenoverzicht(jaar: $jaar, fase: $fase) {
        regels { gemeente { cbsCode naam } module { code } jaar begroot gewijzigd gerealiseerd verschil inwoners perInwoner }
      } }`,
    lijst: 'kostenoverzicht.regels',
    connection: false,
    variabelen: { jaar: 'int', fase: 'tekst' },
    kolommen: [
      k('CBS-code', 'gemeente.cbsCode'),
      k('Gemeente', 'gemeente.naam'),
      k('Module', 'module.code'),
      k('Jaar', 'jaar', 'getal'),
      k('Begroot', 'begroot', 'bedrag'),
      k('Gewijzigd', 'gewijzigd', 'bedrag'),
      k('Gerealiseerd', 'gerealiseerd', 'bedrag'),
      k('Verschil', 'verschil', 'bedrag'),
      k('Inwoners', 'inwoners', 'getal'),
      k('Per inwoner', 'perInwoner', 'bedrag'),
    ],
  },
  'kpi-waarden.csv': {
    query: `query ($where: KpiWaardeWhere, $orderBy: [KpiWaardeOrder!], $alleenActueel: Boolean, $after: String) {
      kpiWaarden(where: $where, orderBy: $orderBy, alleenActueel: $alleenActueel, first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { waarde toelichting kpi { code naam eenheid } gemeente { cbsCode naam } rapportage { jaar kwartaal versie status module { code } } }
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
      k('Waarde', 'waarde', 'getal'),
      k('Toelichting', 'toelichting'),
    ],
  },
  'kpi-totalen.csv': {
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
  'kwartaalrapportages.csv': {
    query: `query ($where: RapportageWhere, $after: String) {
      kwartaalrapportages(where: $where, first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { module { code } jaar kwartaal versie status reden ingediendOp vastgesteldOp }
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
      k('Ingediend op', 'ingediendOp'),
      k('Vastgesteld op', 'vastgesteldOp'),
    ],
  },
  'audit-log.csv': {
    query: `query ($where: AuditLogWhere, $after: String) {
      auditLog(where: $where, first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { wanneer wie actie entiteit entiteitId }
      } }`,
    lijst: 'auditLog',
    connection: true,
    variabelen: { where: 'json' },
    kolommen: [k('Wanneer', 'wanneer'), k('Wie', 'wie'), k('Actie', 'actie'), k('Entiteit', 'entiteit'), k('Id', 'entiteitId')],
  },
};
