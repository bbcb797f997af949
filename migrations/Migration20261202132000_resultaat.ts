import { Migration } from '@mikro-orm/migrations';

/**
 * Jaarresultaat, resultaatbestemming and reserves (issue [14], part resultaat): reserves and voorzieningen
 * per module or MGR-wide with their movements (the stand is derived, never stored), and the AB's
 * resultaatbestemming per module and year with its lines.
 */
export class Migration20261202132000_resultaat extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "reserve" ("id" serial primary key, "module_id" int null, "soort" text check ("soort" in ('ALGEMENE_RESERVE', 'BESTEMMINGSRESERVE', 'VOORZIENING')) not null, "naam" varchar(200) not null, "doel" text not null, "ingesteld_op" date not null);`);
    this.addSql(`alter table "reserve" add constraint "reserve_naam_unique" unique ("naam");`);

    this.addSql(`create table "resultaatbestemming" ("id" serial primary key, "module_id" int not null, "jaar" smallint not null, "besluit_op" date not null, "resultaat" numeric(15,2) not null, "omschrijving" varchar(300) not null, "vastgelegd_op" timestamptz not null, "vastgelegd_door" varchar(200) not null, constraint resultaatbestemming_jaar_check check (jaar >= 2000 and jaar <= 2200));`);
    this.addSql(`alter table "resultaatbestemming" add constraint "resultaatbestemming_module_jaar_unique" unique ("module_id", "jaar");`);

    this.addSql(`create table "reservemutatie" ("id" serial primary key, "reserve_id" int not null, "soort" text check ("soort" in ('TOEVOEGING', 'ONTTREKKING', 'VRIJVAL')) not null, "datum" date not null, "bedrag" numeric(15,2) not null, "reden" text not null, "resultaatbestemming_id" int null, "vastgelegd_op" timestamptz not null, "vastgelegd_door" varchar(200) not null, constraint reservemutatie_bedrag_check check (bedrag > 0));`);
    this.addSql(`create index "reservemutatie_reserve_datum_idx" on "reservemutatie" ("reserve_id", "datum");`);

    this.addSql(`create table "resultaatbestemming_regel" ("id" serial primary key, "resultaatbestemming_id" int not null, "soort" text check ("soort" in ('TERUGBETALEN_AAN_GEMEENTEN', 'BIJ_TE_BETALEN_DOOR_GEMEENTEN', 'TOEVOEGEN_AAN_RESERVE', 'ONTTREKKEN_AAN_RESERVE')) not null, "bedrag" numeric(15,2) not null, "reserve_id" int null, constraint resultaatbestemming_regel_reserve_check check ((reserve_id is not null and (soort = 'TOEVOEGEN_AAN_RESERVE' or soort = 'ONTTREKKEN_AAN_RESERVE')) or (reserve_id is null and soort <> 'TOEVOEGEN_AAN_RESERVE' and soort <> 'ONTTREKKEN_AAN_RESERVE')), constraint resultaatbestemming_regel_bedrag_check check (bedrag > 0));`);

    this.addSql(`alter table "reserve" add constraint "reserve_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "resultaatbestemming" add constraint "resultaatbestemming_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "reservemutatie" add constraint "reservemutatie_reserve_id_foreign" foreign key ("reserve_id") references "reserve" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "reservemutatie" add constraint "reservemutatie_resultaatbestemming_id_foreign" foreign key ("resultaatbestemming_id") references "resultaatbestemming" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "resultaatbestemming_regel" add constraint "resultaatbestemming_regel_resultaatbestemming_id_foreign" foreign key ("resultaatbestemming_id") references "resultaatbestemming" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "resultaatbestemming_regel" add constraint "resultaatbestemming_regel_reserve_id_foreign" foreign key ("reserve_id") references "reserve" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "reservemutatie" drop constraint "reservemutatie_reserve_id_foreign";`);

    this.addSql(`alter table "resultaatbestemming_regel" drop constraint "resultaatbestemming_regel_reserve_id_foreign";`);

    this.addSql(`alter table "reservemutatie" drop constraint "reservemutatie_resultaatbestemming_id_foreign";`);

    this.addSql(`alter table "resultaatbestemming_regel" drop constraint "resultaatbestemming_regel_resultaatbestemming_id_foreign";`);

    this.addSql(`drop table if exists "reserve" cascade;`);

    this.addSql(`drop table if exists "resultaatbestemming" cascade;`);

    this.addSql(`drop table if exists "reservemutatie" cascade;`);

    this.addSql(`drop table if exists "resultaatbestemming_regel" cascade;`);
  }

}
