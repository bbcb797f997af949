import { Migration } from '@mikro-orm/migrations';

/**
 * The jaarrekening is its own object, no longer a budget version (issue [14]). Every REALISATIE row
 * of begroting becomes a row of jaarrekening with the same id, so that the audit entries written
 * about it (entiteit Begroting, that id) keep pointing at the same figures: begroting ids are never
 * reused, and an audit entry JAARREKENING_OVERGEZET per row records the move. Its realised
 * contributions and its links to P&C documents move with it; the REALISATIE rows are removed and the
 * checks tightened. The closed-year triggers are switched off for the move only: the data of closed
 * years moves unchanged, it is not changed.
 */
export class Migration20261202152000_jaarrekening extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "jaarrekening" ("id" serial primary key, "module_id" int not null, "jaar" smallint not null, "lasten" numeric(15,2) not null, "baten" numeric(15,2) not null, "vastgesteld_op" date not null, "omschrijving" varchar(300) not null, constraint jaarrekening_bedragen_check check (lasten >= 0 and baten >= 0), constraint jaarrekening_jaar_check check (jaar >= 2000 and jaar <= 2200));`);
    this.addSql(`alter table "jaarrekening" add constraint "jaarrekening_module_jaar_unique" unique ("module_id", "jaar");`);
    this.addSql(`alter table "jaarrekening" add constraint "jaarrekening_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "pc_document_jaarrekening" ("id" serial primary key, "document_id" int not null, "jaarrekening_id" int not null);`);
    this.addSql(`create index "pc_document_jaarrekening_jaarrekening_idx" on "pc_document_jaarrekening" ("jaarrekening_id");`);
    this.addSql(`alter table "pc_document_jaarrekening" add constraint "pc_document_jaarrekening_unique" unique ("document_id", "jaarrekening_id");`);
    this.addSql(`alter table "pc_document_jaarrekening" add constraint "pc_document_jaarrekening_document_id_foreign" foreign key ("document_id") references "pc_document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "pc_document_jaarrekening" add constraint "pc_document_jaarrekening_jaarrekening_id_foreign" foreign key ("jaarrekening_id") references "jaarrekening" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "bijdrage" add column "jaarrekening_id" int null;`);
    this.addSql(`alter table "bijdrage" alter column "begroting_id" drop not null;`);
    this.addSql(`alter table "bijdrage" add constraint "bijdrage_jaarrekening_id_foreign" foreign key ("jaarrekening_id") references "jaarrekening" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "bijdrage" add constraint "bijdrage_jaarrekening_unique" unique ("jaarrekening_id", "gemeente_id");`);

    // The move.
    this.addSql(`alter table "begroting" disable trigger "begroting_afgesloten_jaar";`);
    this.addSql(`alter table "bijdrage" disable trigger "bijdrage_afgesloten_jaar";`);
    this.addSql(`insert into jaarrekening (id, module_id, jaar, lasten, baten, vastgesteld_op, omschrijving)
      select id, module_id, jaar, lasten, baten, vastgesteld_op, omschrijving from begroting where soort = 'REALISATIE';`);
    this.addSql(`select setval(pg_get_serial_sequence('jaarrekening', 'id'), coalesce((select max(id) from jaarrekening), 0) + 1, false);`);
    this.addSql(`update bijdrage set jaarrekening_id = begroting_id, begroting_id = null
      where begroting_id in (select id from begroting where soort = 'REALISATIE');`);
    this.addSql(`insert into pc_document_jaarrekening (document_id, jaarrekening_id)
      select l.document_id, l.begroting_id from pc_document_begroting l join begroting b on b.id = l.begroting_id where b.soort = 'REALISATIE';`);
    this.addSql(`delete from pc_document_begroting where begroting_id in (select id from begroting where soort = 'REALISATIE');`);
    this.addSql(`insert into audit_log (wie, actie, entiteit, entiteit_id, voor, na)
      select 'migratie jaarrekening', 'JAARREKENING_OVERGEZET', 'Jaarrekening', b.id::text,
             jsonb_build_object('entiteit', 'Begroting', 'id', b.id, 'soort', 'REALISATIE'),
             jsonb_build_object('id', b.id, 'module', m.code, 'jaar', b.jaar, 'lasten', b.lasten::text, 'baten', b.baten::text,
                                'vastgesteldOp', b.vastgesteld_op::text, 'omschrijving', b.omschrijving,
                                'bijdragen', (select count(*) from bijdrage x where x.jaarrekening_id = b.id))
      from begroting b join module m on m.id = b.module_id where b.soort = 'REALISATIE' order by b.id;`);
    this.addSql(`delete from begroting where soort = 'REALISATIE';`);
    this.addSql(`alter table "begroting" enable trigger "begroting_afgesloten_jaar";`);
    this.addSql(`alter table "bijdrage" enable trigger "bijdrage_afgesloten_jaar";`);

    // Tightened: a budget version is a primitieve begroting or an amendment; a contribution comes from
    // exactly one of a budget version and a jaarrekening, the jaarrekening exactly for the realised phase.
    this.addSql(`alter table "begroting" drop constraint if exists "begroting_soort_check";`);
    this.addSql(`alter table "begroting" add constraint "begroting_soort_check" check("soort" in ('PRIMITIEF', 'WIJZIGING'));`);
    this.addSql(`alter table "bijdrage" add constraint bijdrage_bron_check check((begroting_id is null) <> (jaarrekening_id is null) and (jaarrekening_id is not null) = (fase = 'GEREALISEERD'));`);
    // A closed year's jaarrekening is as fixed as its budgets and contributions.
    this.addSql(`create trigger "jaarrekening_afgesloten_jaar" before insert or update or delete on "jaarrekening"
      for each row execute function weiger_wijziging_afgesloten_jaar();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "jaarrekening_afgesloten_jaar" on "jaarrekening";`);
    this.addSql(`alter table "bijdrage" drop constraint bijdrage_bron_check;`);
    this.addSql(`alter table "begroting" drop constraint if exists "begroting_soort_check";`);
    this.addSql(`alter table "begroting" add constraint "begroting_soort_check" check("soort" in ('PRIMITIEF', 'WIJZIGING', 'REALISATIE'));`);

    this.addSql(`alter table "begroting" disable trigger "begroting_afgesloten_jaar";`);
    this.addSql(`alter table "bijdrage" disable trigger "bijdrage_afgesloten_jaar";`);
    this.addSql(`alter table "begroting" add column "oud_jaarrekening_id" int null;`);
    this.addSql(`insert into begroting (module_id, jaar, soort, volgnummer, lasten, baten, vastgesteld_op, omschrijving, oud_jaarrekening_id)
      select module_id, jaar, 'REALISATIE', 0, lasten, baten, vastgesteld_op, omschrijving, id from jaarrekening order by id;`);
    this.addSql(`update bijdrage x set begroting_id = b.id, jaarrekening_id = null from begroting b where b.oud_jaarrekening_id = x.jaarrekening_id;`);
    // The old link table allowed one document per version: the vastgestelde jaarrekening before the voorlopige.
    this.addSql(`insert into pc_document_begroting (document_id, begroting_id)
      select distinct on (l.jaarrekening_id) l.document_id, b.id
      from pc_document_jaarrekening l join begroting b on b.oud_jaarrekening_id = l.jaarrekening_id join pc_document d on d.id = l.document_id
      order by l.jaarrekening_id, (d.soort = 'JAARREKENING') desc, l.document_id;`);
    this.addSql(`alter table "begroting" drop column "oud_jaarrekening_id";`);
    this.addSql(`alter table "begroting" enable trigger "begroting_afgesloten_jaar";`);
    this.addSql(`alter table "bijdrage" enable trigger "bijdrage_afgesloten_jaar";`);

    this.addSql(`alter table "bijdrage" drop constraint "bijdrage_jaarrekening_unique";`);
    this.addSql(`alter table "bijdrage" drop constraint "bijdrage_jaarrekening_id_foreign";`);
    this.addSql(`alter table "bijdrage" drop column "jaarrekening_id";`);
    this.addSql(`alter table "bijdrage" alter column "begroting_id" set not null;`);
    this.addSql(`drop table if exists "pc_document_jaarrekening" cascade;`);
    this.addSql(`drop table if exists "jaarrekening" cascade;`);
  }

}
