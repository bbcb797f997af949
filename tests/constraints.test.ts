import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deelname } from '../src/deelname/deelname.entity.js';
import { Dvo, DvoStatus } from '../src/dvo/dvo.entity.js';
import { Gemeente } from '../src/gemeente/gemeente.entity.js';
import { Inwonertal } from '../src/gemeente/inwonertal.entity.js';
import { Kpi, KpiEenheid, KpiNiveau, KpiRichting } from '../src/kpi/kpi.entity.js';
import { Module } from '../src/module/module.entity.js';
import { Decimal } from '../src/core/decimal.js';
import { connect, createTestDatabase } from './helpers/database.js';

let orm: MikroORM;
let arnhem: Gemeente;
let wgsw: Module;

beforeAll(async () => {
  orm = await connect({ url: await createTestDatabase() });
  arnhem = await orm.em.fork().findOneOrFail(Gemeente, { cbsCode: 'GM0202' });
  wgsw = await orm.em.fork().findOneOrFail(Module, { code: 'WGSW' });
});
afterAll(() => orm.close(true));

/** Runs an insert in its own fork and returns the database's complaint (the message names the constraint). */
async function weigering(insert: (em: MikroORM['em']) => Promise<unknown>): Promise<string> {
  try {
    await insert(orm.em.fork());
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('insert werd niet geweigerd');
}

describe('databaseregels', () => {
  it('weigeren een dubbele CBS-code', async () => {
    expect(await weigering((em) => em.insert(Gemeente, { cbsCode: 'GM0202', naam: 'Arnhem bis' }))).toMatch(
      'gemeente_cbs_code_unique',
    );
  });

  it.each(['0202', 'GM202', 'gm0202', 'GMABCD', 'GM 202'])('weigeren de misvormde CBS-code %s', async (cbsCode) => {
    expect(await weigering((em) => em.insert(Gemeente, { cbsCode, naam: 'Fout' }))).toMatch('gemeente_cbs_code_check');
  });

  it('weigeren een te lange CBS-code', async () => {
    expect(await weigering((em) => em.insert(Gemeente, { cbsCode: 'GM02020', naam: 'Fout' }))).toMatch('value too long');
  });

  it('weigeren een negatief aantal inwoners en een tweede getal voor hetzelfde jaar', async () => {
    expect(
      await weigering((em) => em.insert(Inwonertal, { gemeente: arnhem.id, jaar: 2030, aantal: -1, bron: 'test' })),
    ).toMatch('inwonertal_aantal_check');
    expect(
      await weigering((em) => em.insert(Inwonertal, { gemeente: arnhem.id, jaar: 2024, aantal: 1, bron: 'test' })),
    ).toMatch('inwonertal_gemeente_jaar_unique');
  });

  it('weigeren een overlappende deelname van een gemeente in een module, ook met open einde', async () => {
    // Arnhem takes part in WGSW from 2019-01-01 with an open end.
    const overlap = (vanaf: string, tot: string | null) =>
      weigering((em) => em.insert(Deelname, { gemeente: arnhem.id, module: wgsw.id, vanaf, tot }));
    expect(await overlap('2025-01-01', '2026-01-01')).toMatch('deelname_geen_overlap');
    expect(await overlap('2010-01-01', '2019-01-02')).toMatch('deelname_geen_overlap');
  });

  it('staan aansluitende periodes wel toe: [vanaf, tot) raakt de volgende periode niet', async () => {
    const em = orm.em.fork();
    await em.insert(Deelname, { gemeente: arnhem.id, module: wgsw.id, vanaf: '2015-01-01', tot: '2019-01-01' });
    expect(await em.count(Deelname, { gemeente: arnhem.id, module: wgsw.id })).toBe(2);
  });

  it('weigeren een deelname die eindigt voor zij begint', async () => {
    expect(
      await weigering((em) => em.insert(Deelname, { gemeente: arnhem.id, module: wgsw.id, vanaf: '2012-01-01', tot: '2011-01-01' })),
    ).toMatch('deelname_periode_check');
  });

  it('eisen dat een DVO precies één partij heeft', async () => {
    const dvo = { kenmerk: 'DVO-TEST', omschrijving: 'test', module: wgsw.id, ingangsdatum: '2025-01-01', status: DvoStatus.CONCEPT };
    expect(await weigering((em) => em.insert(Dvo, dvo))).toMatch('dvo_partij_check');
  });

  it('houden percentages tussen 0 en 100', async () => {
    const kpi = {
      module: wgsw.id,
      code: 'TEST_PERCENTAGE',
      naam: 'test',
      eenheid: KpiEenheid.PERCENTAGE,
      richting: KpiRichting.LAGER_IS_BETER,
      niveau: KpiNiveau.REGIO,
      bovengrens: new Decimal(120),
      actiefVanaf: '2025-01-01',
    };
    expect(await weigering((em) => em.insert(Kpi, kpi))).toMatch('kpi_percentage_check');
  });
});
