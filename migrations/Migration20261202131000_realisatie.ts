import { Migration } from '@mikro-orm/migrations';

/**
 * Realisation during the year (issue [14]): realised lasten and baten per module, year and quarter on
 * Iv3 cells (taakveld × economische categorie), stored per quarter; and the forecast for the year
 * per quarter (bestuursrapportage). A closed year is guarded here as for budgets: the trigger of
 * migration eenAntwoord refuses any change to a closed module year, also from outside the hub.
 */
export class Migration20261202131000_realisatie extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "realisatie" ("id" serial primary key, "module_id" int not null, "jaar" smallint not null, "kwartaal" smallint not null, "taakveld" varchar(10) not null, "categorie" varchar(10) not null, "kant" text check ("kant" in ('LASTEN', 'BATEN')) not null, "bedrag" numeric(15,2) not null, constraint realisatie_bedrag_check check (bedrag >= 0), constraint realisatie_kwartaal_check check (kwartaal >= 1 and kwartaal <= 4), constraint realisatie_jaar_check check (jaar >= 2000 and jaar <= 2200));`);
    this.addSql(`alter table "realisatie" add constraint "realisatie_cel_unique" unique ("module_id", "jaar", "kwartaal", "taakveld", "categorie", "kant");`);

    this.addSql(`create table "realisatie_prognose" ("id" serial primary key, "module_id" int not null, "jaar" smallint not null, "kwartaal" smallint not null, "lasten" numeric(15,2) not null, "baten" numeric(15,2) not null, "toelichting" text null, constraint realisatie_prognose_bedragen_check check (lasten >= 0 and baten >= 0), constraint realisatie_prognose_kwartaal_check check (kwartaal >= 1 and kwartaal <= 4));`);
    this.addSql(`alter table "realisatie_prognose" add constraint "realisatie_prognose_unique" unique ("module_id", "jaar", "kwartaal");`);

    this.addSql(`alter table "realisatie" add constraint "realisatie_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "realisatie_prognose" add constraint "realisatie_prognose_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);

    for (const tabel of ['realisatie', 'realisatie_prognose']) {
      this.addSql(`create trigger "${tabel}_afgesloten_jaar" before insert or update or delete on "${tabel}"
        for each row execute function weiger_wijziging_afgesloten_jaar();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "realisatie" cascade;`);

    this.addSql(`drop table if exists "realisatie_prognose" cascade;`);
  }

}
