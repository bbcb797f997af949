import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/database.js';
import { createTestDatabase } from './helpers/database.js';

describe('migraties', () => {
  it('brengen een lege database op het schema van de entiteiten, zonder resterend verschil', async () => {
    const orm = await openDatabase({ url: await createTestDatabase('empty') });
    try {
      expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
      expect((await orm.getMigrator().getExecutedMigrations()).length).toBeGreaterThan(0);
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
      const constraints = await orm.em
        .getConnection()
        .execute<{ conname: string; contype: string }[]>(
          "select conname, contype from pg_constraint where conname in ('deelname_geen_overlap', 'gemeente_cbs_code_check')",
        );
      expect(constraints.map((c) => [c.conname, c.contype]).sort()).toEqual([
        ['deelname_geen_overlap', 'x'],
        ['gemeente_cbs_code_check', 'c'],
      ]);
    } finally {
      await orm.close(true);
    }
  });

  it('zijn idempotent: een tweede keer openen past niets meer toe', async () => {
    const url = await createTestDatabase('empty');
    await (await openDatabase({ url })).close(true);
    const orm = await openDatabase({ url });
    try {
      expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });
});
