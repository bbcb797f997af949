// The README's GraphQL examples, read from its Markdown. One parser for the two places that use them:
// GraphiQL's opening tabs (vite.config.ts builds them in at build time) and tests/readme-voorbeelden.test.ts,
// which runs every example against the demo region. So a tab cannot show what the README does not, and
// an example in the README that stops working fails a test. No imports: it runs in Node (Vite, vitest).

/** One ```graphql block of the README with the demo token it runs as and, if shown, its answer. */
export interface ReadmeVoorbeeld {
  /** The demo token it runs as: its key in .data/demo-tokens.json, e.g. `CONTROLLER` or `MODULEMANAGER WGSW`. */
  als: string;
  /** The GraphQL document, as in the README. */
  query: string;
  /** The parsed ```json block that follows it as its answer, if any. */
  antwoord?: unknown;
  /** The README section (## heading) it stands in. */
  sectie: string;
  /** Line of the opening fence in the README (1-based), for messages. */
  regel: number;
}

// The line right before each ```graphql fence (blank lines between are allowed) names the token:
// <!-- als: CONTROLLER -->. An HTML comment, so the rendered README shows only the example.
const ALS = /^<!--\s*als:\s*([A-Z]+(?: [A-Z0-9,]+)?)\s*-->$/;
const FENCE = /^\s*```(\S*)\s*$/;

interface Blok {
  taal: string;
  tekst: string;
  regel: number;
  /** Index in `regels` of the opening fence. */
  start: number;
}

function blokken(regels: readonly string[]): Blok[] {
  const gevonden: Blok[] = [];
  for (let i = 0; i < regels.length; i++) {
    const open = FENCE.exec(regels[i]);
    if (!open) continue;
    const einde = regels.findIndex((r, j) => j > i && /^\s*```\s*$/.test(r));
    if (einde < 0) throw new Error(`README regel ${i + 1}: codeblok zonder afsluitende \`\`\`.`);
    const inspring = /^\s*/.exec(regels[i])![0].length;
    gevonden.push({ taal: open[1], tekst: regels.slice(i + 1, einde).map((r) => r.slice(inspring)).join('\n') + '\n', regel: i + 1, start: i });
    i = einde;
  }
  return gevonden;
}

/**
 * Every ```graphql block of the README, in order. A block without `<!-- als: … -->` right before it is
 * an error, so a new example cannot escape the test. A ```json block that is the next code block is its
 * answer (prose may stand between them, such as "Antwoord op de demoregio:").
 */
export function leesReadmeVoorbeelden(markdown: string): ReadmeVoorbeeld[] {
  const regels = markdown.split('\n');
  const alle = blokken(regels);
  const voorbeelden: ReadmeVoorbeeld[] = [];
  alle.forEach((blok, n) => {
    if (blok.taal !== 'graphql') return;
    let vorige = blok.start - 1;
    while (vorige >= 0 && regels[vorige].trim() === '') vorige--;
    const als = vorige >= 0 ? ALS.exec(regels[vorige].trim()) : null;
    if (!als) throw new Error(`README regel ${blok.regel}: zet vóór elk \`\`\`graphql-voorbeeld een regel <!-- als: ROL --> met de sleutel van een demotoken (bijvoorbeeld CONTROLLER).`);
    const sectie = regels.slice(0, blok.start).reverse().find((r) => /^##+ /.test(r))?.replace(/^##+ /, '') ?? '';
    const volgende = alle[n + 1];
    let antwoord: unknown;
    if (volgende?.taal === 'json') {
      try {
        antwoord = JSON.parse(volgende.tekst);
      } catch (fout) {
        throw new Error(`README regel ${volgende.regel}: het antwoord is geen geldige JSON (${(fout as Error).message}).`);
      }
    }
    voorbeelden.push({ als: als[1], query: blok.tekst, ...(antwoord === undefined ? {} : { antwoord }), sectie, regel: blok.regel });
  });
  return voorbeelden;
}

/** GraphiQL's opening tabs: one per README example, headed by a comment that says where it comes from and as whom it runs. */
export function graphiqlTabs(markdown: string): { query: string }[] {
  return leesReadmeVoorbeelden(markdown).map((v) => ({
    query: `# README, ${v.sectie}\n# token: ${v.als} (.data/demo-tokens.json)\n${v.query}`,
  }));
}
