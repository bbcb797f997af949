import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { paginateRead, type ConnectionResult, type JoinedRef, type PageArgs, type PageJoins } from '../core/connection.js';
import { gemeenteLezen } from '../gemeente/gemeente.types.js';
import { moduleLezen } from '../module/module.types.js';
import type { BijdrageFilterArgs } from './bijdrage.args.js';
import { ACTUELE_BEGROTINGEN, actueleBijdragen } from './actueel.service.js';
import { bijdrageOrder, bijdrageWhere, type BijdrageOrder, type BijdrageWhere } from './bijdrage.where.js';
import type { Bijdrage } from './bijdrage.entity.js';
import { bijdrageLezen, type BijdrageType } from './bijdrage.types.js';

export const BIJDRAGE_VOLGORDE: QueryOrderMap<Bijdrage> = { jaar: 'asc', fase: 'asc', id: 'asc' };

export function bijdrageFilter(args: BijdrageFilterArgs): FilterQuery<Bijdrage> {
  const where: FilterQuery<Bijdrage> = {};
  if (args.jaar !== undefined) where.jaar = args.jaar;
  if (args.fase !== undefined) where.fase = args.fase;
  return args.alleenActueel === false ? where : ({ $and: [where, actueleBijdragen()] } as FilterQuery<Bijdrage>);
}

/** The gemeente and module of a contribution, read along with a page when the client asks for them. */
export const BIJDRAGE_VERWIJZINGEN: JoinedRef<BijdrageType>[] = [
  { field: 'gemeente', key: 'gemeenteId', column: 'e.gemeente_id', model: gemeenteLezen },
  { field: 'module', key: 'moduleId', column: 'e.module_id', model: moduleLezen },
];

/** A page of contributions matching `where`; current versions only unless asked otherwise. */
export function zoekBijdragen(
  em: EntityManager,
  where: BijdrageWhere | undefined,
  orderBy: BijdrageOrder[] | undefined,
  alleenActueel: boolean,
  pagina: PageArgs,
  joins?: PageJoins<BijdrageType>,
): Promise<ConnectionResult<BijdrageType>> {
  const filter = () => (alleenActueel ? ({ $and: [bijdrageWhere(where), actueleBijdragen()] } as FilterQuery<Bijdrage>) : bijdrageWhere(where));
  return paginateRead(em, bijdrageLezen, filter, bijdrageOrder(orderBy), pagina, joins);
}

/** Per budget version id: is it the current version of its phase? One statement per request. */
export function actueleBegroting(ctx: Context) {
  return ctx.loaders.custom('Begroting#actueel', async (ids: readonly number[]) => {
    const rijen = await ctx.em
      .getConnection()
      .execute<{ id: number }[]>(`select id from (${ACTUELE_BEGROTINGEN}) a where a.id = any(?::int[])`, [`{${ids.join(',')}}`]);
    const actueel = new Set(rijen.map((r) => r.id));
    return ids.map((id) => actueel.has(id));
  });
}
