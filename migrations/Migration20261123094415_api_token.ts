import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094415_api_token extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_token" ("id" serial primary key, "naam" varchar(120) not null, "rol" text check ("rol" in ('BEHEERDER', 'CONTROLLER', 'MODULEMANAGER', 'GEMEENTE', 'DASHBOARD')) not null, "gemeente" varchar(6) null, "modules" text[] not null default '{}', "hash" varchar(64) not null, "prefix" varchar(12) not null, "aangemaakt_op" timestamptz not null default now(), "ingetrokken_op" timestamptz null, "laatst_gebruikt_op" timestamptz null, constraint api_token_gemeente_check check (gemeente is null or gemeente ~ '^GM[0-9]{4}\$'));`);
    this.addSql(`alter table "api_token" add constraint "api_token_hash_unique" unique ("hash");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_token" cascade;`);
  }

}
