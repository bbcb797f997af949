import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakApiToken } from '../src/api-token/api-token.service.js';
import { Rol } from '../src/auth/identity.js';
import { openDatabase } from '../src/database.js';
import { AlleGemeentenDocument, InwonertalVastleggenDocument, KostenoverzichtDocument } from './generated/graphql.js';
import { createTestDatabase } from './helpers/database.js';
import { foutcodes, overHttp } from './helpers/over-http.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// A hot standby refuses every write with SQLSTATE 25006, as a database with
// default_transaction_read_only does; that is how this test stands in for a streaming replica.
let t: TestHub;
let url: string;
let controller: string;
let beheerder: string;

beforeAll(async () => {
  const dbUrl = await createTestDatabase();
  const primair = await openDatabase({ url: dbUrl });
  controller = (await maakApiToken(primair.em.fork(), { naam: 'controller', rol: Rol.CONTROLLER }, 'test')).geheim;
  beheerder = (await maakApiToken(primair.em.fork(), { naam: 'beheerder', rol: Rol.BEHEERDER }, 'test')).geheim;
  await primair.close(true);
  const admin = new pg.Client({ connectionString: dbUrl });
  await admin.connect();
  await admin.query(`alter database ${pg.escapeIdentifier(new URL(dbUrl).pathname.slice(1))} set default_transaction_read_only = on`);
  await admin.end();
  // Starting as the hub does (migrations included) must work on the read-only database.
  const orm = await openDatabase({ url: dbUrl });
  await orm.close(true);
  t = await startTestHub({ url: dbUrl });
  url = await t.listen();
});
afterAll(() => t.close());

describe('een hub op een leesreplica', () => {
  it('start, meldt tokens aan en beantwoordt queries (ook het kostenoverzicht met cache)', async () => {
    expect((await overHttp(url, controller, AlleGemeentenDocument)).data!.gemeenten).toHaveLength(11);
    const eerste = await overHttp(url, controller, KostenoverzichtDocument, { jaar: 2025 });
    expect(eerste.errors).toBeUndefined();
    expect((await overHttp(url, controller, KostenoverzichtDocument, { jaar: 2025 })).data).toEqual(eerste.data);
  });

  it('weigert een wijziging met READ_ONLY en een duidelijke melding', async () => {
    const antwoord = await overHttp(url, beheerder, InwonertalVastleggenDocument, { invoer: { gemeente: 'GM0202', jaar: 2030, aantal: 1, bron: 'test' } });
    expect(foutcodes(antwoord)).toEqual(['READ_ONLY']);
    expect(antwoord.errors![0].message).toMatch(/alleen-lezen/);
  });
});
