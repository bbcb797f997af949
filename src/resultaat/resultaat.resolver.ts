import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { vereisRol } from '../auth/authenticate.js';
import { Rol } from '../auth/identity.js';
import { Afrekening } from '../bijdrage/afrekening.types.js';
import type { Context } from '../context.js';
import { JaarArg } from '../core/jaar.js';
import { TextArg } from '../core/spreadsheet-text.js';
import { moduleMetCode } from '../module/module.service.js';
import { moduleLezen, ModuleType } from '../module/module.types.js';
import { reserveInstellen, reservemutatieVastleggen, reservestanden, zoekReserves } from './reserve.service.js';
import { ReserveInvoer, ReservemutatieInvoer, ResultaatbestemmingInvoer } from './resultaat.inputs.js';
import { afrekeningVolgensResultaat, jaarresultaat, jaarresultaten, resultaatbestemmingIntrekken, resultaatbestemmingVastleggen } from './resultaat.service.js';
import {
  JaarresultaatType,
  reserveLezen,
  ReservemutatieType,
  reservemutatieLezen,
  ReservestandType,
  ReserveType,
  resultaatbestemmingLezen,
  resultaatbestemmingRegelLezen,
  ResultaatbestemmingRegelType,
  ResultaatbestemmingType,
} from './resultaat.types.js';

@Resolver(() => JaarresultaatType)
export class JaarresultaatResolver {
  @Query(() => JaarresultaatType, {
    description: 'Het gerealiseerde resultaat van een module over een jaar (na de jaarrekening), met de resultaatbestemming van het algemeen bestuur als die er is.',
  })
  async jaarresultaat(@Ctx() ctx: Context, @Arg('module', () => String) module: string, @JaarArg('jaar') jaar: number): Promise<JaarresultaatType> {
    return jaarresultaat(ctx.em, module, jaar);
  }

  @Query(() => [JaarresultaatType], { description: 'De resultaten van alle modules met een jaarrekening over het jaar.' })
  jaarresultaten(@Ctx() ctx: Context, @JaarArg('jaar') jaar: number): Promise<JaarresultaatType[]> {
    return jaarresultaten(ctx.em, jaar);
  }

  @Query(() => Afrekening, {
    description:
      'Nacalculatie per gemeente: wat in rekening is gebracht, wat het volgens de jaarrekening is, en wat wordt verrekend. Met een resultaatbestemming ' +
      'volgt de verrekening het besluit van het algemeen bestuur (terugbetalen/bijbetalen, verdeeld naar de verdeelsleutel van het jaar); zonder, het volledige verschil (zie grondslag).',
  })
  async afrekening(@Ctx() ctx: Context, @Arg('module', () => String) module: string, @JaarArg('jaar') jaar: number): Promise<Afrekening> {
    return afrekeningVolgensResultaat(ctx.em, await moduleMetCode(ctx.em, module), jaar);
  }

  @Mutation(() => ResultaatbestemmingType, {
    description:
      'Legt het besluit van het algemeen bestuur over het resultaat van een module over een jaar vast (beheerder), met de mutaties van de reserves, in één transactie. ' +
      'De regels tellen exact op tot het resultaat; een reserve wordt nooit negatief; één besluit per module en jaar.',
  })
  async resultaatbestemmingVastleggen(
    @Arg('invoer', () => ResultaatbestemmingInvoer) invoer: ResultaatbestemmingInvoer,
    @Ctx() ctx: Context,
  ): Promise<ResultaatbestemmingType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'een resultaatbestemming vastleggen');
    const bestemming = await resultaatbestemmingVastleggen(ctx, invoer);
    return ctx.loaders.readAfterWrite(resultaatbestemmingLezen, bestemming.id);
  }

  @Mutation(() => ResultaatbestemmingType, {
    description:
      'Trekt de geldende resultaatbestemming van een module over een jaar in (beheerder), met een reden: als het algemeen bestuur zijn besluit herroept of ' +
      'vervangt, of na een gecorrigeerde jaarrekening. Het besluit blijft bewaard; zijn reservemutaties worden op de dag van intrekking teruggeboekt. ' +
      'Daarna is de afrekening weer het volledige verschil, tot een nieuw besluit is vastgelegd.',
  })
  async resultaatbestemmingIntrekken(
    @Ctx() ctx: Context,
    @Arg('module', () => String) module: string,
    @JaarArg('jaar') jaar: number,
    @TextArg('reden', 'Reden', 'prose') reden: string,
  ): Promise<ResultaatbestemmingType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'een resultaatbestemming intrekken');
    const bestemming = await resultaatbestemmingIntrekken(ctx, module, jaar, reden);
    return ctx.loaders.readAfterWrite(resultaatbestemmingLezen, bestemming.id);
  }

  @Query(() => [ResultaatbestemmingType], {
    description: 'Alle besluiten over de resultaten van een jaar, ook ingetrokken besluiten (ingetrokkenOp), per module in volgorde van vastleggen.',
  })
  resultaatbestemmingen(
    @Ctx() ctx: Context,
    @JaarArg('jaar') jaar: number,
    @Arg('module', () => String, { nullable: true, description: 'Alleen van deze module.' }) module?: string,
  ): Promise<ResultaatbestemmingType[]> {
    return resultaatbestemmingLezen.find(ctx.em, module ? { jaar, module: { code: module } } : { jaar }, { orderBy: [{ module: { code: 'asc' } }, { id: 'asc' }] });
  }

  @FieldResolver(() => ModuleType)
  module(@Root() resultaat: JaarresultaatType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, resultaat.moduleId);
  }

  @FieldResolver(() => ResultaatbestemmingType, { nullable: true, description: 'Het besluit van het algemeen bestuur; leeg zolang het er niet is.' })
  resultaatbestemming(@Root() resultaat: JaarresultaatType, @Ctx() ctx: Context) {
    return ctx.loaders.optionalReadRef(resultaatbestemmingLezen, resultaat.resultaatbestemmingId);
  }
}

