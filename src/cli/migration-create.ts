// Writes a new migration with the difference between the entities and a scratch database that has
// every existing migration applied. Usage: npm run migration:create -- <naam>
import { MikroORM } from '@mikro-orm/postgresql';
import getPort from 'get-port';
import { readFileSync, writeFileSync } from 'node:fs';
import { ormConfig } from '../database.js';
import { scratchDataDir, startEmbeddedPostgres } from '../core/embedded-postgres.js';

const name = process.argv[2];
// A throwaway PostgreSQL on a free port: never the hub's EMBEDDED_PG_PORT, which `npm start` may be using.
const scratch = await startEmbeddedPostgres({
  dataDir: scratchDataDir('regiohub-migratie-'),
  port: await getPort(),
  database: 'regiohub',
  persistent: false,
});
try {
  const orm = await MikroORM.init(ormConfig({ url: scratch.url }));
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration(undefined, false, false, name);
  if (result.fileName) {
    registreer(result.fileName.replace(/\.ts$/, ''));
    console.log(`migratie geschreven en opgenomen in migrations/index.ts: ${result.fileName}`);
  } else {
    console.log('geen schemaverschil: geen migratie nodig');
  }
  await orm.close();
} finally {
  await scratch.stop();
}

/** Adds the new migration to the explicit list in migrations/index.ts. */
function registreer(naam: string): void {
  const index = new URL('../../migrations/index.ts', import.meta.url);
  const bron = readFileSync(index, 'utf8')
    .replace(/(\nconst|\n\/\*\*)/, `import { ${naam} } from './${naam}.js';\n$1`)
    .replace(/\];\s*$/, `  { name: '${naam}', class: ${naam} },\n];\n`);
  writeFileSync(index, bron);
}
