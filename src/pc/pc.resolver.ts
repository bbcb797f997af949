import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ErrorCode, hubError } from '../core/errors.js';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import { begrotingLezen, BegrotingType } from '../begroting/begroting.types.js';
import { jaarrekeningLezen, JaarrekeningType } from '../begroting/jaarrekening.types.js';
import type { Context } from '../context.js';
import { LocalDate } from '../core/graphql-types.js';
import { JaarArg } from '../core/jaar.js';
import type { ReadModel } from '../core/read-model.js';
import { gemeenteLezen, GemeenteType } from '../gemeente/gemeente.types.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';
import { commissieadviesLezen, CommissieadviesType } from './bestuur.types.js';
import { komendeTermijnen, leesPcDocument, openstaandeZienswijzen, pcKalender, zienswijzenVan, zoekPcDocumenten, zoekTermijnregels } from './pc-kalender.service.js';
import { PcDocumentSoort } from './pc.entity.js';
import { PcDocumentInvoer, TermijnregelInvoer, ZienswijzeInvoer, ZienswijzeReactieInvoer } from './pc.inputs.js';
import {
  idVan,
  pcDocumentToevoegen,
  pcDocumentVaststellen,
  pcDocumentVerzenden,
  pcDocumentVoorZienswijze,
  termijnregelWijzigen,
  zienswijzeBeantwoorden,
  zienswijzeVastleggen,
} from './pc.service.js';
import { OpenstaandeZienswijzenType, pcDocumentLezen, PcDocumentType, PcTermijnType, termijnregelLezen, TermijnregelType, zienswijzeLezen, ZienswijzeType } from './pc.types.js';

type Koppeltabel = 'pc_document_module' | 'pc_document_begroting' | 'pc_document_jaarrekening';

/**
 * The rows a link table points to, per row on its other side (a document's modules, a jaarrekening's
 * documents …), through the request's loaders: one statement for the links of every row asked, one
 * for the rows pointed to.
 */
function gekoppeld<R extends { id: number }>(ctx: Context, tabel: Koppeltabel, van: string, naar: string, model: ReadModel<any, R>, id: number): Promise<R[]> {
  return ctx.loaders
    .custom<number, number[]>(`pc#${tabel}#${van}`, async (ids) => {
      const rijen = await ctx.em
        .getConnection()
        .execute<{ bron: number; doel: number }[]>(`select ${van} as bron, ${naar} as doel from ${tabel} where ${van} = any(?::int[]) order by ${naar}`, [`{${ids.join(',')}}`]);
      return ids.map((id) => rijen.filter((r) => r.bron === id).map((r) => r.doel));
    })
    .load(id)
    .then(async (doelen) => (await ctx.loaders.read(model).loadMany(doelen)).filter((r): r is R => r !== null && !(r instanceof Error)));
}

const BEHEERDER = [Rol.BEHEERDER];

/** Queries and mutations of the P&C cycle; everyone signed in reads, the beheerder writes. */
@Resolver()
export class PcResolver {
  @Query(() => [PcDocumentType], { description: 'P&C-stukken, te filteren op jaar en soort.' })
  pcDocumenten(
    @Ctx() ctx: Context,
    @JaarArg('jaar', { nullable: true }) jaar?: number,
    @Arg('soort', () => PcDocumentSoort, { nullable: true }) soort?: PcDocumentSoort,
  ): Promise<PcDocumentType[]> {
    return zoekPcDocumenten(ctx.em, jaar, soort);
  }

  @Query(() => PcDocumentType, { description: 'Eén P&C-stuk.' })
  pcDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PcDocumentType> {
    return leesPcDocument(ctx.em, idVan(id, 'P&C-stuk'));
  }

  @Query(() => [PcTermijnType], {
    description:
      'De P&C-kalender van begrotingsjaar jaar: elke termijn van de stukken van die cyclus (kadernota, ontwerpbegroting, begroting en wijzigingen en uitvoeringsprogramma van jaar; ' +
      'voorlopige jaarrekening en jaarrekening van jaar − 2, die in hetzelfde kalenderjaar jaar − 1 vallen; uitvoeringsplannen die jaar omvatten), met uiterste datum, ' +
      'datum gedaan en status; zienswijzen per deelnemende raad. Vroegste termijn eerst.',
  })
  pcKalender(@JaarArg('jaar') jaar: number, @Ctx() ctx: Context): Promise<PcTermijnType[]> {
    return pcKalender(ctx, jaar);
  }

  @Query(() => [PcTermijnType], {
    description: 'Wat komt eraan: de P&C-termijnen die nog niet gedaan zijn en binnen `weken` weken (standaard 8) verlopen, plus die al verlopen zijn; vroegste eerst, volgens de klok van de hub.',
  })
  pcKomendeTermijnen(@Arg('weken', () => Int, { nullable: true, defaultValue: 8 }) gevraagd: number | null, @Ctx() ctx: Context): Promise<PcTermijnType[]> {
    const weken = gevraagd ?? 8;
    if (!Number.isInteger(weken) || weken < 0 || weken > 52) throw hubError(ErrorCode.BAD_USER_INPUT, `weken moet tussen 0 en 52 liggen (nu: ${weken}).`);
    return komendeTermijnen(ctx, weken);
  }

