import { Migration } from '@mikro-orm/migrations';

// A counter that every write to the tables behind the cost overview raises, in the writing
// transaction itself: a cached overview is only valid for the counter value it was computed at.
const BRONNEN = ['bijdrage', 'begroting', 'inwonertal', 'gemeente', 'module'];

export class Migration20261123120000_kostenversie extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "gegevensversie" ("onderwerp" varchar(40) primary key, "versie" bigint not null default 1);`);
    this.addSql(`insert into "gegevensversie" ("onderwerp") values ('kosten');`);
    this.addSql(`create function verhoog_kostenversie() returns trigger language plpgsql as $$
      begin
        update gegevensversie set versie = versie + 1 where onderwerp = 'kosten';
        return null;
      end $$;`);
    for (const tabel of BRONNEN) {
      this.addSql(`create trigger "${tabel}_kostenversie" after insert or update or delete or truncate on "${tabel}"
        for each statement execute function verhoog_kostenversie();`);
    }
  }

  override async down(): Promise<void> {
    for (const tabel of BRONNEN) this.addSql(`drop trigger "${tabel}_kostenversie" on "${tabel}";`);
    this.addSql(`drop function verhoog_kostenversie();`);
    this.addSql(`drop table "gegevensversie";`);
  }

}
