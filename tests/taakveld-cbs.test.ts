import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taakveldVoorJaar } from '../src/taakveld/taakvelden.js';
import {
  BijdragenGefilterdDocument,
  GemeenteToevoegenDocument,
  InwonertalVastleggenDocument,
  ModuleToevoegenDocument,
  TaakveldenDocument,
} from './generated/graphql.js';
import { ALS } from './helpers/identities.js';
import { startTestHub, type TestHub } from './helpers/test-hub.js';
import { NU } from './helpers/scenario.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());

const module = (code: string, taakveld: string) =>
  t.execute(ModuleToevoegenDocument, { invoer: { code, naam: code, omschrijving: 'test', startdatum: '2027-01-01', programma: 'ZORG', taakveld } }, ALS.beheerder);

describe('taakvelden uit de BBV-lijst, met de subtaakvelden sinds 2023', () => {
  it('geeft per jaar de taakvelden die toen golden', async () => {
    const lijst = async (jaar: number) => (await t.execute(TaakveldenDocument, { jaar })).data!.taakvelden;
    const in2022 = await lijst(2022);
    const in2025 = await lijst(2025);
    expect(in2022.map((v) => v.code)).toContain('6.72');
    expect(in2022.map((v) => v.code)).not.toContain('6.72a');
    expect(in2025.filter((v) => v.code.startsWith('6.72')).map((v) => `${v.code} ${v.naam}`)).toEqual([
      '6.72a Jeugdhulp begeleiding',
      '6.72b Jeugdhulp behandeling',
      '6.72c Jeugdhulp dagbesteding',
      '6.72d Jeugdhulp zonder verblijf overig',
    ]);
    // Renamed in 2023.
    expect(in2022.find((v) => v.code === '6.4')!.naam).toBe('Begeleide participatie');
    expect(in2025.find((v) => v.code === '6.4')!.naam).toBe('WSW en beschut werk');
  });

  it('weigert een taakveld dat niet in de lijst staat of sinds 2023 is verfijnd, met de keuzes erbij', async () => {
    const onbekend = await module('TEST-ONBEKEND', '6.9');
    expect(onbekend.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(onbekend.errors![0].message).toBe(
      'Ongeldig taakveld: taakveld 6.9 staat niet in de BBV-lijst van taakvelden (vraag de lijst op met de query taakvelden).',
    );
    const verfijnd = await module('TEST-VERFIJND', '6.81');
    expect(verfijnd.errors![0].message).toBe(
      'Ongeldig taakveld: taakveld 6.81 is sinds 2023 verfijnd; kies een van de subtaakvelden: 6.81a Beschermd wonen (Wmo), 6.81b Maatschappelijke- en vrouwenopvang (Wmo).',
    );
    const goed = await module('TEST-GOED', '6.81b');
    expect(goed.errors).toBeUndefined();
  });

  it('boekt een bijdrage op het taakveld van haar jaar: vóór 2023 het hoofdtaakveld', async () => {
    expect([taakveldVoorJaar('6.72d', 2022), taakveldVoorJaar('6.72d', 2023), taakveldVoorJaar('6.4', 2020)]).toEqual(['6.72', '6.72d', '6.4']);
    const taakvelden = async (jaar: number) =>
      new Set(
        (await t.execute(BijdragenGefilterdDocument, { where: { module: { eq: 'INKOOP-JEUGD' }, jaar: { eq: jaar } }, first: 500 })).data!.bijdragen.edges.map(
          (e) => e.node.taakveld,
        ),
      );
    expect(await taakvelden(2022)).toEqual(new Set(['6.72']));
    expect(await taakvelden(2023)).toEqual(new Set(['6.72d']));
  });
});

describe('CBS-codes', () => {
  it('aanvaardt kleine letters en slaat de code in hoofdletters op', async () => {
    const { data, errors } = await t.execute(GemeenteToevoegenDocument, { invoer: { cbsCode: ' gm0998 ', naam: 'Testgemeente' } }, ALS.beheerder);
    expect(errors).toBeUndefined();
    expect(data!.gemeenteToevoegen.cbsCode).toBe('GM0998');
    const filter = await t.execute(BijdragenGefilterdDocument, { where: { gemeente: { eq: 'gm0202' }, jaar: { eq: 2025 }, fase: { eq: 'BEGROOT' } }, first: 50 });
    expect(filter.data!.bijdragen.totalCount).toBe(8);
    expect(filter.data!.bijdragen.edges.every((e) => e.node.gemeente.cbsCode === 'GM0202')).toBe(true);
  });

  it('geeft bij een verkeerde code een melding met het formaat', async () => {
    const { data, errors } = await t.execute(InwonertalVastleggenDocument, { invoer: { gemeente: 'GM202', jaar: 2026, aantal: 1, bron: 'test' } }, ALS.beheerder);
    expect(data).toBeUndefined();
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0].message).toMatch(/"GM202" is geen CBS-gemeentecode: die bestaat uit GM en vier cijfers, bijvoorbeeld GM0202 \(Arnhem\) of gm0202\./);
  });
});
