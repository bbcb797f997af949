import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiTokenIntrekkenDocument,
  KlokApiTokenAanmakenDocument,
  KlokAuditLogDocument,
  KlokBegrotingVastleggenDocument,
  KlokBijdragenBerekenenDocument,
  KlokRapportageOpslaanDocument,
} from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { NU } from './helpers/scenario.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// The hub runs on a fixed clock far from the machine's; every "now" a request writes must be that clock.
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

const nu = NU.toISOString();

describe('schrijfacties dragen de klok van het verzoek, niet die van de machine', () => {
  it('een nieuwe kwartaalrapportage: gewijzigdOp', async () => {
    const invoer = { module: 'RBL', jaar: 2026, kwartaal: 4, waarden: [] };
    const { data, errors } = await t.execute(KlokRapportageOpslaanDocument, { invoer }, ALS.modulemanagerRbl);
    expect(errors).toBeUndefined();
    expect(data!.kwartaalrapportageOpslaan).toEqual({ revisie: 1, gewijzigdOp: nu });
  });

  it('nieuw berekende bijdragen: berekendOp', async () => {
    const invoer = { module: 'RBL', jaar: 2026, soort: 'WIJZIGING' as const, lasten: '5000000.00', baten: '1200000.00', vastgesteldOp: '2026-10-01', omschrijving: 'Wijziging voor de klok' };
    const begroting = await t.execute(KlokBegrotingVastleggenDocument, { invoer }, ALS.beheerder);
    expect(begroting.errors).toBeUndefined();
    const { volgnummer } = begroting.data!.begrotingVastleggen;
    const { data, errors } = await t.execute(KlokBijdragenBerekenenDocument, { module: 'RBL', jaar: 2026, soort: 'WIJZIGING', volgnummer }, ALS.beheerder);
    expect(errors).toBeUndefined();
    expect(data!.bijdragenBerekenen.gewijzigd).toBe(true);
    expect(data!.bijdragenBerekenen.bijdragen.map((b) => b.berekendOp)).toEqual(data!.bijdragenBerekenen.bijdragen.map(() => nu));
  });

  it('een API-token: aangemaaktOp en ingetrokkenOp', async () => {
    const aangemaakt = await t.execute(KlokApiTokenAanmakenDocument, { invoer: { naam: 'klok', rol: 'DASHBOARD' } }, ALS.beheerder);
    const token = aangemaakt.data!.apiTokenAanmaken.token;
    expect(token).toMatchObject({ aangemaaktOp: nu, ingetrokkenOp: null });
    const ingetrokken = await t.execute(ApiTokenIntrekkenDocument, { id: Number(token.id) }, ALS.beheerder);
    expect(ingetrokken.data!.apiTokenIntrekken.ingetrokkenOp).toBe(nu);
  });

  it('elke regel die deze verzoeken in het auditlog schreven: wanneer', async () => {
    const { data } = await t.execute(KlokAuditLogDocument, {}, ALS.beheerder);
    const acties = ['KWARTAALRAPPORTAGE_OPGESLAGEN', 'BEGROTING_VASTGELEGD', 'BIJDRAGEN_BEREKEND', 'API_TOKEN_AANGEMAAKT', 'API_TOKEN_INGETROKKEN'];
    const regels = data!.auditLog.nodes.filter((r) => acties.includes(r.actie));
    expect(regels.map((r) => r.actie).sort()).toEqual([...acties].sort());
    expect(regels.map((r) => r.wanneer)).toEqual(regels.map(() => nu));
  });
});