@Resolver(() => ResultaatbestemmingType)
export class ResultaatbestemmingResolver {
  @FieldResolver(() => ModuleType)
  module(@Root() bestemming: ResultaatbestemmingType, @Ctx() ctx: Context): ModuleType | Promise<ModuleType> {
    return ctx.loaders.readRef(moduleLezen, bestemming.moduleId);
  }

  @FieldResolver(() => [ResultaatbestemmingRegelType])
  regels(@Root() bestemming: ResultaatbestemmingType, @Ctx() ctx: Context): Promise<ResultaatbestemmingRegelType[]> {
    return ctx.loaders.readManyBy(resultaatbestemmingRegelLezen, { relation: 'resultaatbestemming', key: 'resultaatbestemmingId' }).load(bestemming.id);
  }
}

@Resolver(() => ResultaatbestemmingRegelType)
export class ResultaatbestemmingRegelResolver {
  @FieldResolver(() => ReserveType, { nullable: true, description: 'De reserve, bij toevoegen aan of onttrekken aan een reserve.' })
  reserve(@Root() regel: ResultaatbestemmingRegelType, @Ctx() ctx: Context) {
    return ctx.loaders.optionalReadRef(reserveLezen, regel.reserveId);
  }
}

@Resolver(() => ReserveType)
export class ReserveResolver {
  @Query(() => [ReserveType], { description: 'Reserves en voorzieningen; met module alleen die van die module.' })
  reserves(@Ctx() ctx: Context, @Arg('module', () => String, { nullable: true }) module?: string): Promise<ReserveType[]> {
    return zoekReserves(ctx.em, module);
  }

  @Query(() => [ReservestandType], { description: 'Per reserve en voorziening de stand op 1 januari, de mutaties in het jaar en de stand op 31 december.' })
  reservestanden(@Ctx() ctx: Context, @JaarArg('jaar') jaar: number, @Arg('module', () => String, { nullable: true }) module?: string): Promise<ReservestandType[]> {
    return reservestanden(ctx.em, jaar, module);
  }

  @Mutation(() => ReserveType, { description: 'Stelt een reserve of voorziening in, van een module of MGR-breed (beheerder).' })
  async reserveInstellen(@Arg('invoer', () => ReserveInvoer) invoer: ReserveInvoer, @Ctx() ctx: Context): Promise<ReserveType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'een reserve instellen');
    const reserve = await reserveInstellen(ctx, invoer);
    return ctx.loaders.readAfterWrite(reserveLezen, reserve.id);
  }

  @Mutation(() => ReservemutatieType, {
    description: 'Legt een toevoeging, onttrekking of vrijval (alleen voorziening) vast (beheerder); een stand wordt nooit negatief, een afgesloten jaar van de module neemt geen mutaties.',
  })
  async reservemutatieVastleggen(@Arg('invoer', () => ReservemutatieInvoer) invoer: ReservemutatieInvoer, @Ctx() ctx: Context): Promise<ReservemutatieType> {
    vereisRol(ctx.identity, [Rol.BEHEERDER], 'een reservemutatie vastleggen');
    const mutatie = await reservemutatieVastleggen(ctx, invoer);
    return ctx.loaders.readAfterWrite(reservemutatieLezen, mutatie.id);
  }

  @FieldResolver(() => ModuleType, { nullable: true, description: 'Leeg bij een MGR-brede reserve.' })
  module(@Root() reserve: ReserveType, @Ctx() ctx: Context) {
    return ctx.loaders.optionalReadRef(moduleLezen, reserve.moduleId);
  }

  @FieldResolver(() => [ReservemutatieType], { description: 'Alle mutaties, op datum.' })
  mutaties(@Root() reserve: ReserveType, @Ctx() ctx: Context): Promise<ReservemutatieType[]> {
    return ctx.loaders.readManyBy(reservemutatieLezen, { relation: 'reserve', key: 'reserveId' }, {}, { datum: 'asc', id: 'asc' }).load(reserve.id);
  }
}

@Resolver(() => ReservemutatieType)
export class ReservemutatieResolver {
  @FieldResolver(() => ReserveType)
  reserve(@Root() mutatie: ReservemutatieType, @Ctx() ctx: Context): ReserveType | Promise<ReserveType> {
    return ctx.loaders.readRef(reserveLezen, mutatie.reserveId);
  }

  @FieldResolver(() => ResultaatbestemmingType, { nullable: true, description: 'Het besluit waaruit deze mutatie volgt, als dat een resultaatbestemming is.' })
  resultaatbestemming(@Root() mutatie: ReservemutatieType, @Ctx() ctx: Context) {
    return ctx.loaders.optionalReadRef(resultaatbestemmingLezen, mutatie.resultaatbestemmingId);
  }
}

@Resolver(() => ReservestandType)
export class ReservestandResolver {
  @FieldResolver(() => ReserveType)
  reserve(@Root() stand: ReservestandType, @Ctx() ctx: Context): ReserveType | Promise<ReserveType> {
    return ctx.loaders.readRef(reserveLezen, stand.reserveId);
  }
}
