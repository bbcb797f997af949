import type { FilterQuery } from '@mikro-orm/core';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Rol } from '../auth/identity.js';
import type { Context } from '../context.js';
import type { Decimal } from '../core/decimal.js';
import { ErrorCode, hubError, notFound } from '../core/errors.js';
import { DecimaalScalar } from '../core/scalars.js';
import { DvoNorm } from '../dvo/dvo-norm.entity.js';
import { KpiWaarde } from '../rapportage/kpi-waarde.entity.js';
import { RapportageStatus } from '../rapportage/kwartaalrapportage.entity.js';
import { zichtbareKpiWaarden } from '../rapportage/rapportage.access.js';
import { actueleVersies } from '../rapportage/rapportage.service.js';
import { Kpi, KpiNiveau, KpiRichting } from './kpi.entity.js';

@InputType({ description: 'Een kwartaal: jaar en kwartaalnummer (1–4).' })
export class KwartaalInvoer {
  @Field(() => Int)
  jaar!: number;

  @Field(() => Int)
  kwartaal!: number;
}

@ObjectType({ simpleResolvers: true, description: 'De waarde van een KPI in één kwartaal, met de DVO-norm van dat jaar en of die is gehaald.' })
export class KpiReeksPunt {
  @Field(() => Int)
  jaar!: number;

  @Field(() => Int)
  kwartaal!: number;

  @Field(() => DecimaalScalar, { nullable: true, description: 'Leeg als er (voor u) geen actuele waarde is.' })
  waarde!: Decimal | null;

  @Field(() => DecimaalScalar, { nullable: true, description: 'Norm uit de DVO voor dat jaar.' })
  norm!: Decimal | null;

  @Field(() => Boolean, { nullable: true, description: 'Norm gehaald, gegeven de richting van de KPI; leeg zonder waarde of norm.' })
  gehaald!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Versie van de rapportage waaruit de waarde komt.' })
  versie!: number | null;

  @Field(() => RapportageStatus, { nullable: true })
  status!: RapportageStatus | null;
}

const MAX_KWARTALEN = 80;

function kwartalen(van: KwartaalInvoer, tot: KwartaalInvoer): Array<{ jaar: number; kwartaal: number }> {
  const geldig = (k: KwartaalInvoer) => k.kwartaal >= 1 && k.kwartaal <= 4 && k.jaar >= 2000 && k.jaar <= 2200;
  const index = (k: KwartaalInvoer) => k.jaar * 4 + k.kwartaal - 1;
  if (!geldig(van) || !geldig(tot) || index(tot) < index(van) || index(tot) - index(van) >= MAX_KWARTALEN) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `Kies een reeks van 1 tot ${MAX_KWARTALEN} kwartalen (kwartaal 1–4), met "tot" niet vóór "van".`);
  }
  return Array.from({ length: index(tot) - index(van) + 1 }, (_, i) => {
    const k = index(van) + i;
    return { jaar: Math.floor(k / 4), kwartaal: (k % 4) + 1 };
  });
}

/**
 * The norm for a year: for a gemeente the norm set for that gemeente, else the one in that
 * gemeente's own DVO; for the region the norm without gemeente, preferring a DVO with an organisation.
 */
function kiesNorm(normen: DvoNorm[], jaar: number, cbsCode: string | null): DvoNorm | undefined {
  const vanJaar = normen.filter((n) => n.jaar === jaar);
  if (cbsCode !== null) {
    return vanJaar.find((n) => n.gemeente?.cbsCode === cbsCode) ?? vanJaar.find((n) => !n.gemeente && n.dvo.gemeente?.cbsCode === cbsCode);
  }
  const regionaal = vanJaar.filter((n) => !n.gemeente);
  return regionaal.find((n) => n.dvo.organisatie) ?? regionaal[0];
}

/** The norms kiesNorm can choose from, as a database filter. */
function normKandidaten(cbsCode: string | null): FilterQuery<DvoNorm> {
  if (cbsCode === null) return { gemeente: null };
  return { $or: [{ gemeente: { cbsCode } }, { gemeente: null, dvo: { gemeente: { cbsCode } } }] };
}

function gehaald(richting: KpiRichting, waarde: Decimal | null, norm: Decimal | null): boolean | null {
  if (!waarde || !norm) return null;
  return richting === KpiRichting.HOGER_IS_BETER ? waarde.gte(norm) : waarde.lte(norm);
}

/** A KPI's quarterly values for one gemeente (or the region) with the DVO targets; a fixed handful of statements. */
export async function kpiReeks(
  ctx: Context,
  args: { module: string; kpi: string; gemeente?: string | null; van: KwartaalInvoer; tot: KwartaalInvoer },
): Promise<KpiReeksPunt[]> {
  const reeks = kwartalen(args.van, args.tot);
  const kpi = await ctx.em.findOne(Kpi, { code: args.kpi, module: { code: args.module } });
  if (!kpi) throw notFound('KPI', `${args.module}/${args.kpi}`);
  const gemeente = args.gemeente ?? null;
  if (kpi.niveau === KpiNiveau.GEMEENTE && !gemeente) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `KPI ${kpi.code} wordt per gemeente gerapporteerd; geef een gemeente op.`);
  }
  if (kpi.niveau === KpiNiveau.REGIO && gemeente) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `KPI ${kpi.code} is regionaal; vraag de reeks zonder gemeente op.`);
  }
  const eigen = ctx.identity.gemeente;
  const gemeenteScope = ctx.identity.rol === Rol.GEMEENTE || ctx.identity.rol === Rol.DASHBOARD;
  if (gemeente && gemeenteScope && gemeente !== eigen) {
    throw hubError(ErrorCode.FORBIDDEN, 'U mag alleen KPI-waarden van uw eigen gemeente en regionale totalen zien.');
  }

  const jaren = { $gte: reeks[0].jaar, $lte: reeks.at(-1)!.jaar };
  const waardeFilter: FilterQuery<KpiWaarde> = {
    $and: [
      zichtbareKpiWaarden(ctx.identity),
      { kpi, rapportage: { $in: await actueleVersies(ctx), jaar: jaren }, gemeente: gemeente ? { cbsCode: gemeente } : null },
    ],
  };
  const [waarden, normen] = await Promise.all([
    ctx.em.find(KpiWaarde, waardeFilter, { populate: ['rapportage', 'gemeente'] }),
    // Only the candidates kiesNorm looks at: a national region has a DVO per gemeente per module.
    ctx.em.find(DvoNorm, { $and: [{ kpi, jaar: jaren }, normKandidaten(gemeente)] }, { populate: ['dvo.gemeente', 'gemeente'], orderBy: { dvo: { id: 'asc' } } }),
  ]);
  return reeks.map(({ jaar, kwartaal }) => {
    const punt = waarden.find((w) => w.rapportage.jaar === jaar && w.rapportage.kwartaal === kwartaal);
    const norm = kiesNorm(normen, jaar, gemeente)?.norm ?? null;
    const waarde = punt?.waarde ?? null;
    return {
      jaar,
      kwartaal,
      waarde,
      norm,
      gehaald: gehaald(kpi.richting, waarde, norm),
      versie: punt?.rapportage.versie ?? null,
      status: punt?.rapportage.status ?? null,
    };
  });
}
