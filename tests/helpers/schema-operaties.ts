import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

export type Soort = 'query' | 'mutation';

/** A root field of the schema: what a fuzzer can call. */
export interface SchemaVeld {
  soort: Soort;
  naam: string;
  args: readonly GraphQLArgument[];
  type: GraphQLOutputType;
}

/** Every Query and Mutation field, so that a new field is fuzzed without touching the tests. */
export function schemaVelden(schema: GraphQLSchema): SchemaVeld[] {
  const wortels = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return wortels.flatMap(([soort, type]) =>
    Object.values(type?.getFields() ?? {}).map((veld) => ({ soort, naam: veld.name, args: veld.args, type: veld.type })),
  );
}

/** How generated values look, per kind of input. */
export interface Waarden {
  /** For String and ID. */
  tekst: fc.Arbitrary<string>;
  /** For Int, by the name of the argument or input field. */
  geheel: (naam: string) => fc.Arbitrary<number>;
  /** For the schema's own scalars (Bedrag, Decimaal, LocalDate, …), by scalar name. */
  scalar: (naam: string) => fc.Arbitrary<unknown>;
}

/** Input objects nest at most this deep in generated values (where-filters are recursive). */
const MAX_NIVEAU = 2;
const WEG = Symbol('weg');

const strings = new Set(['String', 'ID']);

function isTekst(type: GraphQLInputType): boolean {
  return strings.has(getNamedType(type).name);
}

/** A value of the type; null only where the type allows it. */
export function waardeArb(type: GraphQLInputType, naam: string, w: Waarden, niveau = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return nietNull(type.ofType, naam, w, niveau);
  return fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: nietNull(type, naam, w, niveau), weight: 9 });
}

function nietNull(type: GraphQLInputType, naam: string, w: Waarden, niveau: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return nietNull(type.ofType, naam, w, niveau);
  if (isListType(type)) return fc.array(waardeArb(type.ofType, naam, w, niveau), { maxLength: 3 });
  if (isInputObjectType(type)) {
    const velden: Record<string, fc.Arbitrary<unknown>> = {};
    for (const veld of Object.values(type.getFields())) {
      const verplicht = isNonNullType(veld.type) && veld.defaultValue === undefined;
      const genest = isInputObjectType(getNamedType(veld.type));
      if (!verplicht && genest && niveau + 1 > MAX_NIVEAU) continue;
      const arb = waardeArb(veld.type, veld.name, w, genest ? niveau + 1 : niveau);
      // Optional string fields are nearly always present: they are what the injection run is about.
      velden[veld.name] = verplicht ? arb : fc.option(arb, { nil: WEG, freq: isTekst(veld.type) ? 8 : genest ? 2 : 3 });
    }
    return fc.record(velden).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== WEG)));
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  switch (type.name) {
    case 'String':
    case 'ID':
      return w.tekst;
    case 'Int':
      return w.geheel(naam);
    case 'Float':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return fc.boolean();
    default:
      return w.scalar(type.name);
  }
}

/** A GraphQL literal for a value, following the type where it fits (enums bare, strings quoted). */
export function literaal(type: GraphQLInputType | null, waarde: unknown): string {
  if (waarde === null || waarde === undefined) return 'null';
  if (type && isNonNullType(type)) return literaal(type.ofType, waarde);
  if (Array.isArray(waarde)) return `[${waarde.map((v) => literaal(type && isListType(type) ? type.ofType : null, v)).join(', ')}]`;
  if (type && isListType(type)) return literaal(type.ofType, waarde);
  if (typeof waarde === 'object') {
    const velden = type && isInputObjectType(type) ? type.getFields() : {};
    return `{${Object.entries(waarde)
      .map(([k, v]) => `${k}: ${literaal(velden[k]?.type ?? null, v)}`)
      .join(', ')}}`;
  }
  if (typeof waarde === 'string') return type && isEnumType(type) ? waarde : JSON.stringify(waarde);
  return String(waarde);
}

/**
 * A small selection for a result type: __typename and the scalar fields that need no arguments, so
 * that resolvers run but the cost stays low.
 */
export function selectie(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return '{ __typename }';
  const velden = Object.values(named.getFields())
    .filter((v) => isLeafType(getNamedType(v.type)) && v.args.length === 0)
    .slice(0, 6)
    .map((v) => v.name);
  return `{ __typename ${velden.join(' ')} }`;
}

export interface Operatie {
  veld: SchemaVeld;
  query: string;
  variables: Record<string, unknown>;
  /** The argument values, however they were sent. */
  waarden: Record<string, unknown>;
  /** Arguments given as variables ($arg) or written into the document. */
  stijl: 'variabelen' | 'inline';
}

