import { Migration } from '@mikro-orm/migrations';

export class Migration20261123101404_betaalritme extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "module" add column "betaalritme" text check ("betaalritme" in ('MAANDELIJKS', 'PER_KWARTAAL')) not null default 'PER_KWARTAAL';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "module" drop column "betaalritme";`);
  }

}