  @Query(() => [TermijnregelType], { description: 'De termijnregels van de P&C-kalender, met hun wettelijke grondslag.' })
  termijnregels(@Ctx() ctx: Context): Promise<TermijnregelType[]> {
    return zoekTermijnregels(ctx.em);
  }

  @Query(() => [ZienswijzeType], { description: 'De zienswijzen op een P&C-stuk; een gemeente ziet alleen die van haar eigen raad.' })
  async zienswijzen(@Arg('document', () => ID) document: string, @Ctx() ctx: Context): Promise<ZienswijzeType[]> {
    const stuk = await leesPcDocument(ctx.em, idVan(document, 'P&C-stuk'));
    return zienswijzenVan(ctx, stuk.id);
  }

  @Query(() => OpenstaandeZienswijzenType, { description: 'Welke deelnemende raden nog geen zienswijze gaven op een stuk, en tot wanneer de termijn loopt.' })
  async openstaandeZienswijzen(@Arg('document', () => ID) document: string, @Ctx() ctx: Context): Promise<OpenstaandeZienswijzenType> {
    return openstaandeZienswijzen(ctx, await leesPcDocument(ctx.em, idVan(document, 'P&C-stuk')));
  }

  @Mutation(() => PcDocumentType, { description: 'Voegt een P&C-stuk toe als concept, met modules en de begrotingsversies of jaarrekeningen die het draagt (beheerder).' })
  async pcDocumentToevoegen(@Arg('invoer', () => PcDocumentInvoer) invoer: PcDocumentInvoer, @Ctx() ctx: Context): Promise<PcDocumentType> {
    vereisRol(ctx.identity, BEHEERDER, 'P&C-stukken toevoegen');
    const document = await pcDocumentToevoegen(ctx, invoer);
    return ctx.loaders.readAfterWrite(pcDocumentLezen, document.id);
  }

  @Mutation(() => PcDocumentType, {
    description: 'Legt vast dat het stuk aan de raden is verzonden; de zienswijzetermijn volgt uit de termijnregel van de soort (leeg als de wet geen zienswijze kent). Beheerder.',
  })
  async pcDocumentVoorZienswijze(@Arg('id', () => ID) id: string, @Arg('verzondenOp', () => LocalDate) verzondenOp: string, @Ctx() ctx: Context): Promise<PcDocumentType> {
    vereisRol(ctx.identity, BEHEERDER, 'P&C-stukken verzenden');
    const document = await pcDocumentVoorZienswijze(ctx, idVan(id, 'P&C-stuk'), verzondenOp);
    return ctx.loaders.readAfterWrite(pcDocumentLezen, document.id);
  }

  @Mutation(() => PcDocumentType, { description: 'Legt de vaststelling door het algemeen bestuur vast; niet vóór het einde van de zienswijzetermijn (beheerder).' })
  async pcDocumentVaststellen(@Arg('id', () => ID) id: string, @Arg('vastgesteldOp', () => LocalDate) vastgesteldOp: string, @Ctx() ctx: Context): Promise<PcDocumentType> {
    vereisRol(ctx.identity, BEHEERDER, 'P&C-stukken vaststellen');
    const document = await pcDocumentVaststellen(ctx, idVan(id, 'P&C-stuk'), vastgesteldOp);
    return ctx.loaders.readAfterWrite(pcDocumentLezen, document.id);
  }

  @Mutation(() => PcDocumentType, { description: 'Legt de toezending van het vastgestelde stuk aan de toezichthouder (Gedeputeerde Staten) vast (beheerder).' })
  async pcDocumentVerzenden(@Arg('id', () => ID) id: string, @Arg('verzondenOp', () => LocalDate) verzondenOp: string, @Ctx() ctx: Context): Promise<PcDocumentType> {
    vereisRol(ctx.identity, BEHEERDER, 'P&C-stukken verzenden');
    const document = await pcDocumentVerzenden(ctx, idVan(id, 'P&C-stuk'), verzondenOp);
    return ctx.loaders.readAfterWrite(pcDocumentLezen, document.id);
  }

  @Mutation(() => ZienswijzeType, { description: 'Legt de zienswijze van een deelnemende raad vast; een te late wordt vastgelegd en gemarkeerd (beheerder).' })
  async zienswijzeVastleggen(@Arg('invoer', () => ZienswijzeInvoer) invoer: ZienswijzeInvoer, @Ctx() ctx: Context): Promise<ZienswijzeType> {
    vereisRol(ctx.identity, BEHEERDER, 'zienswijzen vastleggen');
    const zienswijze = await zienswijzeVastleggen(ctx, invoer);
    return ctx.loaders.readAfterWrite(zienswijzeLezen, zienswijze.id);
  }

