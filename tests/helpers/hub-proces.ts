import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export interface RunningHub {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts the hub as `npm start` does (src/index.ts through tsx) and waits for its start line. Node
 * loads tsx itself rather than through the tsx CLI, which would put a wrapper process in between:
 * a signal sent here (kill -9 included) reaches the hub itself.
 */
export async function startHubProces(env: Record<string, string>): Promise<RunningHub> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  // 'close' rather than 'exit': by then everything the process wrote has been read.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  while (!output.includes('Regiohub draait op')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`hub startte niet:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { process: child, output: () => output, exited };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops hub processes a test left running (it failed half-way): SIGTERM first, so a hub also stops
 * its embedded PostgreSQL; SIGKILL only if it does not exit in time.
 */
export async function stopAchtergeblevenHubs(hubs: RunningHub[]): Promise<void> {
  await Promise.all(
    hubs.splice(0).map(async (hub) => {
      if (hub.process.exitCode !== null || hub.process.signalCode !== null) return;
      hub.process.kill('SIGTERM');
      const gestopt = await Promise.race([hub.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000))]);
      if (!gestopt) hub.process.kill('SIGKILL');
    }),
  );
}
