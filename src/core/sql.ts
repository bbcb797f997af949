/**
 * `?, ?, …` for an `in (…)` list of n values in a raw statement (em.execute): one placeholder per value,
 * so every value travels as its own parameter. Callers make sure n > 0 (`in ()` is not SQL).
 */
export function plaatshouders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
