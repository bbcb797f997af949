import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A fingerprint of every table in the public schema: row count and an md5 over all rows (as JSON,
 * sorted), leaving out the given columns per table. Two equal fingerprints mean equal data.
 */
export async function vingerafdruk(em: EntityManager, zonder: Record<string, string[]> = {}): Promise<Record<string, string>> {
  const verbinding = em.getConnection();
  const tabellen = await verbinding.execute<Array<{ naam: string }>>(
    `select table_name as naam from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const uitkomst: Record<string, string> = {};
  for (const { naam } of tabellen) {
    // Identifiers come from the catalog; the excluded column names from the caller's code.
    const min = (zonder[naam] ?? []).map((k) => ` - '${k.replace(/'/g, "''")}'`).join('');
    const [rij] = await verbinding.execute<Array<{ aantal: number; md5: string }>>(
      `select count(*)::int as aantal, md5(coalesce(string_agg(r, '|' order by r), '')) as md5
         from (select (to_jsonb(t)${min})::text as r from "${naam.replace(/"/g, '""')}" t) s`,
    );
    uitkomst[naam] = `${rij.aantal} rijen, md5 ${rij.md5}`;
  }
  return uitkomst;
}
