import { Migration } from '@mikro-orm/migrations';

export class Migration20261123102100_revisie extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "kwartaalrapportage" add column "revisie" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "kwartaalrapportage" drop column "revisie";`);
  }

}
