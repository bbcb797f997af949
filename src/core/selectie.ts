import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the client selected a field with this name anywhere below the current field (through
 * fragments too). Lets a resolver skip loading what nobody asked for; may say yes too often, never no.
 */
export function vraagtVeld(info: GraphQLResolveInfo, naam: string): boolean {
  const bezocht = new Set<string>();
  const zoek = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === naam || zoek(s.selectionSet);
      if (s.kind === Kind.INLINE_FRAGMENT) return zoek(s.selectionSet);
      if (bezocht.has(s.name.value)) return false;
      bezocht.add(s.name.value);
      return zoek(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => zoek(node.selectionSet));
}
