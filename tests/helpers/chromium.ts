import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
