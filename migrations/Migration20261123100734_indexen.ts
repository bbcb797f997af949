import { Migration } from '@mikro-orm/migrations';

export class Migration20261123100734_indexen extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "dvo_gemeente_idx" on "dvo" ("gemeente_id");`);
    this.addSql(`create index "dvo_module_idx" on "dvo" ("module_id");`);

    this.addSql(`create index "dvo_norm_kpi_jaar_idx" on "dvo_norm" ("kpi_id", "jaar");`);

    this.addSql(`create index "deelname_gemeente_idx" on "deelname" ("gemeente_id", "vanaf");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "deelname_gemeente_idx";`);

    this.addSql(`drop index "dvo_gemeente_idx";`);
    this.addSql(`drop index "dvo_module_idx";`);

    this.addSql(`drop index "dvo_norm_kpi_jaar_idx";`);
  }

}
