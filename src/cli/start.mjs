// Runs a compiled Regiohub entry point: `node src/cli/start.mjs [src/index.js | src/cli/token.js] [args]`.
// Production runs the build as it is (plain node, no build tools needed). On a machine with the
// build tools (npm ci) it builds first when there is no build yet or the sources are newer, so the
// README's `npm ci && npm start` works on a fresh checkout. The entry runs in this same process, so
// signals sent to it (or forwarded by npm) reach the hub itself.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv.splice(2, 1)[0] : 'src/index.js';
const gebouwd = path.join(root, 'dist/server', entry);
const stempel = path.join(root, 'dist/server/.gebouwd');

/** Newest modification time of the sources the build compiles. */
function nieuwsteBron(map) {
  let nieuwste = 0;
  for (const item of readdirSync(map, { withFileTypes: true })) {
    const pad = path.join(map, item.name);
    if (item.isDirectory()) {
      if (item.name !== 'node_modules') nieuwste = Math.max(nieuwste, nieuwsteBron(pad));
    } else if (/\.(ts|tsx|graphql|html|css)$/.test(item.name)) {
      nieuwste = Math.max(nieuwste, statSync(pad).mtimeMs);
    }
  }
  return nieuwste;
}

const kanBouwen = existsSync(path.join(root, 'node_modules/typescript')) && existsSync(path.join(root, 'node_modules/vite'));
const heeftBuild = existsSync(gebouwd) && existsSync(stempel) && existsSync(path.join(root, 'dist/web/dashboard/index.html'));
// GraphiQL's opening tabs are the README's examples, read at build time (vite.config.ts).
const readme = path.join(root, 'README.md');
const readmeTijd = existsSync(readme) ? statSync(readme).mtimeMs : 0;
const verouderd =
  heeftBuild && kanBouwen && Math.max(nieuwsteBron(path.join(root, 'src')), nieuwsteBron(path.join(root, 'migrations')), readmeTijd) > statSync(stempel).mtimeMs;

if (!heeftBuild || verouderd) {
  if (!kanBouwen) {
    console.error('Regiohub is nog niet gebouwd en de bouwgereedschappen ontbreken: voer `npm ci && npm run build` uit (daarna mag `npm prune --omit=dev`).');
    process.exit(1);
  }
  console.log(heeftBuild ? 'De bronnen zijn nieuwer dan de build: opnieuw bouwen…' : 'Nog geen build: Regiohub wordt eerst gebouwd…');
  const npm = process.env.npm_execpath;
  const bouw = npm ? spawnSync(process.execPath, [npm, 'run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }) : spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (bouw.status !== 0) process.exit(bouw.status ?? 1);
}

await import(pathToFileURL(gebouwd).href);
