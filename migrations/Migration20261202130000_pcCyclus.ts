import { Migration } from '@mikro-orm/migrations';

const sqlWaarde = (v: string | number | null) => (v === null ? 'null' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

export class Migration20261202130000_pcCyclus extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "pc_document" ("id" serial primary key, "soort" text check ("soort" in ('KADERNOTA', 'ONTWERPBEGROTING', 'BEGROTING', 'BEGROTINGSWIJZIGING', 'VOORLOPIGE_JAARREKENING', 'JAARREKENING', 'UITVOERINGSPLAN', 'UITVOERINGSPROGRAMMA')) not null, "jaar" smallint not null, "tot_jaar" smallint null, "titel" varchar(300) not null, "status" text check ("status" in ('CONCEPT', 'VOOR_ZIENSWIJZE', 'VASTGESTELD', 'VERZONDEN')) not null, "verzonden_aan_raden_op" date null, "zienswijzetermijn_tot" date null, "vastgesteld_op" date null, "verzonden_aan_toezichthouder_op" date null, constraint pc_document_volgorde_check check ((vastgesteld_op is null or verzonden_aan_raden_op is null or vastgesteld_op >= verzonden_aan_raden_op) and (verzonden_aan_toezichthouder_op is null or (vastgesteld_op is not null and verzonden_aan_toezichthouder_op >= vastgesteld_op))), constraint pc_document_jaar_check check (jaar >= 2000 and jaar <= 2200 and (tot_jaar is null or (tot_jaar >= jaar and tot_jaar <= 2200))));`);
    this.addSql(`alter table "pc_document" add constraint "pc_document_soort_jaar_titel_unique" unique ("soort", "jaar", "titel");`);

    this.addSql(`create table "pc_document_module" ("id" serial primary key, "document_id" int not null, "module_id" int not null);`);
    this.addSql(`create index "pc_document_module_module_idx" on "pc_document_module" ("module_id");`);
    this.addSql(`alter table "pc_document_module" add constraint "pc_document_module_unique" unique ("document_id", "module_id");`);

    this.addSql(`create table "pc_document_begroting" ("id" serial primary key, "document_id" int not null, "begroting_id" int not null);`);
    this.addSql(`create index "pc_document_begroting_document_idx" on "pc_document_begroting" ("document_id");`);
    this.addSql(`alter table "pc_document_begroting" add constraint "pc_document_begroting_begroting_unique" unique ("begroting_id");`);

    this.addSql(`create table "termijnregel" ("id" serial primary key, "code" varchar(60) not null, "documentsoort" text check ("documentsoort" in ('KADERNOTA', 'ONTWERPBEGROTING', 'BEGROTING', 'BEGROTINGSWIJZIGING', 'VOORLOPIGE_JAARREKENING', 'JAARREKENING', 'UITVOERINGSPLAN', 'UITVOERINGSPROGRAMMA')) not null, "stap" text check ("stap" in ('VERZONDEN_AAN_RADEN', 'ZIENSWIJZE', 'VASTGESTELD', 'VERZONDEN_AAN_TOEZICHTHOUDER')) not null, "soort" text check ("soort" in ('VASTE_DATUM', 'WEKEN_NA', 'WEKEN_NA_UITERLIJK')) not null, "weken" smallint null, "na_stap" text check ("na_stap" in ('VERZONDEN_AAN_RADEN', 'ZIENSWIJZE', 'VASTGESTELD', 'VERZONDEN_AAN_TOEZICHTHOUDER')) null, "voor_maand" smallint null, "voor_dag" smallint null, "jaar_verschil" smallint null, "omschrijving" text not null, "grondslag" text not null, constraint termijnregel_waarden_check check ((weken is null or (weken >= 0 and weken <= 104)) and (voor_maand is null or (voor_maand >= 1 and voor_maand <= 12)) and (voor_dag is null or (voor_dag >= 1 and voor_dag <= 31)) and (jaar_verschil is null or abs(jaar_verschil) <= 2)), constraint termijnregel_vorm_check check ((soort = 'VASTE_DATUM' and voor_maand is not null and voor_dag is not null and jaar_verschil is not null and weken is null and na_stap is null) or (soort = 'WEKEN_NA' and weken is not null and na_stap is not null and voor_maand is null and voor_dag is null and jaar_verschil is null) or (soort = 'WEKEN_NA_UITERLIJK' and weken is not null and na_stap is not null and voor_maand is not null and voor_dag is not null and jaar_verschil is not null)));`);
    this.addSql(`alter table "termijnregel" add constraint "termijnregel_code_unique" unique ("code");`);
    this.addSql(`alter table "termijnregel" add constraint "termijnregel_soort_stap_unique" unique ("documentsoort", "stap");`);

    this.addSql(`create table "zienswijze" ("id" serial primary key, "document_id" int not null, "gemeente_id" int not null, "ontvangen_op" date not null, "samenvatting" text not null, "reactie_db" text null, "reactie_db_op" date null, "gevolgd_door_ab" text check ("gevolgd_door_ab" in ('JA', 'NEE', 'GEDEELTELIJK')) null, constraint zienswijze_reactie_check check ((reactie_db is null) = (reactie_db_op is null)));`);
    this.addSql(`create index "zienswijze_gemeente_idx" on "zienswijze" ("gemeente_id");`);
    this.addSql(`alter table "zienswijze" add constraint "zienswijze_document_gemeente_unique" unique ("document_id", "gemeente_id");`);

    this.addSql(`alter table "pc_document_module" add constraint "pc_document_module_document_id_foreign" foreign key ("document_id") references "pc_document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "pc_document_module" add constraint "pc_document_module_module_id_foreign" foreign key ("module_id") references "module" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "pc_document_begroting" add constraint "pc_document_begroting_document_id_foreign" foreign key ("document_id") references "pc_document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "pc_document_begroting" add constraint "pc_document_begroting_begroting_id_foreign" foreign key ("begroting_id") references "begroting" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "zienswijze" add constraint "zienswijze_document_id_foreign" foreign key ("document_id") references "pc_document" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "zienswijze" add constraint "zienswijze_gemeente_id_foreign" foreign key ("gemeente_id") references "gemeente" ("id") on update cascade on delete restrict;`);

    // The small governance register: bestuurscommissies per programma, members, meetings, advice on documents.
    this.addSql(`create table "bestuurscommissie" ("id" serial primary key, "programma_id" int not null, "naam" varchar(200) not null);`);
    this.addSql(`alter table "bestuurscommissie" add constraint "bestuurscommissie_programma_unique" unique ("programma_id");`);

    this.addSql(`create table "commissievergadering" ("id" serial primary key, "commissie_id" int not null, "datum" date not null, "onderwerp" varchar(300) not null);`);
    this.addSql(`create index "commissievergadering_commissie_datum_idx" on "commissievergadering" ("commissie_id", "datum");`);

    this.addSql(`create table "commissieadvies" ("id" serial primary key, "commissie_id" int not null, "document_id" int not null, "datum" date not null, "advies" text not null);`);
    this.addSql(`create index "commissieadvies_commissie_idx" on "commissieadvies" ("commissie_id");`);
    this.addSql(`alter table "commissieadvies" add constraint "commissieadvies_unique" unique ("document_id", "commissie_id");`);

    this.addSql(`create table "bestuurscommissie_lid" ("id" serial primary key, "commissie_id" int not null, "gemeente_id" int not null, "naam" varchar(200) not null, "portefeuille" varchar(300) not null);`);
    this.addSql(`create index "bestuurscommissie_lid_gemeente_idx" on "bestuurscommissie_lid" ("gemeente_id");`);
    this.addSql(`alter table "bestuurscommissie_lid" add constraint "bestuurscommissie_lid_unique" unique ("commissie_id", "gemeente_id", "naam");`);

    this.addSql(`alter table "bestuurscommissie" add constraint "bestuurscommissie_programma_id_foreign" foreign key ("programma_id") references "programma" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "commissievergadering" add constraint "commissievergadering_commissie_id_foreign" foreign key ("commissie_id") references "bestuurscommissie" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "commissieadvies" add constraint "commissieadvies_commissie_id_foreign" foreign key ("commissie_id") references "bestuurscommissie" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "commissieadvies" add constraint "commissieadvies_document_id_foreign" foreign key ("document_id") references "pc_document" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "bestuurscommissie_lid" add constraint "bestuurscommissie_lid_commissie_id_foreign" foreign key ("commissie_id") references "bestuurscommissie" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "bestuurscommissie_lid" add constraint "bestuurscommissie_lid_gemeente_id_foreign" foreign key ("gemeente_id") references "gemeente" ("id") on update cascade on delete restrict;`);

    // The default calendar of the Wgr since 1 July 2022 (research for issue [14], §5). "Vóór 30 april"
    // is stored as 30 April and means the 29th at the latest. The beheerder can change each rule
    // (termijnregelWijzigen); the MGR regeling's own terms for the uitvoeringsplan are an assumption.
    const regels: Array<[string, string, string, string, number | null, string | null, number | null, number | null, number | null, string, string]> = [
      ['KADERNOTA_NAAR_RADEN', 'KADERNOTA', 'VERZONDEN_AAN_RADEN', 'VASTE_DATUM', null, null, 4, 30, -1,
        'Het dagelijks bestuur zendt de algemene financiële en beleidsmatige kaders vóór 30 april van het jaar vóór het begrotingsjaar aan de raden.',
        'Wgr art. 34b (sinds 1 juli 2022; daarvoor 15 april)'],
      ['VOORLOPIGE_JAARREKENING_NAAR_RADEN', 'VOORLOPIGE_JAARREKENING', 'VERZONDEN_AAN_RADEN', 'VASTE_DATUM', null, null, 4, 30, 1,
        'Het dagelijks bestuur zendt de voorlopige jaarrekening vóór 30 april van het jaar na het verslagjaar aan de raden.',
        'Wgr art. 34b'],
      ['ONTWERPBEGROTING_ZIENSWIJZE', 'ONTWERPBEGROTING', 'ZIENSWIJZE', 'WEKEN_NA', 12, 'VERZONDEN_AAN_RADEN', null, null, null,
        'De raden kunnen binnen 12 weken na toezending van de ontwerpbegroting hun zienswijze naar voren brengen; het algemeen bestuur beslist niet eerder.',
        'Wgr art. 35 lid 1 en 3 (sinds 1 juli 2022; daarvoor 8 weken)'],
      ['BEGROTINGSWIJZIGING_ZIENSWIJZE', 'BEGROTINGSWIJZIGING', 'ZIENSWIJZE', 'WEKEN_NA', 12, 'VERZONDEN_AAN_RADEN', null, null, null,
        'Voor een begrotingswijziging geldt dezelfde zienswijzetermijn van 12 weken, tenzij de regeling de categorie uitzondert.',
        'Wgr art. 35 lid 5'],
      ['ONTWERPBEGROTING_NAAR_GS', 'ONTWERPBEGROTING', 'VERZONDEN_AAN_TOEZICHTHOUDER', 'WEKEN_NA_UITERLIJK', 2, 'VASTGESTELD', 9, 15, -1,
        'Het dagelijks bestuur zendt de vastgestelde begroting binnen 2 weken na vaststelling, en in ieder geval vóór 15 september van het jaar vóór het begrotingsjaar, aan Gedeputeerde Staten.',
        'Wgr art. 34 lid 2 (sinds 1 juli 2022; daarvoor vóór 1 augustus)'],
      ['BEGROTING_NAAR_GS', 'BEGROTING', 'VERZONDEN_AAN_TOEZICHTHOUDER', 'WEKEN_NA_UITERLIJK', 2, 'VASTGESTELD', 9, 15, -1,
        'Het dagelijks bestuur zendt de vastgestelde begroting binnen 2 weken na vaststelling, en in ieder geval vóór 15 september van het jaar vóór het begrotingsjaar, aan Gedeputeerde Staten.',
        'Wgr art. 34 lid 2'],
      ['JAARREKENING_NAAR_GS', 'JAARREKENING', 'VERZONDEN_AAN_TOEZICHTHOUDER', 'WEKEN_NA_UITERLIJK', 2, 'VASTGESTELD', 7, 15, 1,
        'Het dagelijks bestuur zendt de vastgestelde jaarrekening binnen 2 weken na vaststelling, en in ieder geval vóór 15 juli van het jaar na het verslagjaar, aan Gedeputeerde Staten.',
        'Wgr art. 34a lid 2 (artikelnummer niet geverifieerd)'],
      ['UITVOERINGSPLAN_ZIENSWIJZE', 'UITVOERINGSPLAN', 'ZIENSWIJZE', 'WEKEN_NA', 12, 'VERZONDEN_AAN_RADEN', null, null, null,
        'Het vierjarig uitvoeringsplan gaat voor zienswijze naar de raden; termijn aangenomen gelijk aan die van de ontwerpbegroting (12 weken).',
        'Regeling MGR art. 24 (termijn: aanname)'],
      ['UITVOERINGSPROGRAMMA_ZIENSWIJZE', 'UITVOERINGSPROGRAMMA', 'ZIENSWIJZE', 'WEKEN_NA', 12, 'VERZONDEN_AAN_RADEN', null, null, null,
        'Het jaarlijkse uitvoeringsprogramma gaat voor zienswijze naar de raden; termijn aangenomen gelijk aan die van de ontwerpbegroting (12 weken).',
        'Regeling MGR art. 24 (termijn: aanname)'],
    ];
    for (const r of regels) {
      this.addSql(
        `insert into "termijnregel" ("code", "documentsoort", "stap", "soort", "weken", "na_stap", "voor_maand", "voor_dag", "jaar_verschil", "omschrijving", "grondslag") values (${r.map(sqlWaarde).join(', ')});`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "commissievergadering" drop constraint "commissievergadering_commissie_id_foreign";`);

    this.addSql(`alter table "commissieadvies" drop constraint "commissieadvies_commissie_id_foreign";`);

    this.addSql(`alter table "bestuurscommissie_lid" drop constraint "bestuurscommissie_lid_commissie_id_foreign";`);

    this.addSql(`drop table if exists "bestuurscommissie" cascade;`);

    this.addSql(`drop table if exists "commissievergadering" cascade;`);

    this.addSql(`drop table if exists "commissieadvies" cascade;`);

    this.addSql(`drop table if exists "bestuurscommissie_lid" cascade;`);

    this.addSql(`alter table "pc_document_module" drop constraint "pc_document_module_document_id_foreign";`);

    this.addSql(`alter table "pc_document_begroting" drop constraint "pc_document_begroting_document_id_foreign";`);

    this.addSql(`alter table "zienswijze" drop constraint "zienswijze_document_id_foreign";`);

    this.addSql(`drop table if exists "pc_document" cascade;`);

    this.addSql(`drop table if exists "pc_document_module" cascade;`);

    this.addSql(`drop table if exists "pc_document_begroting" cascade;`);

    this.addSql(`drop table if exists "termijnregel" cascade;`);

    this.addSql(`drop table if exists "zienswijze" cascade;`);
  }

}