  @Mutation(() => ZienswijzeType, { description: 'Legt de reactie van het dagelijks bestuur op een zienswijze vast, en of het algemeen bestuur haar volgde (beheerder).' })
  async zienswijzeBeantwoorden(@Arg('invoer', () => ZienswijzeReactieInvoer) invoer: ZienswijzeReactieInvoer, @Ctx() ctx: Context): Promise<ZienswijzeType> {
    vereisRol(ctx.identity, BEHEERDER, 'zienswijzen beantwoorden');
    const zienswijze = await zienswijzeBeantwoorden(ctx, invoer);
    return ctx.loaders.readAfterWrite(zienswijzeLezen, zienswijze.id);
  }

  @Mutation(() => TermijnregelType, { description: 'Wijzigt een termijnregel van de P&C-kalender (beheerder); de kalender rekent de uiterste datums opnieuw uit.' })
  async termijnregelWijzigen(@Arg('invoer', () => TermijnregelInvoer) invoer: TermijnregelInvoer, @Ctx() ctx: Context): Promise<TermijnregelType> {
    vereisRol(ctx.identity, BEHEERDER, 'termijnregels wijzigen');
    const regel = await termijnregelWijzigen(ctx, invoer);
    return ctx.loaders.readAfterWrite(termijnregelLezen, regel.id);
  }

}

@Resolver(() => PcDocumentType)
export class PcDocumentResolver {
  @FieldResolver(() => [ModuleType], { description: 'De modules waar het stuk over gaat; leeg = alle modules.' })
  modules(@Root() document: PcDocumentType, @Ctx() ctx: Context): Promise<ModuleType[]> {
    return gekoppeld(ctx, 'pc_document_module', 'document_id', 'module_id', moduleLezen, document.id);
  }

  @FieldResolver(() => [BegrotingType], { description: 'De begrotingsversies met de cijfers van het stuk (leeg als ze niet zijn gekoppeld).' })
  begrotingen(@Root() document: PcDocumentType, @Ctx() ctx: Context): Promise<BegrotingType[]> {
    return gekoppeld(ctx, 'pc_document_begroting', 'document_id', 'begroting_id', begrotingLezen, document.id);
  }

  @FieldResolver(() => [JaarrekeningType], { description: 'De jaarrekeningen met de cijfers van een (voorlopige) jaarrekening (leeg als ze niet zijn gekoppeld).' })
  jaarrekeningen(@Root() document: PcDocumentType, @Ctx() ctx: Context): Promise<JaarrekeningType[]> {
    return gekoppeld(ctx, 'pc_document_jaarrekening', 'document_id', 'jaarrekening_id', jaarrekeningLezen, document.id);
  }

  @FieldResolver(() => [ZienswijzeType], { description: 'De zienswijzen op het stuk; een gemeente ziet alleen die van haar eigen raad.' })
  zienswijzen(@Root() document: PcDocumentType, @Ctx() ctx: Context): Promise<ZienswijzeType[]> {
    return zienswijzenVan(ctx, document.id);
  }

  @FieldResolver(() => [CommissieadviesType], { description: 'De adviezen van bestuurscommissies over het stuk.' })
  adviezen(@Root() document: PcDocumentType, @Ctx() ctx: Context): Promise<CommissieadviesType[]> {
    return ctx.loaders.readManyBy(commissieadviesLezen, { relation: 'document', key: 'documentId' }).load(document.id);
  }

  @FieldResolver(() => OpenstaandeZienswijzenType, { description: 'Deelnemende raden zonder zienswijze, en het einde van de termijn.' })
  openstaandeZienswijzen(@Root() document: PcDocumentType, @Ctx() ctx: Context): Promise<OpenstaandeZienswijzenType> {
    return openstaandeZienswijzen(ctx, document);
  }
}

/** A jaarrekening's documents live here: the P&C cycle sits above the figures it carries. */
@Resolver(() => JaarrekeningType)
export class JaarrekeningPcResolver {
  @FieldResolver(() => [PcDocumentType], { description: 'De P&C-stukken ((voorlopige) jaarrekening) die deze jaarrekening dragen.' })
  pcDocumenten(@Root() jaarrekening: JaarrekeningType, @Ctx() ctx: Context): Promise<PcDocumentType[]> {
    return gekoppeld(ctx, 'pc_document_jaarrekening', 'jaarrekening_id', 'document_id', pcDocumentLezen, jaarrekening.id);
  }
}

@Resolver(() => ZienswijzeType)
export class ZienswijzeResolver {
  @FieldResolver(() => PcDocumentType)
  document(@Root() zienswijze: ZienswijzeType, @Ctx() ctx: Context): PcDocumentType | Promise<PcDocumentType> {
    return ctx.loaders.readRef(pcDocumentLezen, zienswijze.documentId);
  }

  @FieldResolver(() => GemeenteType)
  gemeente(@Root() zienswijze: ZienswijzeType, @Ctx() ctx: Context): GemeenteType | Promise<GemeenteType> {
    return ctx.loaders.readRef(gemeenteLezen, zienswijze.gemeenteId);
  }
}
