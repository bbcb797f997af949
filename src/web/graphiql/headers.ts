// Which headers a GraphiQL request sends. HTTP header names are case-insensitive, but a plain object
// is not: { authorization: 'Bearer ' } from the token field and { Authorization: 'Bearer rh_…' } from
// the Headers tab are two keys, and fetch joins them into "Bearer , Bearer rh_…", which no server
// accepts. So every layer is merged by lower-cased name. No imports: vitest tests it in Node.

/** Headers as a layer gives them: GraphiQL's Headers tab is parsed JSON, so values need not be strings. */
export type HeaderLayer = Readonly<Record<string, unknown>> | null | undefined;

/**
 * Merges header layers, later layers winning, names compared without regard to case. The winner keeps
 * its own spelling and value; a null value removes the header (`{"Authorization": null}` sends none).
 */
export function mergeHeaders(...layers: HeaderLayer[]): Record<string, string> {
  const merged = new Map<string, readonly [string, string]>();
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      if (value === undefined) continue;
      if (value === null) merged.delete(name.toLowerCase());
      else merged.set(name.toLowerCase(), [name, String(value)]);
    }
  }
  return Object.fromEntries(merged.values());
}

/**
 * The headers of one request: what the user typed in the Headers tab (an Authorization header in any
 * spelling wins, as typed), else `Bearer <token>` from the token field, else no Authorization at all:
 * never an empty `Bearer `.
 */
export function requestHeaders(typed: HeaderLayer, token: string): Record<string, string> {
  const bearer = token.trim() ? { Authorization: `Bearer ${token.trim()}` } : null;
  return mergeHeaders(bearer, typed);
}
