import type { GraphQLSchema } from 'graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AanmeldingResolver } from './aanmelding/aanmelding.resolver.js';
import { AuditLogResolver } from './audit/audit.resolver.js';
import { ApiTokenResolver } from './api-token/api-token.resolver.js';
import { BegrotingResolver } from './begroting/begroting.resolver.js';
import { JaarrekeningResolver } from './begroting/jaarrekening.resolver.js';
import { BegrotingenVanModuleResolver } from './begroting/begrotingen-van.resolver.js';
import { BijdrageResolver, BijdrageTotaalResolver } from './bijdrage/bijdrage.resolver.js';
import { BijdragenVanDeelnameResolver, BijdragenVanGemeenteResolver, BijdragenVanModuleResolver } from './bijdrage/bijdragen-van.resolver.js';
import { AfrekeningRegelResolver, BerekeningResolver, VoorschotGemeenteResolver } from './bijdrage/berekening.resolver.js';
import { KostenoverzichtResolver } from './bijdrage/kostenoverzicht.resolver.js';
import { MeerjarenramingResolver, RamingBijdrageResolver, RamingGemeenteResolver, RamingModuleResolver } from './bijdrage/meerjarenraming.resolver.js';
import { DeelnameResolver } from './deelname/deelname.resolver.js';
import { DeelnamesVanGemeenteResolver, DeelnemersVanModuleResolver } from './deelname/deelnames-van.resolver.js';
import { DvoResolver } from './dvo/dvo.resolver.js';
import { DvosVanGemeenteResolver, DvosVanModuleResolver, DvosVanOrganisatieResolver } from './dvo/dvos-van.resolver.js';
import { GemeenteResolver } from './gemeente/gemeente.resolver.js';
import { JaarafsluitingResolver } from './jaarafsluiting/jaarafsluiting.resolver.js';
import { DvoNormResolver, NormenVanDvoResolver } from './kpi/dvo-norm.resolver.js';
import { KpiResolver } from './kpi/kpi.resolver.js';
import { KpisVanModuleResolver } from './kpi/kpis-van.resolver.js';
import { ModuleResolver, ProgrammaResolver } from './module/module.resolver.js';
import { BestuurscommissieLidResolver, BestuurscommissieResolver, CommissieadviesResolver } from './pc/bestuur.resolver.js';
import { JaarrekeningPcResolver, PcDocumentResolver, PcResolver, ZienswijzeResolver } from './pc/pc.resolver.js';
import { OrganisatieResolver } from './organisatie/organisatie.resolver.js';
import { BestuursrapportageResolver, RealisatieResolver } from './realisatie/realisatie.resolver.js';
import { TaakveldResolver } from './taakveld/taakveld.resolver.js';
import { LevenscyclusResolver, RapportageStandResolver } from './rapportage/levenscyclus.resolver.js';
import { KpiReeksResolver } from './rapportage/kpi-reeks.resolver.js';
import { KpiTotaalResolver, KpiWaardeResolver, KwartaalrapportageResolver } from './rapportage/rapportage.resolver.js';
import { KpiWaardenVanDeelnameResolver, RapportagesVanModuleResolver } from './rapportage/rapportages-van.resolver.js';
import { VerdeelsleutelEenheidResolver, VerdeelsleutelResolver } from './verdeelsleutel/verdeelsleutel.resolver.js';
import { VerdeelsleutelsVanModuleResolver } from './verdeelsleutel/verdeelsleutels-van.resolver.js';
import {
  JaarresultaatResolver,
  ReservemutatieResolver,
  ReserveResolver,
  ReservestandResolver,
  ResultaatbestemmingRegelResolver,
  ResultaatbestemmingResolver,
} from './resultaat/resultaat.resolver.js';

const resolvers = [
  AanmeldingResolver,
  GemeenteResolver,
  ModuleResolver,
  ProgrammaResolver,
  DeelnameResolver,
  DeelnemersVanModuleResolver,
  DeelnamesVanGemeenteResolver,
  OrganisatieResolver,
  DvoResolver,
  DvosVanModuleResolver,
  DvosVanGemeenteResolver,
  DvosVanOrganisatieResolver,
  BegrotingResolver,
  JaarrekeningResolver,
  BegrotingenVanModuleResolver,
  JaarafsluitingResolver,
  TaakveldResolver,
  VerdeelsleutelResolver,
  VerdeelsleutelsVanModuleResolver,
  VerdeelsleutelEenheidResolver,
  BijdrageResolver,
  BijdragenVanModuleResolver,
  BijdragenVanGemeenteResolver,
  BijdragenVanDeelnameResolver,
  BijdrageTotaalResolver,
  KostenoverzichtResolver,
  MeerjarenramingResolver,
  RamingModuleResolver,
  RamingBijdrageResolver,
  RamingGemeenteResolver,
  BerekeningResolver,
  AfrekeningRegelResolver,
  VoorschotGemeenteResolver,
  RealisatieResolver,
  BestuursrapportageResolver,
  JaarresultaatResolver,
  ResultaatbestemmingResolver,
  ResultaatbestemmingRegelResolver,
  ReserveResolver,
  ReservemutatieResolver,
  ReservestandResolver,
  PcResolver,
  JaarrekeningPcResolver,
  PcDocumentResolver,
  ZienswijzeResolver,
  BestuurscommissieResolver,
  BestuurscommissieLidResolver,
  CommissieadviesResolver,
  KpiResolver,
  KpisVanModuleResolver,
  NormenVanDvoResolver,
  DvoNormResolver,
  KwartaalrapportageResolver,
  RapportagesVanModuleResolver,
  KpiWaardeResolver,
  KpiWaardenVanDeelnameResolver,
  KpiTotaalResolver,
  KpiReeksResolver,
  LevenscyclusResolver,
  RapportageStandResolver,
  AuditLogResolver,
  ApiTokenResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The GraphQL schema, built once per process from the type-graphql classes. */
export function hubSchema(): Promise<GraphQLSchema> {
  // Inputs are checked with class-validator (Dutch messages on the decorators) before a resolver runs.
  built ??= buildSchema({ resolvers, validate: { forbidUnknownValues: false } });
  return built;
}

export const SCHEMA_HEADER =
  '# Gegenereerd uit de code (src/**/*.resolver.ts en *.entity.ts) met `npm run schema`. Niet met de hand wijzigen.\n\n';

/** The schema as committed in schema.graphql: sorted, so that diffs show real changes only. */
export async function printHubSchema(): Promise<string> {
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(await hubSchema())) + '\n';
}
