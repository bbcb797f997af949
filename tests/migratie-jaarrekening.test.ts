import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createTestDatabase } from './helpers/database.js';

// The data move of migration jaarrekening, on a database with old-style rows: a REALISATIE version
// with its realised contributions, a link to the jaarrekening document, a closed year and audit.

const VORIGE = 'Migration20261202130000_pcCyclus';
const JAARREKENING = 'Migration20261202152000_jaarrekening';

let orm: MikroORM;
const sql = <T extends object>(query: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  orm = await connect({ url: await createTestDatabase('empty') });
  await orm.getMigrator().up({ to: VORIGE });
  await sql(`insert into programma (id, code, naam, vanaf) values (1, 'PART', 'Participatie', '2020-01-01')`);
  await sql(`insert into module (id, code, naam, omschrijving, programma_id, startdatum, taakveld) values (1, 'WSP', 'Werkgeversservicepunt', 'x', 1, '2020-01-01', '6.3')`);
  await sql(`insert into gemeente (id, cbs_code, naam) values (1, 'GM0202', 'Arnhem'), (2, 'GM0221', 'Doesburg')`);
  // Ids as in production: the realisation between other versions.
  await sql(`insert into begroting (id, module_id, jaar, soort, volgnummer, lasten, baten, vastgesteld_op, omschrijving) values
    (10, 1, 2024, 'PRIMITIEF', 0, 1000.00, 100.00, '2023-07-01', 'Primitieve begroting 2024'),
    (11, 1, 2024, 'REALISATIE', 0, 1100.00, 150.00, '2025-07-01', 'Jaarrekening 2024'),
    (12, 1, 2025, 'PRIMITIEF', 0, 1200.00, 100.00, '2024-07-01', 'Primitieve begroting 2025')`);
  await sql(`select setval('begroting_id_seq', 12)`);
  await sql(`insert into bijdrage (gemeente_id, module_id, jaar, fase, bedrag, taakveld, begroting_id) values
    (1, 1, 2024, 'BEGROOT', 600.00, '6.3', 10), (2, 1, 2024, 'BEGROOT', 300.00, '6.3', 10),
    (1, 1, 2024, 'GEREALISEERD', 633.33, '6.3', 11), (2, 1, 2024, 'GEREALISEERD', 316.67, '6.3', 11)`);
  await sql(`insert into pc_document (id, soort, jaar, titel, status) values (5, 'JAARREKENING', 2024, 'Jaarrekening 2024', 'CONCEPT'), (6, 'BEGROTING', 2024, 'Begroting 2024', 'CONCEPT')`);
  await sql(`insert into pc_document_begroting (document_id, begroting_id) values (5, 11), (6, 10)`);
  await sql(`insert into audit_log (wie, actie, entiteit, entiteit_id, na) values ('beheerder', 'BEGROTING_VASTGELEGD', 'Begroting', '11', '{"soort": "REALISATIE"}')`);
  // Closed, as eenAntwoord closed every year with a jaarrekening: the move must pass the closed-year triggers.
  await sql(`insert into jaarafsluiting (module_id, jaar, status, afgesloten_op, afgesloten_door) values (1, 2024, 'AFGESLOTEN', now(), 'test')`);
  await orm.getMigrator().up({ to: JAARREKENING });
});
afterAll(() => orm.close(true));

