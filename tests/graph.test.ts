import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import {
  AlleGemeentenDocument,
  DvosVanModuleDocument,
  GemeenteModulesKpisDocument,
  KwartaalrapportagesVanModuleDocument,
  ModuleDeelnemersBijdragenDocument,
  ModulesMetDeelnemersDocument,
  ProgrammasEnModulesDocument,
  VerdeelsleutelsVanModuleDocument,
} from './generated/graphql.js';
import { dataStatements, startTestHub, type TestHub } from './helpers/test-hub.js';
import { ARNHEM_INWONERS_2024, MAART_2024, NU, OVERBETUWE_IN_INBURGERING, RFZ_START } from './helpers/scenario.js';
import { som, somBedrag } from './helpers/som.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub({ now: NU });
});
afterAll(() => t.close());
beforeEach(() => {
  t.statements.length = 0;
});

describe('gemeente { modules { kpis } }', () => {
  it('geeft de hoofdmodules waaraan Arnhem deelneemt, met hun KPI’s', async () => {
    const { data, errors } = await t.execute(GemeenteModulesKpisDocument, { cbsCode: 'GM0202', peildatum: '2025-06-30' });
    expect(errors).toBeUndefined();
    expect(data!.gemeente.inwoners).toBe(ARNHEM_INWONERS_2024);
    // RFZ starts on 1 January 2026: on the peildatum Arnhem does not take part yet, on that day it does.
    expect(data!.gemeente.modules.map((m) => m.code)).toEqual(['BEHEER', 'INBURGERING', 'INKOOP', 'RBL', 'WGSW', 'WSP']);
    const opStart = await t.execute(GemeenteModulesKpisDocument, { cbsCode: 'GM0202', peildatum: RFZ_START });
    expect(opStart.data!.gemeente.modules.map((m) => m.code)).toEqual(['BEHEER', 'INBURGERING', 'INKOOP', 'RBL', 'RFZ', 'WGSW', 'WSP']);
    const wgsw = data!.gemeente.modules.find((m) => m.code === 'WGSW')!;
    expect(wgsw.kpis.map((k) => `${k.code}:${k.niveau}`)).toEqual(['GEDETACHEERD:REGIO', 'SW_ARBEIDSJAREN:GEMEENTE', 'ZIEKTEVERZUIM:REGIO']);
  });

  it('geeft voor Wageningen alleen de modules waaraan zij deelneemt', async () => {
    // CBS codes are accepted in lower case.
    const { data } = await t.execute(GemeenteModulesKpisDocument, { cbsCode: 'gm0289', peildatum: '2025-06-30' });
    expect(data!.gemeente.modules.map((m) => m.code)).toEqual(['BEHEER', 'INKOOP']);
  });

  it('gebruikt zonder peildatum de datum van vandaag (de klok van de hub)', async () => {
    // Overbetuwe joins Inburgering on 1 July 2024: in the hub of 2026 it takes part, in a hub whose
    // clock says March 2024 (same database) it does not yet. Ignoring the date, or using the machine's
    // clock instead of the request's, fails one of the two.
    const modulesVanOverbetuwe = async (hub: TestHub) =>
      (await hub.execute(GemeenteModulesKpisDocument, { cbsCode: OVERBETUWE_IN_INBURGERING.cbsCode })).data!.gemeente.modules.map((m) => m.code);
    expect(await modulesVanOverbetuwe(t)).toContain('INBURGERING');
    const in2024 = await startTestHub({ now: MAART_2024, url: t.orm.config.get('clientUrl') });
    try {
      expect(await modulesVanOverbetuwe(in2024)).not.toContain('INBURGERING');
      expect(await modulesVanOverbetuwe(in2024)).toContain('BEHEER');
    } finally {
      await in2024.close();
    }
  });

  it('meldt een onbekende gemeente met NOT_FOUND en een Nederlandse melding', async () => {
    const { data, errors } = await t.execute(GemeenteModulesKpisDocument, { cbsCode: 'GM9999' });
    expect(data).toBeNull();
    expect(errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(errors![0].message).toBe('Gemeente "GM9999" bestaat niet.');
  });
});

describe('module { deelnemers { bijdragen } }', () => {
  it('geeft per deelnemer van WgSW de begrote bijdrage 2024, samen exact de netto lasten van de primitieve begroting', async () => {
    const { data, errors } = await t.execute(ModuleDeelnemersBijdragenDocument, { code: 'WGSW', jaar: 2024, fase: 'BEGROOT' });
    expect(errors).toBeUndefined();
    const module = data!.module;
    expect(module.programma!.code).toBe('PARTICIPATIE');
    expect(module.deelnemers).toHaveLength(9);
    expect(module.deelnemers.map((d) => d.gemeente.cbsCode)).not.toContain('GM0289');
    const primitief = module.begrotingen.find((b) => b.soort === 'PRIMITIEF')!;
    expect(primitief.nettoLasten).toBe(new Decimal(primitief.lasten).minus(primitief.baten).toFixed(2));
    const bijdragen = module.deelnemers.flatMap((d) => d.bijdragen);
    expect(bijdragen.every((b) => b.begroting!.soort === 'PRIMITIEF')).toBe(true);
    expect(somBedrag(bijdragen.map((b) => b.bedrag))).toBe(primitief.nettoLasten);
  });

  it('telt Wageningen na uittreden per 1-1-2023 niet meer mee in Inkoop Wmo', async () => {
    const in2022 = await t.execute(ModuleDeelnemersBijdragenDocument, { code: 'INKOOP-WMO', jaar: 2022 });
    const in2023 = await t.execute(ModuleDeelnemersBijdragenDocument, { code: 'INKOOP-WMO', jaar: 2023 });
    expect(in2022.data!.module.deelnemers.map((d) => d.gemeente.cbsCode)).toContain('GM0289');
    expect(in2023.data!.module.deelnemers.map((d) => d.gemeente.cbsCode)).not.toContain('GM0289');
    expect(in2022.data!.module.hoofdmodule!.code).toBe('INKOOP');
  });

  it('toont hoe een bijdrage is berekend: eenheden, dagen en aandeel', async () => {
    const { data } = await t.execute(ModuleDeelnemersBijdragenDocument, { code: 'INBURGERING', jaar: 2024, fase: 'BEGROOT' });
    const overbetuwe = data!.module.deelnemers.find((d) => d.gemeente.cbsCode === OVERBETUWE_IN_INBURGERING.cbsCode)!;
    expect(overbetuwe.vanaf).toBe(OVERBETUWE_IN_INBURGERING.vanaf);
    expect(overbetuwe.bijdragen[0]).toMatchObject({ deelnameDagen: OVERBETUWE_IN_INBURGERING.dagen2024, eenheden: '10' });
    const aandelen = data!.module.deelnemers.map((d) => new Decimal(d.bijdragen[0].aandeel!));
    expect(som(aandelen).minus(1).abs().lessThan('1e-8')).toBe(true);
  });
});

describe('andere paden door de graaf', () => {
  it('geeft programma’s met hun modules en submodules', async () => {
    const { data } = await t.execute(ProgrammasEnModulesDocument);
    const zorg = data!.programmas.find((p) => p.code === 'ZORG')!;
    expect(zorg.modules.map((m) => m.code)).toEqual(['INKOOP', 'RFZ']);
    expect(zorg.modules[0]).toMatchObject({ startdatum: '2017-04-01' });
    expect(zorg.modules[0].submodules.map((s) => s.code)).toEqual(['INKOOP-BW', 'INKOOP-JEUGD', 'INKOOP-WMO']);
  });

  it('geeft de DVO met Scalabor als partij, met normen per gemeente en voor de regio', async () => {
    const { data } = await t.execute(DvosVanModuleDocument, { module: 'WGSW', jaar: 2025 });
    const actief = data!.dvos.find((d) => d.status === 'ACTIEF')!;
    expect(actief.partij).toEqual({ __typename: 'Organisatie', naam: 'Scalabor B.V.' });
    expect(actief.normen.filter((n) => n.kpi.code === 'SW_ARBEIDSJAREN')).toHaveLength(9);
    expect(actief.normen.filter((n) => n.gemeente === null).map((n) => n.kpi.code).sort()).toEqual(['GEDETACHEERD', 'ZIEKTEVERZUIM']);
  });

  it('houdt een gecorrigeerde rapportage als nieuwe versie naast de goedgekeurde', async () => {
    const { data } = await t.execute(KwartaalrapportagesVanModuleDocument, { module: 'WSP', jaar: 2025, kwartaal: 2 });
    const versies = data!.kwartaalrapportages.nodes;
    expect(versies.map((r) => [r.versie, r.status])).toEqual([
      [1, 'GOEDGEKEURD'],
      [2, 'GOEDGEKEURD'],
    ]);
    const arnhem = (versie: number) =>
      versies[versie - 1].waarden.find((w) => w.kpi.code === 'PLAATSINGEN' && w.gemeente?.cbsCode === 'GM0202')!;
    expect(Number(arnhem(2).waarde)).toBeLessThan(Number(arnhem(1).waarde));
    expect(versies[1].reden).toMatch(/dubbel geteld/);
    const regionaal = versies[0].waarden.filter((w) => w.kpi.niveau === 'REGIO');
    expect(regionaal.every((w) => w.gemeente === null)).toBe(true);
  });

  it('geeft de eenheden van een verdeelsleutel met hun bron', async () => {
    const { data } = await t.execute(VerdeelsleutelsVanModuleDocument, { module: 'RBL', jaar: 2025 });
    expect(data!.verdeelsleutels[0].grondslag).toBe('LEERLINGEN');
    expect(data!.verdeelsleutels[0].eenheden).toHaveLength(10);
    expect(data!.verdeelsleutels[0].eenheden[0].bron).toMatch(/DUO/);
  });
});

describe('aantal SQL-statements per request', () => {
  it('groeit niet met het aantal gemeenten, modules of deelnames', async () => {
    await t.execute(ModulesMetDeelnemersDocument, { peildatum: '2025-06-30' });
    // modules, deelnames of all modules, their gemeenten: three statements for 9 modules and 89 deelnames.
    expect(dataStatements(t.statements)).toHaveLength(3);

    t.statements.length = 0;
    await t.execute(AlleGemeentenDocument);
    expect(dataStatements(t.statements)).toHaveLength(2);
  });

  it('is gelijk voor een module met één en met negen deelnemers', async () => {
    // Own database (rows are removed below) and one pool connection. With more connections the count
    // would be 7 or 8: a bijdrage's begroting comes from the Begroting-by-id loader, which the sibling
    // field module.begrotingen primes, but only if that query has returned before the bijdragen have;
    // on parallel connections either may be first. On one connection statements run in the order they
    // are sent, and begrotingen is sent two round trips before bijdragen, so the loader is always primed.
    const hub = await startTestHub({ now: NU, poolSize: 1 });
    try {
      // RFZ in 2026 with Arnhem as its only deelnemer: the small case. WSP has nine.
      await hub.sql(`delete from deelname where module_id = (select id from module where code = 'RFZ')
        and gemeente_id <> (select id from gemeente where cbs_code = 'GM0202')`);
      const tel = async (code: string) => {
        hub.statements.length = 0;
        const { data, errors } = await hub.execute(ModuleDeelnemersBijdragenDocument, { code, jaar: 2026 });
        expect(errors).toBeUndefined();
        const deelnemers = data!.module.deelnemers;
        // The query builder quotes table names; the fixed by-id statements of the loaders do not.
        const tabellen = dataStatements(hub.statements).map((s) => /\bfrom "?(\w+)"?/.exec(s)?.[1] ?? s).sort();
        return { deelnemers: deelnemers.length, bijdragen: deelnemers.flatMap((d) => d.bijdragen).length, tabellen };
      };
      // One statement per level of the query, whatever the number of rows on it: the module; its
      // programma, submodules, deelnemers and begrotingen; the deelnemers' gemeenten and bijdragen.
      const perNiveau = ['begroting', 'bijdrage', 'deelname', 'gemeente', 'module', 'module', 'programma'];
      expect(await tel('RFZ')).toEqual({ deelnemers: 1, bijdragen: 2, tabellen: perNiveau });
      expect(await tel('WSP')).toEqual({ deelnemers: 9, bijdragen: 18, tabellen: perNiveau });
    } finally {
      await hub.close();
    }
  });
});
