// API tokens for service accounts:
//   npm run token -- create --role dashboard --name "BI Arnhem" [--gemeente GM0202] [--module WGSW ...]
//   npm run token -- list
//   npm run token -- revoke <id>
// Uses DATABASE_URL, or the embedded database of `npm start` (running or not).
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import pg from 'pg';
import { alleApiTokens, maakApiToken, trekApiTokenIn } from '../api-token/api-token.service.js';
import { parseRol } from '../auth/identity.js';
import { loadConfig } from '../core/config.js';
import { ormConfig } from '../database.js';
import { isDatabaseOutage } from '../core/database-outage.js';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../core/errors.js';
import { embeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from '../core/embedded-postgres.js';

const DOOR = `cli (${process.env.USER ?? 'onbekend'})`;

/**
 * What the user reads when a command fails: the Dutch message of a hub error as is; a database error
 * by the known meaning of its code, never its SQL (which MikroORM puts in the message).
 */
function cliMelding(error: unknown): string {
  if (error instanceof GraphQLError) return error.message;
  if (isDatabaseOutage(error)) return DATABASE_UNAVAILABLE_MESSAGE;
  const code = String((error as { code?: unknown }).code ?? '');
  return code ? `de database weigerde de opdracht (SQLSTATE ${code}).` : 'onverwachte fout; zie de log van de database.';
}

async function bereikbaar(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      gemeente: { type: 'string' },
      module: { type: 'string', multiple: true },
    },
  });
  const [opdracht, argument] = positionals;
  if (!['create', 'list', 'revoke'].includes(opdracht ?? '')) {
    console.error('Gebruik: npm run token -- create --role <rol> --name <naam> [--gemeente GM0202] [--module WGSW] | list | revoke <id>');
    return 2;
  }
  // Checked before any database work: a bad id would otherwise reach SQL as NaN.
  if (opdracht === 'revoke' && !/^[1-9][0-9]{0,9}$/.test(argument ?? '')) {
    console.error(`"${argument ?? ''}" is geen token-id. Gebruik: npm run token -- revoke <id>, met het nummer uit npm run token -- list.`);
    return 2;
  }

  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl ?? embeddedUrl(config.embedded.port, 'regiohub');
  if (!config.databaseUrl && !(await bereikbaar(url))) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.embedded.dataDir, 'pg'), port: config.embedded.port, database: 'regiohub' });
    url = embedded.url;
  }
  const orm = await MikroORM.init(ormConfig({ url }));
  try {
    const em = orm.em.fork();
    if (opdracht === 'list') {
      for (const t of await alleApiTokens(em)) {
        const scope = t.gemeente ?? (t.modules.join(',') || '-');
        const status = t.ingetrokkenOp ? `ingetrokken ${t.ingetrokkenOp.toISOString()}` : 'actief';
        console.log(`${t.id}\t${t.prefix}…\t${t.rol}\t${scope}\t${t.naam}\t${status}\tlaatst gebruikt: ${t.laatstGebruiktOp?.toISOString() ?? 'nooit'}`);
      }
    } else if (opdracht === 'revoke') {
      const token = await trekApiTokenIn(em, Number(argument), DOOR);
      console.log(`Token ${token.id} (${token.naam}) is ingetrokken.`);
    } else {
      const rol = parseRol(values.role);
      if (!rol || !values.name) {
        console.error('Geef --role (beheerder, controller, modulemanager, gemeente, dashboard) en --name.');
        return 2;
      }
      const { token, geheim } = await maakApiToken(em, { naam: values.name, rol, gemeente: values.gemeente ?? null, modules: values.module ?? [] }, DOOR);
      console.log(`Token ${token.id} aangemaakt voor ${token.naam} (${token.rol}). Het geheim wordt maar één keer getoond:\n\n${geheim}\n`);
      console.log(`Gebruik: curl -H "Authorization: Bearer ${geheim}" -H "content-type: application/json" -d '{"query":"{ gemeenten { naam } }"}' http://localhost:${config.port}/graphql`);
    }
    return 0;
  } catch (error) {
    console.error(`Mislukt: ${cliMelding(error)}`);
    return 1;
  } finally {
    await orm.close(true);
    await embedded?.stop();
  }
}

process.exitCode = await main();
