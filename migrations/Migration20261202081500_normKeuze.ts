import { Migration } from '@mikro-orm/migrations';

// The same norm choice and verdict (migration eenAntwoord), without scanning every norm of the year.
// kies_kpi_norm read all norms of a KPI and year (one per DVO: 342 nationally) and joined them to every
// DVO (13,680) per call, so 40 quarters of one gemeente took 376–554 ms. It now collects only the
// candidates the rule can pick, each through an index: for a per-gemeente KPI the norms set for the
// gemeente and the norms without gemeente in the gemeente's own DVOs; for a regional KPI the norms
// without gemeente. The order of preference is unchanged. Still a single-SELECT SQL function, so
// PostgreSQL inlines it into the calling query.
// The verdict (norm met, given the direction; empty for a report sent back) moves from the view into
// beoordeel_kpi_waarde, which the view now calls per value and a series calls per quarter, so a series
// plans and runs the norm choice once per quarter instead of once for the value and once more for the
// quarter.
const KIES_KPI_NORM_OUD = `create or replace function kies_kpi_norm(p_kpi int, p_jaar int, p_kwartaal int, p_gemeente int)
      returns table (norm numeric, dvo_norm_id int)
      language sql stable as $$
        select n.norm, n.id
        from kpi k
        join dvo_norm n on n.kpi_id = k.id and n.jaar = p_jaar and n.periode = k.periode
        join dvo d on d.id = n.dvo_id
        where k.id = p_kpi
          and (k.periode <> 'JAAR' or p_kwartaal = 4)
          and d.status <> 'CONCEPT'
          and d.ingangsdatum <= make_date(p_jaar, 12, 31)
          and (d.einddatum is null or d.einddatum >= make_date(p_jaar, 1, 1))
          and case when k.niveau = 'REGIO' then p_gemeente is null and n.gemeente_id is null
                   else n.gemeente_id = p_gemeente or (n.gemeente_id is null and d.gemeente_id = p_gemeente) end
        order by case when k.niveau = 'REGIO' then (d.organisatie_id is null)::int else (n.gemeente_id is null)::int end,
                 d.ingangsdatum desc,
                 case when k.richting = 'HOGER_IS_BETER' then n.norm end desc nulls last,
                 case when k.richting = 'LAGER_IS_BETER' then n.norm end asc nulls last,
                 n.id
        limit 1
      $$;`;

export class Migration20261202081500_normKeuze extends Migration {

  override async up(): Promise<void> {
    // Norms set for one gemeente are found by gemeente; the old index is this one's prefix.
    this.addSql(`drop index "dvo_norm_kpi_jaar_idx";`);
    this.addSql(`create index "dvo_norm_kpi_jaar_gemeente_idx" on "dvo_norm" ("kpi_id", "jaar", "gemeente_id");`);
    // The rule itself is that of eenAntwoord: only norms of the KPI's own period, in a DVO that is not
    // a draft and runs during the year; a yearly figure only in the fourth quarter. Per-gemeente KPI: a
    // norm set for that gemeente first, else the norm of the gemeente's own DVO. Regional KPI: a norm
    // without gemeente, from a DVO with an organisation first. Then the newest agreement; then the
    // strictest norm; then the first recorded. The three candidate sets below are disjoint and
    // together exactly the norms the old condition admitted.
    this.addSql(`create or replace function kies_kpi_norm(p_kpi int, p_jaar int, p_kwartaal int, p_gemeente int)
      returns table (norm numeric, dvo_norm_id int)
      language sql stable as $$
        select n.norm, n.id
        from kpi k
        cross join lateral (
          select n.id, n.dvo_id, n.gemeente_id, n.norm, n.periode
          from dvo_norm n
          where k.niveau = 'GEMEENTE' and n.kpi_id = p_kpi and n.jaar = p_jaar and n.gemeente_id = p_gemeente
          union all
          select n.id, n.dvo_id, n.gemeente_id, n.norm, n.periode
          from dvo eigen join dvo_norm n on n.dvo_id = eigen.id
          where k.niveau = 'GEMEENTE' and eigen.gemeente_id = p_gemeente and n.kpi_id = p_kpi and n.jaar = p_jaar and n.gemeente_id is null
          union all
          select n.id, n.dvo_id, n.gemeente_id, n.norm, n.periode
          from dvo_norm n
          where k.niveau = 'REGIO' and p_gemeente is null and n.kpi_id = p_kpi and n.jaar = p_jaar and n.gemeente_id is null
        ) n
        join dvo d on d.id = n.dvo_id
        where k.id = p_kpi
          and n.periode = k.periode
          and (k.periode <> 'JAAR' or p_kwartaal = 4)
          and d.status <> 'CONCEPT'
          and d.ingangsdatum <= make_date(p_jaar, 12, 31)
          and (d.einddatum is null or d.einddatum >= make_date(p_jaar, 1, 1))
        order by case when k.niveau = 'REGIO' then (d.organisatie_id is null)::int else (n.gemeente_id is null)::int end,
                 d.ingangsdatum desc,
                 case when k.richting = 'HOGER_IS_BETER' then n.norm end desc nulls last,
                 case when k.richting = 'LAGER_IS_BETER' then n.norm end asc nulls last,
                 n.id
        limit 1
      $$;`);
    // The verdict for a value (or, with p_waarde null, an empty quarter: gehaald stays empty), exactly
    // as the view gave it: the norm, and whether it was met given the direction; empty for a report
    // that was sent back. Always one row.
    this.addSql(`create function beoordeel_kpi_waarde(p_kpi int, p_jaar int, p_kwartaal int, p_gemeente int, p_waarde numeric, p_status text)
      returns table (norm numeric, dvo_norm_id int, gehaald boolean)
      language sql stable as $$
        select keuze.norm, keuze.dvo_norm_id,
               case when keuze.norm is null or p_status = 'TERUGGESTUURD' then null
                    when k.richting = 'HOGER_IS_BETER' then p_waarde >= keuze.norm
                    else p_waarde <= keuze.norm end
        from kpi k
        left join lateral kies_kpi_norm(p_kpi, p_jaar, p_kwartaal, p_gemeente) keuze on true
        where k.id = p_kpi
      $$;`);
    this.addSql(`create or replace view kpi_waarde_beoordeling as
      select w.id as kpi_waarde_id, b.norm, b.dvo_norm_id, b.gehaald
      from kpi_waarde w
      join kwartaalrapportage r on r.id = w.rapportage_id
      cross join lateral beoordeel_kpi_waarde(w.kpi_id, r.jaar, r.kwartaal, w.gemeente_id, w.waarde, r.status) b;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace view kpi_waarde_beoordeling as
      select w.id as kpi_waarde_id, keuze.norm, keuze.dvo_norm_id,
             case when keuze.norm is null or r.status = 'TERUGGESTUURD' then null
                  when k.richting = 'HOGER_IS_BETER' then w.waarde >= keuze.norm
                  else w.waarde <= keuze.norm end as gehaald
      from kpi_waarde w
      join kwartaalrapportage r on r.id = w.rapportage_id
      join kpi k on k.id = w.kpi_id
      left join lateral kies_kpi_norm(w.kpi_id, r.jaar, r.kwartaal, w.gemeente_id) keuze on true;`);
    this.addSql(`drop function beoordeel_kpi_waarde(int, int, int, int, numeric, text);`);
    this.addSql(KIES_KPI_NORM_OUD);
    this.addSql(`drop index "dvo_norm_kpi_jaar_gemeente_idx";`);
    this.addSql(`create index "dvo_norm_kpi_jaar_idx" on "dvo_norm" ("kpi_id", "jaar");`);
  }

}
