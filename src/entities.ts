import { AuditLog } from './audit/audit-log.entity.js';
import { ApiToken } from './auth/api-token.entity.js';
import { Begroting } from './begroting/begroting.entity.js';
import { BegrotingRaming } from './begroting/begroting-raming.entity.js';
import { Jaarrekening } from './begroting/jaarrekening.entity.js';
import { Jaarafsluiting } from './jaarafsluiting/jaarafsluiting.entity.js';
import { Bijdrage } from './bijdrage/bijdrage.entity.js';
import { Deelname } from './deelname/deelname.entity.js';
import { DvoNorm } from './kpi/dvo-norm.entity.js';
import { Dvo } from './dvo/dvo.entity.js';
import { Gemeente } from './gemeente/gemeente.entity.js';
import { Inwonertal } from './gemeente/inwonertal.entity.js';
import { Kpi } from './kpi/kpi.entity.js';
import { Module } from './module/module.entity.js';
import { Programma } from './module/programma.entity.js';
import { Realisatie, RealisatiePrognose } from './realisatie/realisatie.entity.js';
import { Organisatie } from './organisatie/organisatie.entity.js';
import { Bestuurscommissie, BestuurscommissieLid, Commissieadvies, Commissievergadering } from './pc/bestuur.entity.js';
import { PcDocument, PcDocumentBegroting, PcDocumentJaarrekening, PcDocumentModule, Termijnregel, Zienswijze } from './pc/pc.entity.js';
import { KpiWaarde } from './rapportage/kpi-waarde.entity.js';
import { Kwartaalrapportage } from './rapportage/kwartaalrapportage.entity.js';
import { VerdeelsleutelEenheid } from './verdeelsleutel/verdeelsleutel-eenheid.entity.js';
import { Verdeelsleutel } from './verdeelsleutel/verdeelsleutel.entity.js';
import { Reserve, Reservemutatie } from './resultaat/reserve.entity.js';
import { Resultaatbestemming, ResultaatbestemmingRegel } from './resultaat/resultaatbestemming.entity.js';

/** Every MikroORM entity, listed explicitly (no folder scanning: works the same under tsx, vitest and tsc). */
export const entities = [
  Gemeente,
  Inwonertal,
  Programma,
  Module,
  Deelname,
  Organisatie,
  Dvo,
  DvoNorm,
  Begroting,
  BegrotingRaming,
  Jaarrekening,
  Jaarafsluiting,
  Verdeelsleutel,
  VerdeelsleutelEenheid,
  Bijdrage,
  Realisatie,
  RealisatiePrognose,
  Reserve,
  Resultaatbestemming,
  ResultaatbestemmingRegel,
  Reservemutatie,
  PcDocument,
  PcDocumentModule,
  PcDocumentBegroting,
  PcDocumentJaarrekening,
  Zienswijze,
  Termijnregel,
  Bestuurscommissie,
  BestuurscommissieLid,
  Commissievergadering,
  Commissieadvies,
  Kpi,
  Kwartaalrapportage,
  KpiWaarde,
  AuditLog,
  ApiToken,
];
