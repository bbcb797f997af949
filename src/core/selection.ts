import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the client selected a field with this name anywhere below the current field (through
 * fragments too). Lets a resolver skip loading what nobody asked for; may say yes too often, never no.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const visited = new Set<string>();
  const search = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name || search(s.selectionSet);
      if (s.kind === Kind.INLINE_FRAGMENT) return search(s.selectionSet);
      if (visited.has(s.name.value)) return false;
      visited.add(s.name.value);
      return search(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => search(node.selectionSet));
}