describe('migratie jaarrekening', () => {
  it('maakt van elke REALISATIE-versie een jaarrekening met hetzelfde id, en verwijdert de versie', async () => {
    expect(await sql(`select id, module_id, jaar, lasten::text, baten::text, vastgesteld_op::text, omschrijving from jaarrekening`)).toEqual([
      { id: 11, module_id: 1, jaar: 2024, lasten: '1100.00', baten: '150.00', vastgesteld_op: '2025-07-01', omschrijving: 'Jaarrekening 2024' },
    ]);
    expect(await sql(`select id, soort from begroting order by id`)).toEqual([{ id: 10, soort: 'PRIMITIEF' }, { id: 12, soort: 'PRIMITIEF' }]);
  });

  it('verhuist de gerealiseerde bijdragen en de koppeling met het stuk mee; de rest blijft', async () => {
    expect(await sql(`select fase, bedrag::text, begroting_id, jaarrekening_id from bijdrage order by id`)).toEqual([
      { fase: 'BEGROOT', bedrag: '600.00', begroting_id: 10, jaarrekening_id: null },
      { fase: 'BEGROOT', bedrag: '300.00', begroting_id: 10, jaarrekening_id: null },
      { fase: 'GEREALISEERD', bedrag: '633.33', begroting_id: null, jaarrekening_id: 11 },
      { fase: 'GEREALISEERD', bedrag: '316.67', begroting_id: null, jaarrekening_id: 11 },
    ]);
    expect(await sql(`select document_id, jaarrekening_id from pc_document_jaarrekening`)).toEqual([{ document_id: 5, jaarrekening_id: 11 }]);
    expect(await sql(`select document_id, begroting_id from pc_document_begroting`)).toEqual([{ document_id: 6, begroting_id: 10 }]);
  });

  it('houdt de audit leesbaar: de oude regel blijft, een nieuwe legt de verhuizing vast', async () => {
    const regels = await sql<{ actie: string; entiteit: string; entiteit_id: string; voor: unknown; na: unknown }>(
      `select actie, entiteit, entiteit_id, voor, na from audit_log order by id`,
    );
    expect(regels).toEqual([
      { actie: 'BEGROTING_VASTGELEGD', entiteit: 'Begroting', entiteit_id: '11', voor: null, na: { soort: 'REALISATIE' } },
      {
        actie: 'JAARREKENING_OVERGEZET',
        entiteit: 'Jaarrekening',
        entiteit_id: '11',
        voor: { entiteit: 'Begroting', id: 11, soort: 'REALISATIE' },
        na: expect.objectContaining({ id: 11, module: 'WSP', jaar: 2024, lasten: '1100.00', baten: '150.00', bijdragen: 2 }),
      },
    ]);
  });

  it('verscherpt de checks, en een afgesloten jaar blijft dicht, ook voor de jaarrekening', async () => {
    await expect(sql(`insert into begroting (module_id, jaar, soort, volgnummer, lasten, baten, vastgesteld_op, omschrijving) values (1, 2026, 'REALISATIE', 0, 1, 0, '2027-01-01', 'x')`))
      .rejects.toThrow(/begroting_soort_check/);
    await expect(sql(`update bijdrage set begroting_id = 12 where jaarrekening_id = 11`)).rejects.toThrow();
    await expect(sql(`update jaarrekening set lasten = 1 where id = 11`)).rejects.toThrow(/afgesloten/);
    // New jaarrekeningen get ids after the moved ones.
    await sql(`insert into jaarrekening (module_id, jaar, lasten, baten, vastgesteld_op, omschrijving) values (1, 2025, 1, 0, '2026-07-01', 'x')`);
    expect(await sql(`select id from jaarrekening where jaar = 2025`)).toEqual([{ id: 12 }]);
    await sql(`delete from jaarrekening where jaar = 2025`);
  });

  it('zet met down() de oude vorm terug, en kan daarna weer op', async () => {
    await orm.getMigrator().down({ to: JAARREKENING }); // reverts this one migration
    const [versie] = await sql<{ id: number }>(`select id from begroting where soort = 'REALISATIE' and jaar = 2024`);
    expect(await sql(`select fase, bedrag::text from bijdrage where begroting_id = ? order by id`, [versie.id])).toEqual([
      { fase: 'GEREALISEERD', bedrag: '633.33' },
      { fase: 'GEREALISEERD', bedrag: '316.67' },
    ]);
    expect(await sql(`select document_id from pc_document_begroting where begroting_id = ?`, [versie.id])).toEqual([{ document_id: 5 }]);
    expect(await sql(`select count(*)::int as n from information_schema.tables where table_name in ('jaarrekening', 'pc_document_jaarrekening')`)).toEqual([{ n: 0 }]);
    await orm.getMigrator().up();
    expect(await sql(`select count(*)::int as n from bijdrage where jaarrekening_id is not null`)).toEqual([{ n: 2 }]);
    expect(await sql(`select count(*)::int as n from begroting where soort = 'REALISATIE'`)).toEqual([{ n: 0 }]);
  });
});
