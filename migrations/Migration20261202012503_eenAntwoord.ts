import { Migration } from '@mikro-orm/migrations';

/**
 * One answer per question (issue [9]):
 * - the current figure per phase defined once, in the database: the view actuele_begroting holds per
 *   module, year and phase the newest budget version with computed contributions; every path that
 *   totals money reads contributions of those versions only;
 * - closed years: a module's year is closed once its jaarrekening is recorded (jaarafsluiting);
 *   triggers refuse any change to that year's budgets, keys and contributions while it is closed;
 * - KPI norms with a period, one rule that picks the norm for a value (kies_kpi_norm), and per value
 *   the norm and whether it was met (kpi_waarde_beoordeling);
 * - words of the field: a controller approves (goedkeuren) a quarterly report;
 * - taakvelden with the sub-taakvelden in use since 2023 (6.71a …).
 */
export class Migration20261202012503_eenAntwoord extends Migration {

  override async up(): Promise<void> {
    // Every contribution comes from a budget version; one per gemeente per version.
    this.addSql(`alter table "bijdrage" alter column "begroting_id" set not null;`);
    this.addSql(`drop index if exists "bijdrage_unique";`);
    this.addSql(`alter table "bijdrage" add constraint "bijdrage_unique" unique ("begroting_id", "gemeente_id");`);

    this.addSql(`alter table "bijdrage" drop constraint bijdrage_taakveld_check;`);
    this.addSql(`alter table "bijdrage" add constraint bijdrage_taakveld_check check(taakveld ~ '^[0-8]\\.[0-9]{1,2}[a-z]?\$');`);
    this.addSql(`alter table "module" drop constraint module_taakveld_check;`);
    this.addSql(`alter table "module" add constraint module_taakveld_check check(taakveld is null or taakveld ~ '^[0-8]\\.[0-9]{1,2}[a-z]?\$');`);

    this.addSql(`create view actuele_begroting as
      select distinct on (b.module_id, b.jaar, b.soort) b.id, b.module_id, b.jaar, b.soort, b.volgnummer
      from begroting b
      where exists (select 1 from bijdrage x where x.begroting_id = b.id)
      order by b.module_id, b.jaar, b.soort, b.volgnummer desc;`);

    // Closed years.
    this.addSql(`create table "jaarafsluiting" ("id" serial primary key, "module_id" int not null, "jaar" smallint not null, "status" text check ("status" in ('AFGESLOTEN', 'HEROPEND')) not null, "afgesloten_op" timestamptz not null, "afgesloten_door" varchar(200) not null, "heropend_op" timestamptz null, "heropend_door" varchar(200) null, "reden_heropening" text null, constraint jaarafsluiting_heropening_check check (status <> 'HEROPEND' or (heropend_op is not null and reden_heropening is not null)));`);
    this.addSql(`alter table "jaarafsluiting" add constraint "jaarafsluiting_module_jaar_unique" unique ("module_id", "jaar");`);
    this.addSql(`alter table "jaarafsluiting" add constraint "jaarafsluiting_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);
    // Years whose jaarrekening was already recorded before this migration are closed from now on.
    this.addSql(`insert into jaarafsluiting (module_id, jaar, status, afgesloten_op, afgesloten_door)
      select distinct b.module_id, b.jaar, 'AFGESLOTEN', now(), 'migratie (jaarrekening al vastgelegd)'
      from begroting b where b.soort = 'REALISATIE';`);
    this.addSql(`create function weiger_wijziging_afgesloten_jaar() returns trigger language plpgsql as $$
      declare
        paren int[][] := '{}';
        paar int[];
        code text;
      begin
        if tg_table_name = 'verdeelsleutel_eenheid' then
          if tg_op <> 'INSERT' then
            paren := paren || (select array[[v.module_id, v.jaar::int]] from verdeelsleutel v where v.id = old.verdeelsleutel_id);
          end if;
          if tg_op <> 'DELETE' then
            paren := paren || (select array[[v.module_id, v.jaar::int]] from verdeelsleutel v where v.id = new.verdeelsleutel_id);
          end if;
        else
          if tg_op <> 'INSERT' then paren := paren || array[[old.module_id, old.jaar::int]]; end if;
          if tg_op <> 'DELETE' then paren := paren || array[[new.module_id, new.jaar::int]]; end if;
        end if;
        foreach paar slice 1 in array paren loop
          if exists (select 1 from jaarafsluiting a where a.module_id = paar[1] and a.jaar = paar[2] and a.status = 'AFGESLOTEN') then
            select m.code into code from module m where m.id = paar[1];
            raise exception using errcode = 'RH001', message = format('Het jaar %s van module %s is afgesloten: de jaarrekening is vastgelegd.', paar[2], code);
          end if;
        end loop;
        return coalesce(new, old);
      end $$;`);
    for (const tabel of ['begroting', 'verdeelsleutel', 'verdeelsleutel_eenheid', 'bijdrage']) {
      this.addSql(`create trigger "${tabel}_afgesloten_jaar" before insert or update or delete on "${tabel}"
        for each row execute function weiger_wijziging_afgesloten_jaar();`);
    }

    // A controller approves a quarterly report (vaststellen is what a governing body does).
    this.addSql(`alter table "kwartaalrapportage" drop constraint if exists "kwartaalrapportage_status_check";`);
    this.addSql(`update "kwartaalrapportage" set "status" = 'GOEDGEKEURD' where "status" = 'VASTGESTELD';`);
    this.addSql(`alter table "kwartaalrapportage" add constraint "kwartaalrapportage_status_check" check("status" in ('CONCEPT', 'INGEDIEND', 'GOEDGEKEURD', 'TERUGGESTUURD'));`);
    this.addSql(`alter table "kwartaalrapportage" rename column "vastgesteld_op" to "goedgekeurd_op";`);

    // KPI values and norms have a period; a norm is compared only with values of its own period.
    this.addSql(`alter table "kpi" add column "periode" text check ("periode" in ('KWARTAAL', 'JAAR_TOT_NU', 'JAAR')) not null default 'KWARTAAL';`);
    this.addSql(`alter table "dvo_norm" add column "periode" text check ("periode" in ('KWARTAAL', 'JAAR_TOT_NU', 'JAAR')) null;`);
    this.addSql(`update "dvo_norm" n set "periode" = k."periode" from "kpi" k where k.id = n.kpi_id;`);
    this.addSql(`alter table "dvo_norm" alter column "periode" set not null;`);
    this.addSql(`drop index if exists "dvo_norm_unique";`);
    this.addSql(`create unique index "dvo_norm_unique" on "dvo_norm" ("dvo_id", "kpi_id", "jaar", "periode", coalesce("gemeente_id", 0));`);

    // The rule that picks the norm for a KPI value (or an empty quarter), in one place:
    // only norms of the KPI's own period, in a DVO that is not a draft and runs during the year;
    // a yearly figure only in the fourth quarter. For a per-gemeente KPI: a norm set for that gemeente
    // first, else the norm of the gemeente's own DVO. For a regional KPI: a norm without gemeente,
    // from a DVO with an organisation (a region-wide agreement) first. Then the newest agreement;
    // then the strictest norm (highest when higher is better); then the first recorded.
    this.addSql(`create function kies_kpi_norm(p_kpi int, p_jaar int, p_kwartaal int, p_gemeente int)
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
      $$;`);
    // Per KPI value: its norm and whether it was met; empty for reports that were sent back.
    this.addSql(`create view kpi_waarde_beoordeling as
      select w.id as kpi_waarde_id, keuze.norm, keuze.dvo_norm_id,
             case when keuze.norm is null or r.status = 'TERUGGESTUURD' then null
                  when k.richting = 'HOGER_IS_BETER' then w.waarde >= keuze.norm
                  else w.waarde <= keuze.norm end as gehaald
      from kpi_waarde w
      join kwartaalrapportage r on r.id = w.rapportage_id
      join kpi k on k.id = w.kpi_id
      left join lateral kies_kpi_norm(w.kpi_id, r.jaar, r.kwartaal, w.gemeente_id) keuze on true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view kpi_waarde_beoordeling;`);
    this.addSql(`drop function kies_kpi_norm(int, int, int, int);`);
    this.addSql(`drop index if exists "dvo_norm_unique";`);
    this.addSql(`alter table "dvo_norm" drop column "periode";`);
    this.addSql(`create unique index "dvo_norm_unique" on "dvo_norm" ("dvo_id", "kpi_id", "jaar", coalesce("gemeente_id", 0));`);
    this.addSql(`alter table "kpi" drop column "periode";`);
    this.addSql(`alter table "kwartaalrapportage" rename column "goedgekeurd_op" to "vastgesteld_op";`);
    this.addSql(`alter table "kwartaalrapportage" drop constraint if exists "kwartaalrapportage_status_check";`);
    this.addSql(`update "kwartaalrapportage" set "status" = 'VASTGESTELD' where "status" = 'GOEDGEKEURD';`);
    this.addSql(`alter table "kwartaalrapportage" add constraint "kwartaalrapportage_status_check" check("status" in ('CONCEPT', 'INGEDIEND', 'VASTGESTELD', 'TERUGGESTUURD'));`);
    for (const tabel of ['begroting', 'verdeelsleutel', 'verdeelsleutel_eenheid', 'bijdrage']) {
      this.addSql(`drop trigger "${tabel}_afgesloten_jaar" on "${tabel}";`);
    }
    this.addSql(`drop function weiger_wijziging_afgesloten_jaar();`);
    this.addSql(`drop table if exists "jaarafsluiting" cascade;`);
    this.addSql(`drop view actuele_begroting;`);
    this.addSql(`alter table "module" drop constraint module_taakveld_check;`);
    this.addSql(`alter table "module" add constraint module_taakveld_check check(taakveld is null or taakveld ~ '^[0-8]\\.[0-9]{1,2}\$');`);
    this.addSql(`alter table "bijdrage" drop constraint bijdrage_taakveld_check;`);
    this.addSql(`alter table "bijdrage" add constraint bijdrage_taakveld_check check(taakveld ~ '^[0-8]\\.[0-9]{1,2}\$');`);
    this.addSql(`alter table "bijdrage" drop constraint "bijdrage_unique";`);
    this.addSql(`create unique index "bijdrage_unique" on "bijdrage" ("gemeente_id", "module_id", "jaar", "fase", coalesce("begroting_id", 0));`);
    this.addSql(`alter table "bijdrage" alter column "begroting_id" drop not null;`);
  }

}
