import { Migration } from '@mikro-orm/migrations';

// Request counts per identity shared by all hub instances on this database (rate-limiter-flexible's
// RateLimiterPostgres, in the layout it expects). Not an entity: the limiter reads and writes it.
export class Migration20261202030000_rateLimit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "rate_limit";`);
  }

}
