import { Migration } from '@mikro-orm/migrations';

// Hub instances keep verified API tokens in memory for a short while. Revoking, changing or deleting a
// token notifies every instance listening on this database (LISTEN api_token_gewijzigd) in the same
// transaction, so each drops the token from its memory as soon as the change commits, also when the
// change is made outside the hub.
export class Migration20261202070000_apiTokenMelding extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function api_token_melding() returns trigger language plpgsql as $$
      begin
        perform pg_notify('api_token_gewijzigd', old.id::text);
        return null;
      end $$;`);
    // Not on laatst_gebruikt_op: recording a token's use must not drop it from memory.
    this.addSql(`create trigger api_token_gewijzigd
      after update of "naam", "rol", "gemeente", "modules", "hash", "ingetrokken_op" or delete on "api_token"
      for each row execute function api_token_melding();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger api_token_gewijzigd on "api_token";`);
    this.addSql(`drop function api_token_melding();`);
  }

}
