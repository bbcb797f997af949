import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of src/, bottom first. A file may import from its own folder and from lower layers;
// folders in one layer are independent of each other. Type-only imports count too: they are
// dependencies for the reader even when they vanish from the compiled code.
const LAGEN: readonly (readonly string[])[] = [
  ['core'],
  ['auth'],
  ['context.ts'],
  ['audit'],
  ['gemeente', 'organisatie', 'taakveld'],
  ['module'],
  ['jaarafsluiting'],
  ['deelname'],
  ['begroting', 'verdeelsleutel'],
  ['bijdrage'],
  ['realisatie'],
  ['resultaat'],
  ['pc'],
  ['dvo'],
  ['kpi'],
  ['rapportage'],
  ['export', 'import', 'api-token', 'aanmelding'],
  // Assembly, which knows every domain: the schema and the entity list; the ORM set-up, the HTTP
  // server and the demo data; start-up and scripts.
  ['schema.ts', 'entities.ts'],
  ['database.ts', 'server.ts', 'demo'],
  ['index.ts', 'cli'],
];

// MikroORM relations may point both ways between entities (a parent listing its children, a child
// naming its parent). Such entity-to-entity imports against the layer order are the only ones that
// may be allowed, each listed here and in the README ("Waar staat wat"). Today there are none: every
// relation is declared on the child (ManyToOne), so entities follow the layers too.
const ENTITEITRELATIES: readonly string[] = [];

const SRC = path.resolve(import.meta.dirname, '..', 'src');
const OVERGESLAGEN = new Set(['web']);

function bestanden(map: string): string[] {
  return readdirSync(map).flatMap((naam) => {
    const pad = path.join(map, naam);
    if (statSync(pad).isDirectory()) return naam === 'node_modules' ? [] : bestanden(pad);
    return /\.(ts|mjs)$/.test(naam) && !naam.endsWith('.d.ts') ? [pad] : [];
  });
}

/** The unit of layering a file (path relative to src/) belongs to: its top folder, or the file itself at the top. */
const eenheid = (bestand: string) => bestand.split(path.sep)[0];

const laagVan = new Map(LAGEN.flatMap((laag, i) => laag.map((e) => [e, i] as const)));

interface Import {
  van: string;
  naar: string;
}

function imports(): Import[] {
  const alle: Import[] = [];
  for (const bestand of bestanden(SRC)) {
    if (OVERGESLAGEN.has(eenheid(path.relative(SRC, bestand)))) continue;
    const bron = readFileSync(bestand, 'utf8');
    for (const [, doel] of bron.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      const naar = path.resolve(path.dirname(bestand), doel).replace(/\.js$/, '.ts');
      if (!naar.startsWith(SRC + path.sep)) continue;
      alle.push({ van: path.relative(SRC, bestand), naar: path.relative(SRC, naar) });
    }
  }
  return alle;
}

describe('de lagen van src/', () => {
  const alle = imports();

  it('kent elke map en elk bestand op het hoogste niveau een laag toe', () => {
    const eenheden = new Set(bestanden(SRC).map((b) => eenheid(path.relative(SRC, b))).filter((e) => !OVERGESLAGEN.has(e)));
    expect([...eenheden].filter((e) => !laagVan.has(e)).sort()).toEqual([]);
  });

  it('laat afhankelijkheden één kant op lopen, behalve relaties tussen entiteiten', () => {
    const tegenDeRichting = alle
      .filter(({ van, naar }) => {
        const a = eenheid(van);
        const b = eenheid(naar);
        if (a === b) return false;
        const [la, lb] = [laagVan.get(a)!, laagVan.get(b)!];
        // Same layer: independent folders; a higher layer: against the order.
        return lb >= la;
      })
      .map(({ van, naar }) => `${van} -> ${naar}`);
    const nietToegestaan = tegenDeRichting.filter((regel) => !ENTITEITRELATIES.includes(regel));
    expect(nietToegestaan).toEqual([]);
    // Every allowed exception is an import between two entity files, and still exists.
    for (const regel of ENTITEITRELATIES) expect(regel).toMatch(/^[\w/-]+\.entity\.ts -> [\w/-]+\.entity\.ts$/);
    expect([...ENTITEITRELATIES].sort()).toEqual([...new Set(tegenDeRichting)].sort());
  });

  it('houdt core/ onder alles: core importeert alleen uit core/', () => {
    const uitCore = alle.filter(({ van, naar }) => eenheid(van) === 'core' && eenheid(naar) !== 'core');
    expect(uitCore.map(({ van, naar }) => `${van} -> ${naar}`)).toEqual([]);
  });
});
