import path from 'node:path';

/** Runtime settings, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** Set in production; when absent the hub starts its own embedded PostgreSQL. */
  databaseUrl: string | undefined;
  embedded: { dataDir: string; port: number };
  /** Load the demo region into an empty database (default only for the embedded database). */
  loadDemoData: boolean;
  logLevel: string;
  production: boolean;
}

function intFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`Omgevingsvariabele ${name} moet een geheel getal zijn (nu: "${raw}")`);
  }
  return value;
}

function boolFrom(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'ja'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'nee'].includes(raw.toLowerCase())) return false;
  throw new Error(`Omgevingsvariabele ${name} moet true of false zijn (nu: "${raw}")`);
}

export function loadConfig(): Config {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  return {
    port: intFrom('PORT', 4000),
    host: process.env.HOST || '0.0.0.0',
    databaseUrl,
    embedded: {
      dataDir: path.resolve(process.env.REGIOHUB_DATA_DIR || '.data'),
      port: intFrom('EMBEDDED_PG_PORT', 54329),
    },
    loadDemoData: boolFrom('DEMO_DATA', databaseUrl === undefined),
    logLevel: process.env.LOG_LEVEL || 'info',
    production: process.env.NODE_ENV === 'production',
  };
}
