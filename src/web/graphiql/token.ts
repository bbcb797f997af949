// The token of this browser tab: sessionStorage only (gone when the tab closes, never sent in a URL),
// under the dashboard's key, so a token given to one page in a tab serves the other too.
const OPSLAG = 'regiohub-token';

/** Takes a token from the fragment (#token=…) into this tab's storage and removes it from the address bar. */
export function tokenUitFragment(): void {
  const token = new URLSearchParams(location.hash.slice(1)).get('token')?.trim();
  if (!token) return;
  sessionStorage.setItem(OPSLAG, token);
  history.replaceState(null, '', location.pathname + location.search);
}

export function bewaardToken(): string {
  return sessionStorage.getItem(OPSLAG) ?? '';
}

/** Keeps the token for this tab; an empty one clears it. */
export function bewaarToken(token: string): void {
  if (token.trim()) sessionStorage.setItem(OPSLAG, token.trim());
  else sessionStorage.removeItem(OPSLAG);
}

/** Shows that a token is set without showing it: its first three and last four characters. */
export function maskToken(token: string): string {
  const t = token.trim();
  return t.length < 16 ? '••••••••' : `${t.slice(0, 3)}…${t.slice(-4)}`;
}
