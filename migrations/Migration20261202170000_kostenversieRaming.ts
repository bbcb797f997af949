import { Migration } from '@mikro-orm/migrations';

// The cost overview now also shows the geraamde contributions, split live from the meerjarenraming with
// the allocation keys and the participations (see geraamdeBijdragen). A cached overview must therefore
// also be invalid after a write to those tables, not only after one to the tables of the stored
// contributions (kostenversie migration).
const BRONNEN = ['begroting_raming', 'verdeelsleutel', 'verdeelsleutel_eenheid', 'deelname'];

export class Migration20261202170000_kostenversieRaming extends Migration {

  override async up(): Promise<void> {
    for (const tabel of BRONNEN) {
      this.addSql(`create trigger "${tabel}_kostenversie" after insert or update or delete or truncate on "${tabel}"
        for each statement execute function verhoog_kostenversie();`);
    }
  }

  override async down(): Promise<void> {
    for (const tabel of BRONNEN) this.addSql(`drop trigger "${tabel}_kostenversie" on "${tabel}";`);
  }

}
