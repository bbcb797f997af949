import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALS } from './helpers/identities.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';

// The dashboard offers only what a sign-in may see, from the query `aanmelding`. Its list of gemeenten
// must be exactly the gemeenten whose KPI values the API gives that identity (one rule for both).

const AANMELDING = parse('{ aanmelding { naam rol cbsCode modules kpiGemeenten { cbsCode } } }') as TypedDocumentNode<any, Record<string, never>>;
const WAARDEN = parse('{ kpiWaarden(first: 500, alleenActueel: false) { nodes { gemeente { cbsCode } } } }') as TypedDocumentNode<any, Record<string, never>>;

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.close());

describe('aanmelding', () => {
  it.each(Object.keys(ALS) as Array<keyof typeof ALS>)('%s: rol, scope en de gemeenten waarvan zij KPI-waarden ziet', async (naam) => {
    const identiteit = ALS[naam];
    const { data, errors } = await t.execute(AANMELDING, {}, identiteit);
    expect(errors).toBeUndefined();
    expect(data.aanmelding).toMatchObject({ naam: identiteit.naam, rol: identiteit.rol, cbsCode: identiteit.gemeente, modules: identiteit.modules });
    const alle = (await t.sql<{ cbs_code: string }>('select cbs_code from gemeente')).map((g) => g.cbs_code).sort();
    const inZicht: string[] = data.aanmelding.kpiGemeenten.map((g: { cbsCode: string }) => g.cbsCode).sort();
    const verwacht = identiteit.gemeente ? [identiteit.gemeente] : identiteit.rol === 'DASHBOARD' ? [] : alle;
    expect(inZicht).toEqual(verwacht);
    // The values the API gives this identity never come from a gemeente outside that list.
    const waarden = (await t.execute(WAARDEN, {}, identiteit)).data.kpiWaarden.nodes as Array<{ gemeente: { cbsCode: string } | null }>;
    for (const w of waarden) if (w.gemeente) expect(inZicht).toContain(w.gemeente.cbsCode);
  });
});