/** Builds the document for a field with the given argument values (undefined = left out). */
export function document(veld: SchemaVeld, waarden: Record<string, unknown>, stijl: Operatie['stijl']): Operatie {
  const gegeven = veld.args.filter((a) => waarden[a.name] !== undefined);
  const variables: Record<string, unknown> = {};
  let declaraties = '';
  let args = '';
  if (gegeven.length) {
    if (stijl === 'variabelen') {
      declaraties = `(${gegeven.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})`;
      args = `(${gegeven.map((a) => `${a.name}: $${a.name}`).join(', ')})`;
      for (const a of gegeven) variables[a.name] = waarden[a.name];
    } else {
      args = `(${gegeven.map((a) => `${a.name}: ${literaal(a.type, waarden[a.name])}`).join(', ')})`;
    }
  }
  const query = `${veld.soort} Fuzz${declaraties} { ${veld.naam}${args} ${selectie(veld.type)} }`;
  return { veld, query, variables, waarden, stijl };
}

/** Valid-looking operations on one field: every argument generated by type, optional ones sometimes left out. */
export function operatieArb(veld: SchemaVeld, w: Waarden, stijlen: Operatie['stijl'][] = ['variabelen', 'variabelen', 'inline']): fc.Arbitrary<Operatie> {
  const args: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of veld.args) {
    const arb = waardeArb(arg.type, arg.name, w);
    const verplicht = isNonNullType(arg.type) && arg.defaultValue === undefined;
    args[arg.name] = verplicht ? arb : fc.option(arb, { nil: undefined, freq: 4 });
  }
  return fc.tuple(fc.record(args), fc.constantFrom(...stijlen)).map(([waarden, stijl]) => document(veld, waarden, stijl));
}

/**
 * The places where a string goes into a field, as paths like `bijdragen(where).gemeente.in[]`. A
 * recursive input type is followed once per path (where.and[].and[]… adds nothing new).
 */
export function stringPadenInSchema(veld: SchemaVeld): string[] {
  const paden: string[] = [];
  const loop = (type: GraphQLInputType, pad: string, bezocht: Set<string>) => {
    if (isNonNullType(type)) return loop(type.ofType, pad, bezocht);
    if (isListType(type)) return loop(type.ofType, `${pad}[]`, bezocht);
    if (isInputObjectType(type)) {
      if (bezocht.has(type.name)) return;
      const verder = new Set(bezocht).add(type.name);
      for (const v of Object.values(type.getFields())) loop(v.type, `${pad}.${v.name}`, verder);
      return;
    }
    if (isTekst(type)) paden.push(pad);
  };
  for (const arg of veld.args) loop(arg.type, `${veld.naam}(${arg.name})`, new Set());
  return paden;
}

/** The string paths (as in stringPadenInSchema) that hold a string in these argument values. */
export function stringPadenInWaarden(veld: SchemaVeld, waarden: Record<string, unknown>, uit: Set<string>): void {
  const loop = (type: GraphQLInputType, waarde: unknown, pad: string) => {
    if (waarde === null || waarde === undefined) return;
    if (isNonNullType(type)) return loop(type.ofType, waarde, pad);
    if (isListType(type)) {
      for (const item of Array.isArray(waarde) ? waarde : [waarde]) loop(type.ofType, item, `${pad}[]`);
      return;
    }
    if (isInputObjectType(type)) {
      if (typeof waarde !== 'object') return;
      const velden = type.getFields();
      for (const [k, v] of Object.entries(waarde)) if (velden[k]) loop(velden[k].type, v, `${pad}.${k}`);
      return;
    }
    if (isTekst(type) && typeof waarde === 'string') uit.add(pad);
  };
  for (const arg of veld.args) loop(arg.type, waarden[arg.name], `${veld.naam}(${arg.name})`);
}

/** Whether a field can be called with no string at all in its required arguments. */
export function heeftVerplichteTekst(veld: SchemaVeld): boolean {
  const loop = (type: GraphQLInputType, bezocht: Set<string>): boolean => {
    if (isNonNullType(type)) return verplichtLoop(type.ofType, bezocht);
    return false;
  };
  const verplichtLoop = (type: GraphQLInputType, bezocht: Set<string>): boolean => {
    if (isListType(type)) return false;
    if (isInputObjectType(type)) {
      if (bezocht.has(type.name)) return false;
      const verder = new Set(bezocht).add(type.name);
      return Object.values(type.getFields()).some((v) => v.defaultValue === undefined && loop(v.type, verder));
    }
    return isTekst(type);
  };
  return veld.args.some((a) => a.defaultValue === undefined && loop(a.type, new Set()));
}
