import { Migration } from '@mikro-orm/migrations';

export class Migration20261123092403_init extends Migration {

  override async up(): Promise<void> {
    // btree_gist lets the exclusion constraint deelname_geen_overlap combine equality on ids with
    // overlap of date ranges.
    this.addSql(`create extension if not exists btree_gist;`);

    this.addSql(`create table "audit_log" ("id" bigserial primary key, "wie" varchar(200) not null, "wanneer" timestamptz not null default now(), "actie" varchar(60) not null, "entiteit" varchar(60) not null, "entiteit_id" varchar(60) not null, "voor" jsonb null, "na" jsonb null);`);
    this.addSql(`create index "audit_log_wanneer_idx" on "audit_log" ("wanneer");`);
    this.addSql(`create index "audit_log_entiteit_idx" on "audit_log" ("entiteit", "entiteit_id");`);

    this.addSql(`create table "gemeente" ("id" serial primary key, "cbs_code" varchar(6) not null, "naam" varchar(100) not null, constraint gemeente_cbs_code_check check (cbs_code ~ '^GM[0-9]{4}\$'));`);
    this.addSql(`alter table "gemeente" add constraint "gemeente_cbs_code_unique" unique ("cbs_code");`);

    this.addSql(`create table "inwonertal" ("id" serial primary key, "gemeente_id" int not null, "jaar" smallint not null, "aantal" int not null, "bron" varchar(200) not null, constraint inwonertal_jaar_check check (jaar >= 1900 and jaar <= 2200), constraint inwonertal_aantal_check check (aantal >= 0));`);
    this.addSql(`alter table "inwonertal" add constraint "inwonertal_gemeente_jaar_unique" unique ("gemeente_id", "jaar");`);

    this.addSql(`create table "organisatie" ("id" serial primary key, "naam" varchar(150) not null, "soort" text check ("soort" in ('BEDRIJF', 'OVERHEID', 'STICHTING')) not null, "kvk_nummer" varchar(8) null, constraint organisatie_kvk_check check (kvk_nummer is null or kvk_nummer ~ '^[0-9]{8}\$'));`);
    this.addSql(`alter table "organisatie" add constraint "organisatie_naam_unique" unique ("naam");`);

    this.addSql(`create table "programma" ("id" serial primary key, "code" varchar(30) not null, "naam" varchar(100) not null, "vanaf" date not null, constraint programma_code_check check (code ~ '^[A-Z][A-Z0-9-]{1,29}\$'));`);
    this.addSql(`alter table "programma" add constraint "programma_code_unique" unique ("code");`);

    this.addSql(`create table "module" ("id" serial primary key, "code" varchar(30) not null, "naam" varchar(100) not null, "omschrijving" text not null, "programma_id" int null, "hoofdmodule_id" int null, "startdatum" date not null, "einddatum" date null, "taakveld" varchar(5) null, constraint module_niet_eigen_hoofdmodule_check check (hoofdmodule_id is null or hoofdmodule_id <> id), constraint module_taakveld_check check (taakveld is null or taakveld ~ '^[0-8]\\.[0-9]{1,2}\$'), constraint module_periode_check check (einddatum is null or einddatum > startdatum), constraint module_code_check check (code ~ '^[A-Z][A-Z0-9-]{1,29}\$'));`);
    this.addSql(`alter table "module" add constraint "module_code_unique" unique ("code");`);

    this.addSql(`create table "kwartaalrapportage" ("id" serial primary key, "module_id" int not null, "jaar" smallint not null, "kwartaal" smallint not null, "versie" smallint not null, "status" text check ("status" in ('CONCEPT', 'INGEDIEND', 'VASTGESTELD', 'TERUGGESTUURD')) not null, "reden" text null, "ingediend_op" timestamptz null, "vastgesteld_op" timestamptz null, "gewijzigd_op" timestamptz not null default now(), constraint kwartaalrapportage_reden_check check ((status <> 'TERUGGESTUURD' and versie = 1) or reden is not null), constraint kwartaalrapportage_versie_check check (versie >= 1), constraint kwartaalrapportage_jaar_check check (jaar >= 2000 and jaar <= 2200), constraint kwartaalrapportage_kwartaal_check check (kwartaal >= 1 and kwartaal <= 4));`);
    this.addSql(`alter table "kwartaalrapportage" add constraint "kwartaalrapportage_versie_unique" unique ("module_id", "jaar", "kwartaal", "versie");`);

    this.addSql(`create table "kpi" ("id" serial primary key, "module_id" int not null, "code" varchar(40) not null, "naam" varchar(200) not null, "eenheid" text check ("eenheid" in ('AANTAL', 'PERCENTAGE', 'EURO', 'DAGEN', 'FTE')) not null, "richting" text check ("richting" in ('HOGER_IS_BETER', 'LAGER_IS_BETER')) not null, "niveau" text check ("niveau" in ('GEMEENTE', 'REGIO')) not null, "ondergrens" numeric(14,4) null, "bovengrens" numeric(14,4) null, "actief_vanaf" date not null, "actief_tot" date null, constraint kpi_actief_check check (actief_tot is null or actief_tot > actief_vanaf), constraint kpi_percentage_check check (eenheid <> 'PERCENTAGE' or (coalesce(ondergrens, 0) >= 0 and coalesce(bovengrens, 100) <= 100)), constraint kpi_grenzen_check check (ondergrens is null or bovengrens is null or ondergrens <= bovengrens), constraint kpi_code_check check (code ~ '^[A-Z][A-Z0-9_]{1,39}\$'));`);
    this.addSql(`alter table "kpi" add constraint "kpi_module_code_unique" unique ("module_id", "code");`);

    this.addSql(`create table "kpi_waarde" ("id" serial primary key, "rapportage_id" int not null, "kpi_id" int not null, "gemeente_id" int null, "waarde" numeric(14,4) not null, "toelichting" text null);`);
    this.addSql(`create index "kpi_waarde_kpi_gemeente_idx" on "kpi_waarde" ("kpi_id", "gemeente_id");`);
    this.addSql(`create unique index "kpi_waarde_unique" on "kpi_waarde" ("rapportage_id", "kpi_id", coalesce("gemeente_id", 0));`);

    this.addSql(`create table "dvo" ("id" serial primary key, "kenmerk" varchar(60) not null, "omschrijving" text not null, "module_id" int not null, "gemeente_id" int null, "organisatie_id" int null, "ingangsdatum" date not null, "einddatum" date null, "status" text check ("status" in ('CONCEPT', 'ACTIEF', 'BEEINDIGD')) not null, constraint dvo_looptijd_check check (einddatum is null or einddatum >= ingangsdatum), constraint dvo_partij_check check ((gemeente_id is null) <> (organisatie_id is null)));`);
    this.addSql(`alter table "dvo" add constraint "dvo_kenmerk_unique" unique ("kenmerk");`);

    this.addSql(`create table "dvo_norm" ("id" serial primary key, "dvo_id" int not null, "kpi_id" int not null, "gemeente_id" int null, "jaar" smallint not null, "norm" numeric(14,4) not null, constraint dvo_norm_jaar_check check (jaar >= 2000 and jaar <= 2200));`);
    this.addSql(`create unique index "dvo_norm_unique" on "dvo_norm" ("dvo_id", "kpi_id", "jaar", coalesce("gemeente_id", 0));`);

    this.addSql(`create table "deelname" ("id" serial primary key, "gemeente_id" int not null, "module_id" int not null, "vanaf" date not null, "tot" date null, constraint deelname_periode_check check (tot is null or tot > vanaf));`);
    this.addSql(`alter table "deelname" add constraint "deelname_geen_overlap" exclude using gist ("gemeente_id" with =, "module_id" with =, daterange("vanaf", "tot", '[)') with &&);`);
    this.addSql(`create index "deelname_module_idx" on "deelname" ("module_id", "vanaf");`);

    this.addSql(`create table "begroting" ("id" serial primary key, "module_id" int not null, "jaar" smallint not null, "soort" text check ("soort" in ('PRIMITIEF', 'WIJZIGING', 'REALISATIE')) not null, "volgnummer" smallint not null, "lasten" numeric(15,2) not null, "baten" numeric(15,2) not null, "vastgesteld_op" date not null, "omschrijving" varchar(300) not null, constraint begroting_bedragen_check check (lasten >= 0 and baten >= 0), constraint begroting_volgnummer_check check ((soort = 'WIJZIGING' and volgnummer >= 1) or (soort <> 'WIJZIGING' and volgnummer = 0)), constraint begroting_jaar_check check (jaar >= 2000 and jaar <= 2200));`);
    this.addSql(`alter table "begroting" add constraint "begroting_versie_unique" unique ("module_id", "jaar", "soort", "volgnummer");`);

    this.addSql(`create table "verdeelsleutel" ("id" serial primary key, "module_id" int not null, "jaar" smallint not null, "grondslag" text check ("grondslag" in ('INWONERS', 'LEERLINGEN', 'SW_ARBEIDSJAREN', 'GEBRUIK', 'GELIJKE_DELEN', 'VASTE_PERCENTAGES')) not null, "omschrijving" varchar(300) not null, constraint verdeelsleutel_jaar_check check (jaar >= 2000 and jaar <= 2200));`);
    this.addSql(`alter table "verdeelsleutel" add constraint "verdeelsleutel_module_jaar_unique" unique ("module_id", "jaar");`);

    this.addSql(`create table "bijdrage" ("id" serial primary key, "gemeente_id" int not null, "module_id" int not null, "jaar" smallint not null, "fase" text check ("fase" in ('BEGROOT', 'GEWIJZIGD', 'GEREALISEERD')) not null, "bedrag" numeric(15,2) not null, "taakveld" varchar(5) not null, "begroting_id" int null, "verdeelsleutel_id" int null, "eenheden" numeric(14,4) null, "deelname_dagen" smallint null, "aandeel" numeric(12,10) null, "berekend_op" timestamptz not null default now(), constraint bijdrage_dagen_check check (deelname_dagen is null or deelname_dagen >= 0 and deelname_dagen <= 366), constraint bijdrage_aandeel_check check (aandeel is null or (aandeel >= 0 and aandeel <= 1)), constraint bijdrage_taakveld_check check (taakveld ~ '^[0-8]\\.[0-9]{1,2}\$'), constraint bijdrage_jaar_check check (jaar >= 2000 and jaar <= 2200));`);
    this.addSql(`create index "bijdrage_module_jaar_idx" on "bijdrage" ("module_id", "jaar");`);
    this.addSql(`create index "bijdrage_jaar_fase_idx" on "bijdrage" ("jaar", "fase", "gemeente_id", "module_id");`);
    this.addSql(`create unique index "bijdrage_unique" on "bijdrage" ("gemeente_id", "module_id", "jaar", "fase", coalesce("begroting_id", 0));`);

    this.addSql(`create table "verdeelsleutel_eenheid" ("id" serial primary key, "verdeelsleutel_id" int not null, "gemeente_id" int not null, "eenheden" numeric(14,4) not null, "bron" varchar(200) not null, constraint verdeelsleutel_eenheid_check check (eenheden >= 0));`);
    this.addSql(`alter table "verdeelsleutel_eenheid" add constraint "verdeelsleutel_eenheid_unique" unique ("verdeelsleutel_id", "gemeente_id");`);

    this.addSql(`alter table "inwonertal" add constraint "inwonertal_gemeente_id_foreign" foreign key ("gemeente_id") references "gemeente" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "module" add constraint "module_programma_id_foreign" foreign key ("programma_id") references "programma" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "module" add constraint "module_hoofdmodule_id_foreign" foreign key ("hoofdmodule_id") references "module" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "kwartaalrapportage" add constraint "kwartaalrapportage_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "kpi" add constraint "kpi_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "kpi_waarde" add constraint "kpi_waarde_rapportage_id_foreign" foreign key ("rapportage_id") references "kwartaalrapportage" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "kpi_waarde" add constraint "kpi_waarde_kpi_id_foreign" foreign key ("kpi_id") references "kpi" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "kpi_waarde" add constraint "kpi_waarde_gemeente_id_foreign" foreign key ("gemeente_id") references "gemeente" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "dvo" add constraint "dvo_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "dvo" add constraint "dvo_gemeente_id_foreign" foreign key ("gemeente_id") references "gemeente" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "dvo" add constraint "dvo_organisatie_id_foreign" foreign key ("organisatie_id") references "organisatie" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "dvo_norm" add constraint "dvo_norm_dvo_id_foreign" foreign key ("dvo_id") references "dvo" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "dvo_norm" add constraint "dvo_norm_kpi_id_foreign" foreign key ("kpi_id") references "kpi" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "dvo_norm" add constraint "dvo_norm_gemeente_id_foreign" foreign key ("gemeente_id") references "gemeente" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "deelname" add constraint "deelname_gemeente_id_foreign" foreign key ("gemeente_id") references "gemeente" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "deelname" add constraint "deelname_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "begroting" add constraint "begroting_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "verdeelsleutel" add constraint "verdeelsleutel_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "bijdrage" add constraint "bijdrage_gemeente_id_foreign" foreign key ("gemeente_id") references "gemeente" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "bijdrage" add constraint "bijdrage_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "bijdrage" add constraint "bijdrage_begroting_id_foreign" foreign key ("begroting_id") references "begroting" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "bijdrage" add constraint "bijdrage_verdeelsleutel_id_foreign" foreign key ("verdeelsleutel_id") references "verdeelsleutel" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "verdeelsleutel_eenheid" add constraint "verdeelsleutel_eenheid_verdeelsleutel_id_foreign" foreign key ("verdeelsleutel_id") references "verdeelsleutel" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "verdeelsleutel_eenheid" add constraint "verdeelsleutel_eenheid_gemeente_id_foreign" foreign key ("gemeente_id") references "gemeente" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inwonertal" drop constraint "inwonertal_gemeente_id_foreign";`);

    this.addSql(`alter table "kpi_waarde" drop constraint "kpi_waarde_gemeente_id_foreign";`);

    this.addSql(`alter table "dvo" drop constraint "dvo_gemeente_id_foreign";`);

    this.addSql(`alter table "dvo_norm" drop constraint "dvo_norm_gemeente_id_foreign";`);

    this.addSql(`alter table "deelname" drop constraint "deelname_gemeente_id_foreign";`);

    this.addSql(`alter table "bijdrage" drop constraint "bijdrage_gemeente_id_foreign";`);

    this.addSql(`alter table "verdeelsleutel_eenheid" drop constraint "verdeelsleutel_eenheid_gemeente_id_foreign";`);

    this.addSql(`alter table "dvo" drop constraint "dvo_organisatie_id_foreign";`);

    this.addSql(`alter table "module" drop constraint "module_programma_id_foreign";`);

    this.addSql(`alter table "module" drop constraint "module_hoofdmodule_id_foreign";`);

    this.addSql(`alter table "kwartaalrapportage" drop constraint "kwartaalrapportage_module_id_foreign";`);

    this.addSql(`alter table "kpi" drop constraint "kpi_module_id_foreign";`);

    this.addSql(`alter table "dvo" drop constraint "dvo_module_id_foreign";`);

    this.addSql(`alter table "deelname" drop constraint "deelname_module_id_foreign";`);

    this.addSql(`alter table "begroting" drop constraint "begroting_module_id_foreign";`);

    this.addSql(`alter table "verdeelsleutel" drop constraint "verdeelsleutel_module_id_foreign";`);

    this.addSql(`alter table "bijdrage" drop constraint "bijdrage_module_id_foreign";`);

    this.addSql(`alter table "kpi_waarde" drop constraint "kpi_waarde_rapportage_id_foreign";`);

    this.addSql(`alter table "kpi_waarde" drop constraint "kpi_waarde_kpi_id_foreign";`);

    this.addSql(`alter table "dvo_norm" drop constraint "dvo_norm_kpi_id_foreign";`);

    this.addSql(`alter table "dvo_norm" drop constraint "dvo_norm_dvo_id_foreign";`);

    this.addSql(`alter table "bijdrage" drop constraint "bijdrage_begroting_id_foreign";`);

    this.addSql(`alter table "bijdrage" drop constraint "bijdrage_verdeelsleutel_id_foreign";`);

    this.addSql(`alter table "verdeelsleutel_eenheid" drop constraint "verdeelsleutel_eenheid_verdeelsleutel_id_foreign";`);

    this.addSql(`drop table if exists "audit_log" cascade;`);

    this.addSql(`drop table if exists "gemeente" cascade;`);

    this.addSql(`drop table if exists "inwonertal" cascade;`);

    this.addSql(`drop table if exists "organisatie" cascade;`);

    this.addSql(`drop table if exists "programma" cascade;`);

    this.addSql(`drop table if exists "module" cascade;`);

    this.addSql(`drop table if exists "kwartaalrapportage" cascade;`);

    this.addSql(`drop table if exists "kpi" cascade;`);

    this.addSql(`drop table if exists "kpi_waarde" cascade;`);

    this.addSql(`drop table if exists "dvo" cascade;`);

    this.addSql(`drop table if exists "dvo_norm" cascade;`);

    this.addSql(`drop table if exists "deelname" cascade;`);

    this.addSql(`drop table if exists "begroting" cascade;`);

    this.addSql(`drop table if exists "verdeelsleutel" cascade;`);

    this.addSql(`drop table if exists "bijdrage" cascade;`);

    this.addSql(`drop table if exists "verdeelsleutel_eenheid" cascade;`);
  }

}
