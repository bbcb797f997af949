import { Migration } from '@mikro-orm/migrations';

// "The current report version", defined once in the database, like actuele_begroting for money. Per
// module and quarter: `laatste` marks the latest version of any status (what beheerders, controllers
// and module managers count), `laatste_goedgekeurd` the latest approved one (what gemeenten and
// dashboards count, as they see approved versions only). Reads filter with these flags in SQL instead
// of fetching the ids of all visible versions first.
export class Migration20261202060000_actueleRapportage extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create view "actuele_rapportage" as
      select r.id, r.module_id, r.jaar, r.kwartaal,
             r.versie = max(r.versie) over kwartaal as laatste,
             coalesce(r.status = 'GOEDGEKEURD'
                      and r.versie = max(r.versie) filter (where r.status = 'GOEDGEKEURD') over kwartaal, false) as laatste_goedgekeurd
      from "kwartaalrapportage" r
      window kwartaal as (partition by r.module_id, r.jaar, r.kwartaal);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop view "actuele_rapportage";`);
  }

}
