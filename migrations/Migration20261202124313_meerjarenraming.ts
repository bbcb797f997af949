// A budget version carries its meerjarenraming: the lasten and baten of t+1 … t+3 (one row per year).
// Versions are never changed, so neither are their ramingen; they go with the version (cascade).
import { Migration } from '@mikro-orm/migrations';

export class Migration20261202124313_meerjarenraming extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "begroting_raming" ("id" serial primary key, "begroting_id" int not null, "jaar" smallint not null, "lasten" numeric(15,2) not null, "baten" numeric(15,2) not null, constraint begroting_raming_bedragen_check check (lasten >= 0 and baten >= 0));`);
    this.addSql(`alter table "begroting_raming" add constraint "begroting_raming_unique" unique ("begroting_id", "jaar");`);

    this.addSql(`alter table "begroting_raming" add constraint "begroting_raming_begroting_id_foreign" foreign key ("begroting_id") references "begroting" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "begroting_raming" cascade;`);
  }

}
