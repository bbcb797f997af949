import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import getPort from 'get-port';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchDataDir } from '../src/core/embedded-postgres.js';
import { isAlive, root } from './helpers/hub-proces.js';

const gestart: Array<{ npm: ReturnType<typeof spawn>; dataDir: string }> = [];
afterEach(() => {
  for (const { npm, dataDir } of gestart.splice(0)) {
    try {
      process.kill(-npm.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    // An orphaned PostgreSQL stops on SIGINT (fast shutdown).
    for (const pid of processenVan(dataDir)) process.kill(pid, 'SIGINT');
  }
});

/** Resolves with the exit code, or null when the process has not exited within `ms`. */
const binnen = (exited: Promise<number | null>, ms: number) =>
  Promise.race([exited, new Promise<'te laat'>((resolve) => setTimeout(() => resolve('te laat'), ms))]);

/**
 * `npm start` as a container runtime or systemd runs it: the signal goes to the PID of npm itself.
 * The hub must stop gracefully (pool closed, embedded PostgreSQL stopped, exit 0) and leave nothing.
 */
async function npmStart() {
  const dataDir = path.dirname(scratchDataDir('regiohub-signaal-'));
  const env = { ...process.env, DATABASE_URL: '', REGIOHUB_DATA_DIR: dataDir, PORT: String(await getPort()), EMBEDDED_PG_PORT: String(await getPort()), LOG_LEVEL: 'info' };
  // Its own process group, so that whatever a failed test leaves behind can be cleaned up as a whole.
  const npm = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  gestart.push({ npm, dataDir });
  let output = '';
  npm.stdout!.on('data', (chunk) => (output += chunk));
  npm.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => npm.on('close', (code) => resolve(code)));
  const deadline = Date.now() + 180_000;
  while (!output.includes('Regiohub draait op')) {
    if (Date.now() > deadline || npm.exitCode !== null) throw new Error(`npm start startte niet:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { npm, output: () => output, exited, postmaster, dataDir };
}

/** Processes whose command line names the data folder (the hub's PostgreSQL and its children). */
function processenVan(dataDir: string): number[] {
  const pids: number[] = [];
  for (const naam of readdirProc()) {
    try {
      if (readFileSync(`/proc/${naam}/cmdline`, 'utf8').includes(dataDir)) pids.push(Number(naam));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

const readdirProc = () => readdirSync('/proc').filter((n) => /^\d+$/.test(n));

describe('signalen aan de PID van npm start', () => {
  for (const signaal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signaal}: netjes stoppen met code 0, PostgreSQL gestopt, niets blijft achter`, async () => {
      const hub = await npmStart();
      expect(isAlive(hub.postmaster)).toBe(true);
      hub.npm.kill(signaal);
      expect(await binnen(hub.exited, 30_000)).toBe(0);
      expect(hub.output()).toMatch(new RegExp(`"signal":"${signaal}"[\\s\\S]*databaseverbindingen gesloten[\\s\\S]*Regiohub gestopt`));
      expect(isAlive(hub.postmaster)).toBe(false);
      expect(processenVan(hub.dataDir)).toEqual([]);
    }, 240_000);
  }
});
