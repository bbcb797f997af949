import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder (where package.json is), found from this file: src/core under tsx, or
 * dist/server/src/core in the compiled build. Paths to built assets start here, so both run alike.
 */
export function projectDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json van Regiohub niet gevonden boven ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}
