import type { EntityManager } from '@mikro-orm/postgresql';
import { Begroting } from '../begroting/begroting.entity.js';
import { BegrotingRaming } from '../begroting/begroting-raming.entity.js';
import { RAMING_JAREN } from '../begroting/begroting.service.js';
import { demoFactor } from './demo-random.js';

/** From this budget year on the demo versions carry a meerjarenraming. */
const RAMING_VANAF = 2025;

/**
 * Every demo budget version (primitief and wijziging) from RAMING_VANAF on gets a meerjarenraming for
 * t+1 … t+3: its lasten and baten grown by about 2 % a year (demodata, deterministic per module and year).
 */
export async function maakMeerjarenramingen(em: EntityManager): Promise<void> {
  const versies = await em.find(Begroting, { jaar: { $gte: RAMING_VANAF } }, { populate: ['module'] });
  for (const begroting of versies) {
    let factor = 1;
    for (let i = 1; i <= RAMING_JAREN; i++) {
      factor *= demoFactor(`${begroting.module.code}/${begroting.jaar}/${begroting.volgnummer}/raming/${i}`, 0.01) + 0.02;
      em.create(BegrotingRaming, {
        begroting,
        jaar: begroting.jaar + i,
        lasten: begroting.lasten.times(factor).toDecimalPlaces(2),
        baten: begroting.baten.times(factor).toDecimalPlaces(2),
      });
    }
  }
}
