import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { ErrorCode, hubError } from './errors.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestLoaders } from './loaders.js';
import type { ReadModel } from './read-model.js';
import { selectsField } from './selection.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

@ObjectType({ simpleResolvers: true, description: 'Paginering volgens de Relay-specificatie.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Aantal rijen (standaard ${DEFAULT_PAGE_SIZE}, hoogstens ${MAX_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor (endCursor van de vorige pagina).' })
  after?: string;
}

export interface ConnectionResult<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type (edges with cursors, nodes, pageInfo, totalCount) for one node type. */
export function Connection<T extends object>(Node: ClassType<T>, name: string): ClassType<ConnectionResult<T>> {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => Node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `Pagina ${name}-rijen met het totaal aantal dat aan het filter voldoet.` })
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [Node], { description: 'De rijen zelf, zonder cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType;
}

// Cursors are opaque to clients; they carry the position in the ordered result.
const encodeCursor = (position: number) => Buffer.from(`p:${position}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^p:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw hubError(ErrorCode.BAD_USER_INPUT, 'Ongeldige cursor: gebruik de endCursor van een vorige pagina.');
  return Number(match[1]);
}

/** The page size asked for, within bounds. */
export function pageSize(first: number | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `first moet tussen 0 en ${MAX_PAGE_SIZE} liggen.`, { max: MAX_PAGE_SIZE });
  }
  return first;
}

/** The connection of one page: cursors and page info around the rows. */
function connectionOf<T>(nodes: T[], offset: number, totalCount: number): ConnectionResult<T> {
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: offset + nodes.length < totalCount,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Where a page starts and how long it is, from the Relay arguments. */
function pageWindow(args: PageArgs): { limit: number; offset: number } {
  return { limit: pageSize(args.first), offset: args.after ? decodeCursor(args.after) + 1 : 0 };
}

/**
 * A row that the rows of a page point to by a foreign key (a gemeente, a module), read in the page's
 * own statement when the client selects its field, and handed to the request's loader: the field
 * resolver then finds it there instead of sending a statement of its own. Small master data read
 * once per row costs PostgreSQL an index lookup, and saves the hub a round trip per reference.
 */
export interface JoinedRef<R> {
  /** The graph field of the node that resolves the reference. */
  field: string;
  /** The node's property that holds the foreign key, and the column on the root alias `e`. */
  key: keyof R & string;
  column: string;
  model: ReadModel<any, { id: number }>;
}

/** Which references a page may read along, for whom. */
export interface PageJoins<R> {
  info: GraphQLResolveInfo;
  loaders: RequestLoaders;
  refs: JoinedRef<R>[];
}

/**
 * One page of read rows (see ReadModel) with the total count in the same statement (a window count);
 * only a page past the end needs a second statement to count. The order must end in a unique column
 * so pages never overlap. A filter with raw SQL fragments is consumed by the query that uses it, so
 * `where` builds the filter afresh for each statement.
 */
export async function paginateRead<T extends object, R extends object>(
  em: EntityManager,
  model: ReadModel<T, R>,
  where: () => FilterQuery<T>,
  orderBy: QueryOrderMap<T>[],
  args: PageArgs,
  joins?: PageJoins<R>,
): Promise<ConnectionResult<R>> {
  const { limit, offset } = pageWindow(args);
  const refs = joins?.refs.filter((ref) => selectsField(joins.info, ref.field)) ?? [];
  const extra: Record<string, string> = { total: 'count(*) over ()' };
  refs.forEach((ref, i) => (extra[`ref${i}`] = ref.model.jsonById(em, ref.column)));
  const rows = limit === 0 ? [] : await model.findWith(em, where(), extra, { orderBy, limit, offset });
  refs.forEach((ref, i) => {
    const primed = new Set<number>();
    for (const { extra: joined } of rows) {
      const json = joined[`ref${i}`] as { id: number } | null;
      if (json && !primed.has(json.id)) {
        primed.add(json.id);
        joins!.loaders.prime(ref.model, ref.model.map(json));
      }
    }
  });
  const totalCount = rows.length > 0 ? Number(rows[0].extra.total) : await model.count(em, where());
  return connectionOf(rows.map(({ row }) => row), offset, totalCount);
}
