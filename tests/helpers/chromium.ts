import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestHub, type TestHub } from './test-hub.js';

// Debian's Chromium (installed by .ci/run); never a downloaded browser.
export const CHROMIUM = '/usr/bin/chromium';

/** Where the browser tests leave their screenshots. */
export const ARTIFACTS = path.resolve(import.meta.dirname, '..', 'artifacts');

/** A headless Chromium for the page tests; fails with the install command when it is missing. */
export async function startChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} ontbreekt: installeer Debian's chromium (apt-get install chromium).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page test's hub (demo region, fixed clock, listening) and browser, started before the file's tests
 * and closed after them; read the fields inside the tests.
 */
export function paginaOmgeving(now: Date): { t: TestHub; basis: string; browser: Browser } {
  const omgeving = {} as { t: TestHub; basis: string; browser: Browser };
  beforeAll(async () => {
    omgeving.t = await startTestHub({ now });
    omgeving.basis = (await omgeving.t.listen()).replace('/graphql', '');
    omgeving.browser = await startChromium();
  }, 60_000);
  afterAll(async () => {
    await omgeving.browser?.close();
    await omgeving.t?.close();
  });
  return omgeving;
}
