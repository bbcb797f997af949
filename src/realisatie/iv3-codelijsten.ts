import { categorieIn, Kant } from './categorieen.js';

/**
 * CBS's Iv3 taakveld codes for gemeenschappelijke regelingen per boekjaar, and the translation of the
 * hub's BBV taakveld codes (src/taakveld/taakvelden.ts) into them: the one place where the iv3-JSON
 * export learns which taakveld code CBS accepts in which year. Data, read from CBS's repository
 * statistiekcbs/iv3_definities (GitHub), files iv3_definities_GR_<boekjaar>.json, metadata
 * "Iv3 definitiebestand versie 2.1", codelijst taakveld: 2023, 2024 and 2025 at commit 215a7e5dfb,
 * 2026 at commit 5db8584b8c (read 2 December 2026; there was no file for 2027). The categorie lists of
 * the same files are in categorieen.ts. The README (Realisatie en Iv3) gives the table and what is assumed.
 *
 * - 2023 and 2024: the sociaal domein as refined in 2023 (6.71a–6.82b), the same codes as the hub's
 *   list, except 6.74: CBS has 6.74a GGZ zonder verblijf, 6.74b crisis/LTA/GGZ-verblijf and 6.74c
 *   gesloten plaatsing, where the hub has 6.74a crisis/LTA/GGZ-verblijf and 6.74b gesloten plaatsing
 *   (same names, shifted by one; translated here by name).
 * - 2025 and 2026: a new sociaal domein with three-digit codes (6.21–6.23, 6.60, 6.711–6.714,
 *   6.751–6.763, 6.791–6.792, 6.811–6.822, 6.91–6.92). Where CBS's name equals the hub's name the
 *   translation is one to one (6.71a → 6.711 …, 6.81a → 6.811, 6.82a → 6.821). Jeugdhulp is no longer
 *   split by kind of care but into ambulant / met verblijf × lokaal / regionaal / landelijk: the hub
 *   translates zonder verblijf (6.72a–d) to 6.752 and met verblijf (6.73a–c, 6.74a–b) to 6.762, on the
 *   assumption that a gemeenschappelijke regeling buys in regionally. 6.6 Maatwerkvoorzieningen (Wmo)
 *   becomes 6.60 Hulpmiddelen en diensten (Wmo) (assumption: the successor, same number). 6.2 has no
 *   single successor (6.21 Wmo, 6.22 Jeugd, 6.23 Integraal) and is refused.
 */

const ALGEMEEN_VOOR = ['0.1', '0.2', '0.3', '0.4', '0.5', '0.61', '0.62', '0.63', '0.64', '0.7', '0.8', '0.9', '0.10', '0.11', '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.7'];
const ALGEMEEN_NA = ['7.1', '7.2', '7.3', '7.4', '7.5', '8.1', '8.2', '8.3'];
const SOCIAAL_2023 = ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.71', '6.71a', '6.71b', '6.71c', '6.71d', '6.72', '6.72a', '6.72b', '6.72c', '6.72d', '6.73a', '6.73b', '6.73c', '6.74a', '6.74b', '6.74c', '6.81', '6.81a', '6.81b', '6.82', '6.82a', '6.82b'];
const SOCIAAL_2025 = ['6.1', '6.21', '6.22', '6.23', '6.3', '6.4', '6.5', '6.60', '6.711', '6.712', '6.713', '6.714', '6.751', '6.752', '6.753', '6.761', '6.762', '6.763', '6.791', '6.792', '6.811', '6.812', '6.821', '6.822', '6.91', '6.92'];

interface Iv3Jaargang {
  /** The boekjaren whose CBS files hold this taakveld list. */
  jaren: readonly number[];
  taakvelden: ReadonlySet<string>;
  /** Hub code → CBS code where they differ; every other hub code goes to CBS unchanged. */
  vanHub: Readonly<Record<string, string>>;
}

const JAARGANGEN: readonly Iv3Jaargang[] = [
  {
    jaren: [2023, 2024],
    taakvelden: new Set([...ALGEMEEN_VOOR, ...SOCIAAL_2023, ...ALGEMEEN_NA]),
    vanHub: { '6.74a': '6.74b', '6.74b': '6.74c' },
  },
  {
    jaren: [2025, 2026],
    taakvelden: new Set([...ALGEMEEN_VOOR, ...SOCIAAL_2025, ...ALGEMEEN_NA]),
    vanHub: {
      '6.6': '6.60',
      '6.71a': '6.711',
      '6.71b': '6.712',
      '6.71c': '6.713',
      '6.71d': '6.714',
      '6.72a': '6.752',
      '6.72b': '6.752',
      '6.72c': '6.752',
      '6.72d': '6.752',
      '6.73a': '6.762',
      '6.73b': '6.762',
      '6.73c': '6.762',
      '6.74a': '6.762',
      '6.74b': '6.762',
      '6.81a': '6.811',
      '6.81b': '6.812',
      '6.82a': '6.821',
      '6.82b': '6.822',
    },
  },
];

/** Why a hub code is not translated: the CBS codes a controller would have to choose between. */
const KEUZE_NODIG: Readonly<Record<string, string>> = { '6.2': '6.21 (Wmo), 6.22 (Jeugd) of 6.23 (Integraal)' };

export const IV3_BOEKJAREN: readonly number[] = JAARGANGEN.flatMap((j) => j.jaren);
export const IV3_BRON = 'CBS, statistiekcbs/iv3_definities, iv3_definities_GR_<boekjaar>.json (Iv3 definitiebestand versie 2.1)';

const jaargang = (jaar: number) => JAARGANGEN.find((j) => j.jaren.includes(jaar));

/** Why the hub cannot deliver boekjaar `jaar` to CBS at all, or null. */
export function iv3JaarProbleem(jaar: number): string | null {
  if (jaargang(jaar)) return null;
  return `de hub kent de Iv3-codelijsten van CBS voor gemeenschappelijke regelingen alleen voor de boekjaren ${IV3_BOEKJAREN[0]}–${IV3_BOEKJAREN.at(-1)}, niet voor ${jaar} (${IV3_BRON})`;
}

/** The translation of hub taakveld codes into CBS codes for `jaar`, as pairs (only the codes that change). */
export function iv3Vertaling(jaar: number): Array<[string, string]> {
  return Object.entries(jaargang(jaar)?.vanHub ?? {});
}

/**
 * Why a cell (already translated) may not go to CBS for `jaar`, or null: its taakveld is not in CBS's
 * taakveld list of that boekjaar, or its categorie not in that year's list of the side.
 */
export function iv3CelProbleem(taakveld: string, categorie: string, kant: Kant, jaar: number): string | null {
  const lijst = jaargang(jaar);
  if (!lijst) return iv3JaarProbleem(jaar);
  const kantWoord = kant === Kant.LASTEN ? 'lasten' : 'baten';
  if (!lijst.taakvelden.has(taakveld)) {
    const keuze = KEUZE_NODIG[taakveld];
    return keuze
      ? `taakveld ${taakveld} (${kantWoord}) heeft in de CBS-lijst van ${jaar} geen eenduidige opvolger: CBS splitst het in ${keuze}; die keuze kent de hub nog niet`
      : `taakveld ${taakveld} (${kantWoord}) staat niet in de CBS-lijst van taakvelden van ${jaar}`;
  }
  if (!categorieIn(categorie, kant, jaar)) return `categorie ${categorie} staat niet in de CBS-lijst van ${kantWoord}categorieën van ${jaar} (taakveld ${taakveld})`;
  return null;
}
