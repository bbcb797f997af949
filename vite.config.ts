import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const web = fileURLToPath(new URL('./src/web', import.meta.url));

/** Builds the dashboard page, the Excel upload page and GraphiQL into dist/web; the hub serves them, no CDN. */
export default defineConfig({
  root: web,
  base: '/',
  esbuild: { jsx: 'automatic' },
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
