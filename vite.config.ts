import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { graphiqlTabs } from './src/web/graphiql/readme-voorbeelden.js';

const web = fileURLToPath(new URL('./src/web', import.meta.url));
const readme = fileURLToPath(new URL('./README.md', import.meta.url));

/**
 * `virtual:readme-voorbeelden`: GraphiQL's opening tabs, the README's examples read at build time, so
 * the page and the README cannot tell different stories (tests/readme-voorbeelden.test.ts runs them).
 */
function readmeVoorbeelden(): Plugin {
  const id = 'virtual:readme-voorbeelden';
  return {
    name: 'readme-voorbeelden',
    resolveId: (bron) => (bron === id ? `\0${id}` : undefined),
    load(bron) {
      if (bron !== `\0${id}`) return undefined;
      this.addWatchFile(readme);
      return `export default ${JSON.stringify(graphiqlTabs(readFileSync(readme, 'utf8')))};`;
    },
  };
}

/** Builds the dashboard page, the Excel upload page and GraphiQL into dist/web; the hub serves them, no CDN. */
export default defineConfig({
  root: web,
  base: '/',
  esbuild: { jsx: 'automatic' },
  plugins: [readmeVoorbeelden()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        dashboard: `${web}/dashboard/index.html`,
        graphiql: `${web}/graphiql/index.html`,
        import: `${web}/import/index.html`,
      },
    },
  },
});
