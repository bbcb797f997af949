import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123092403_init } from './Migration20261123092403_init.js';
import { Migration20261123094415_api_token } from './Migration20261123094415_api_token.js';
import { Migration20261123100734_indexen } from './Migration20261123100734_indexen.js';
import { Migration20261123101404_betaalritme } from './Migration20261123101404_betaalritme.js';
import { Migration20261123102100_revisie } from './Migration20261123102100_revisie.js';
import { Migration20261123120000_kostenversie } from './Migration20261123120000_kostenversie.js';
import { Migration20261202012503_eenAntwoord } from './Migration20261202012503_eenAntwoord.js';
import { Migration20261202030000_rateLimit } from './Migration20261202030000_rateLimit.js';
import { Migration20261202060000_actueleRapportage } from './Migration20261202060000_actueleRapportage.js';
import { Migration20261202070000_apiTokenMelding } from './Migration20261202070000_apiTokenMelding.js';
import { Migration20261202081500_normKeuze } from './Migration20261202081500_normKeuze.js';
import { Migration20261202124313_meerjarenraming } from './Migration20261202124313_meerjarenraming.js';
import { Migration20261202131000_realisatie } from './Migration20261202131000_realisatie.js';
import { Migration20261202132000_resultaat } from './Migration20261202132000_resultaat.js';
import { Migration20261202130000_pcCyclus } from './Migration20261202130000_pcCyclus.js';
import { Migration20261202152000_jaarrekening } from './Migration20261202152000_jaarrekening.js';
import { Migration20261202153558_bestemmingIntrekken } from './Migration20261202153558_bestemmingIntrekken.js';
import { Migration20261202170000_kostenversieRaming } from './Migration20261202170000_kostenversieRaming.js';

/**
 * Every migration, in order. Listed explicitly (not found by scanning the folder) so that tsx,
 * vitest and compiled code load them the same way; `npm run migration:create` appends new ones.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123092403_init', class: Migration20261123092403_init },
  { name: 'Migration20261123094415_api_token', class: Migration20261123094415_api_token },
  { name: 'Migration20261123100734_indexen', class: Migration20261123100734_indexen },
  { name: 'Migration20261123101404_betaalritme', class: Migration20261123101404_betaalritme },
  { name: 'Migration20261123102100_revisie', class: Migration20261123102100_revisie },
  { name: 'Migration20261123120000_kostenversie', class: Migration20261123120000_kostenversie },
  { name: 'Migration20261202012503_eenAntwoord', class: Migration20261202012503_eenAntwoord },
  { name: 'Migration20261202030000_rateLimit', class: Migration20261202030000_rateLimit },
  { name: 'Migration20261202060000_actueleRapportage', class: Migration20261202060000_actueleRapportage },
  { name: 'Migration20261202070000_apiTokenMelding', class: Migration20261202070000_apiTokenMelding },
  { name: 'Migration20261202081500_normKeuze', class: Migration20261202081500_normKeuze },
  { name: 'Migration20261202124313_meerjarenraming', class: Migration20261202124313_meerjarenraming },
  { name: 'Migration20261202131000_realisatie', class: Migration20261202131000_realisatie },
  { name: 'Migration20261202132000_resultaat', class: Migration20261202132000_resultaat },
  { name: 'Migration20261202130000_pcCyclus', class: Migration20261202130000_pcCyclus },
  { name: 'Migration20261202152000_jaarrekening', class: Migration20261202152000_jaarrekening },
  { name: 'Migration20261202153558_bestemmingIntrekken', class: Migration20261202153558_bestemmingIntrekken },
  { name: 'Migration20261202170000_kostenversieRaming', class: Migration20261202170000_kostenversieRaming },
];
