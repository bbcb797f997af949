import { Migration } from '@mikro-orm/migrations';

// A resultaatbestemming can be withdrawn (and stays, with who, when and why); one per module and year is in
// force, so the unique constraint becomes a partial unique index over the decisions not withdrawn.
export class Migration20261202153558_bestemmingIntrekken extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "resultaatbestemming" add column "ingetrokken_op" date null, add column "ingetrokken_door" varchar(200) null, add column "reden_intrekking" varchar(2000) null;`);
    this.addSql(`alter table "resultaatbestemming" add constraint resultaatbestemming_intrekking_check check((ingetrokken_op is null) = (ingetrokken_door is null) and (ingetrokken_op is null) = (reden_intrekking is null));`);
    this.addSql(`alter table "resultaatbestemming" drop constraint "resultaatbestemming_module_jaar_unique";`);
    this.addSql(`create unique index "resultaatbestemming_module_jaar_unique" on "resultaatbestemming" ("module_id", "jaar") where "ingetrokken_op" is null;`);
  }

  override async down(): Promise<void> {
    // The old shape has room for one decision per module and year: with a withdrawn decision and its
    // successor both present, adding the constraint fails and down() changes nothing.
    this.addSql(`drop index "resultaatbestemming_module_jaar_unique";`);
    this.addSql(`alter table "resultaatbestemming" add constraint "resultaatbestemming_module_jaar_unique" unique ("module_id", "jaar");`);
    this.addSql(`alter table "resultaatbestemming" drop constraint resultaatbestemming_intrekking_check;`);
    this.addSql(`alter table "resultaatbestemming" drop column "ingetrokken_op", drop column "ingetrokken_door", drop column "reden_intrekking";`);
  }

}
