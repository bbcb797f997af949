import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printHubSchema } from '../src/schema.js';

describe('schema.graphql', () => {
  it('is gelijk aan wat de code genereert (anders: npm run schema en committen)', async () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(await printHubSchema());
  });
});
