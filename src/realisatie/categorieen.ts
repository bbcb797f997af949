import { registerEnumType } from 'type-graphql';

/**
 * The Iv3 economische categorieën of a gemeenschappelijke regeling, for lasten and for baten, as CBS
 * publishes them per boekjaar in its definition files for GR's: statistiekcbs/iv3_definities, files
 * iv3_definities_GR_2023.json … iv3_definities_GR_2026.json ("Iv3 definitiebestand versie 2.1",
 * codelijsten categorie_lasten and categorie_baten; 2023–2025 read at commit 215a7e5, 2026 at 5db8584).
 * The lists of 2023 and 2024 are equal, and so are those of 2025 and 2026; they differ only in the
 * kapitaaloverdrachten: until 2024 one code per counterparty (4.4.1–4.4.9), from 2025 4.4.9 plus the
 * investeringsbijdragen (4.5.x) and overige kapitaaloverdrachten (4.6.6, 4.6.8). A code is valid for
 * the years [vanaf, tot]; the newest list stays valid after 2026 until CBS publishes another (the
 * iv3-JSON export checks separately that CBS has a file for the boekjaar, see iv3-codelijsten.ts).
 * Years before 2023 are refused rather than checked against a list the hub does not hold.
 */
export enum Kant {
  LASTEN = 'LASTEN',
  BATEN = 'BATEN',
}
registerEnumType(Kant, { name: 'Kant', description: 'Lasten of baten: de kant van het overzicht van baten en lasten waar een bedrag op staat.' });

export interface CategorieDefinitie {
  code: string;
  naam: string;
  /** First boekjaar of the code; empty = since CATEGORIEEN_VANAF. */
  vanaf?: number;
  /** Last boekjaar of the code; empty = still in use. */
  tot?: number;
}

/** First boekjaar the list below is applied to. */
export const CATEGORIEEN_VANAF = 2023;
export const CATEGORIEEN_BRON = 'CBS, statistiekcbs/iv3_definities, iv3_definities_GR_<boekjaar>.json (Iv3 definitiebestand versie 2.1)';
/** First boekjaar of the kapitaaloverdrachten split into investeringsbijdragen and overige (4.5.x, 4.6.x). */
const KAPITAAL_NIEUW = 2025;

const c = (code: string, naam: string, periode: { vanaf?: number; tot?: number } = {}): CategorieDefinitie => ({ code, naam, ...periode });

const OVERHEDEN = ['Rijk', 'gemeenten', 'gemeenschappelijke regelingen', 'provincies', 'waterschappen', 'overige overheden', 'Europese Unie', 'overige instellingen en personen'];
const inkomensoverdrachten = [...OVERHEDEN, 'onverdeeld'].map((wie, i) => c(`4.3.${i + 1}`, `Inkomensoverdrachten - ${wie}`));
const oud = { tot: KAPITAAL_NIEUW - 1 };
const nieuw = { vanaf: KAPITAAL_NIEUW };
const kapitaaloverdrachten = OVERHEDEN.map((wie, i) => c(`4.4.${i + 1}`, `Kapitaaloverdrachten - ${wie}`, oud));
const investeringsbijdragen = OVERHEDEN.map((wie, i) => c(`4.5.${i + 1}`, `Investeringsbijdragen - ${wie}`, nieuw));
const kapitaal = [
  ...kapitaaloverdrachten,
  c('4.4.9', 'Kapitaaloverdrachten - onverdeeld'),
  ...investeringsbijdragen,
  c('4.6.6', 'Overige kapitaaloverdrachten - overheid', nieuw),
  c('4.6.8', 'Overige kapitaaloverdrachten - overige instellingen en personen', nieuw),
];
// Financiële rekening and interne verrekeningen: the same on both sides.
const FR_IV = [
  c('6.1', 'Financiële transacties'),
  c('7.1', 'Mutatie reserves'),
  c('7.2', 'Mutatie voorzieningen'),
  c('7.3', 'Afschrijvingen'),
  c('7.4', 'Toegerekende reële en bespaarde rente'),
  c('7.5', 'Overige verrekeningen'),
];

export const CATEGORIEEN: Readonly<Record<Kant, readonly CategorieDefinitie[]>> = {
  LASTEN: [
    c('1.1', 'Salarissen en sociale lasten'),
    c('2.1', 'Belastingen'),
    c('3.1', 'Grond'),
    c('3.2', 'Duurzame goederen'),
    c('3.3', 'Pachten'),
    c('3.4.1', 'Sociale uitkeringen in natura'),
    c('3.5.1', 'Ingeleend personeel'),
    c('3.8', 'Overige goederen en diensten'),
    c('4.1.1', 'Sociale uitkeringen in geld'),
    c('4.2', 'Subsidies'),
    ...inkomensoverdrachten,
    ...kapitaal,
    c('5.1', 'Rente'),
    ...FR_IV,
  ],
  BATEN: [
    c('2.2.1', 'Belastingen op producenten'),
    c('2.2.2', 'Belastingen op huishoudens'),
    c('3.1', 'Grond'),
    c('3.2', 'Duurzame goederen'),
    c('3.3', 'Pachten'),
    c('3.4.2', 'Eigen bijdragen en verhaal sociale uitkeringen in natura'),
    c('3.5.2', 'Uitgeleend personeel'),
    c('3.6', 'Huren'),
    c('3.7', 'Leges en andere rechten'),
    c('3.8', 'Overige goederen en diensten'),
    c('4.1.2', 'Verhaal sociale uitkeringen in geld'),
    ...inkomensoverdrachten,
    ...kapitaal,
    c('5.1', 'Rente'),
    c('5.2', 'Dividenden en winsten'),
    ...FR_IV,
  ],
};

/** The baten categorie of the member gemeenten' contributions to the regeling: inkomensoverdrachten van gemeenten. */
export const BIJDRAGEN_GEMEENTEN = '4.3.2';

const KANT_WOORD: Record<Kant, string> = { LASTEN: 'lasten', BATEN: 'baten' };

/** The categorie with this code on this side in `jaar`, or undefined. */
export function categorieIn(code: string, kant: Kant, jaar: number): CategorieDefinitie | undefined {
  if (jaar < CATEGORIEEN_VANAF) return undefined;
  return CATEGORIEEN[kant].find((d) => d.code === code && (d.vanaf ?? 0) <= jaar && jaar <= (d.tot ?? 9999));
}

/** Why `code` is no categorie on this side in `jaar`, in words a controller can act on, or null. */
export function categorieProbleem(code: string, kant: Kant, jaar: number): string | null {
  if (jaar < CATEGORIEEN_VANAF) return `de hub kent de Iv3-categorieën pas vanaf boekjaar ${CATEGORIEEN_VANAF}`;
  if (categorieIn(code, kant, jaar)) return null;
  const ander = kant === Kant.LASTEN ? Kant.BATEN : Kant.LASTEN;
  if (categorieIn(code, ander, jaar)) return `categorie ${code} is een ${KANT_WOORD[ander]}categorie en hoort niet aan de ${KANT_WOORD[kant]}kant`;
  const ooit = CATEGORIEEN[kant].find((d) => d.code === code);
  if (ooit) return `categorie ${code} (${ooit.naam}) staat alleen ${ooit.tot ? `tot en met boekjaar ${ooit.tot}` : `vanaf boekjaar ${ooit.vanaf}`} in de Iv3-lijst van ${KANT_WOORD[kant]}categorieën, niet in ${jaar}`;
  return `categorie ${code} staat niet in de Iv3-lijst van ${KANT_WOORD[kant]}categorieën (${CATEGORIEEN_BRON})`;
}

const RESERVES_EN_RESULTAAT = ['0.10', '0.11'];

/**
 * Why a taakveld × categorie cell may not be filled, or null. A subset of the grijze cellen of the
 * CBS definition file for GR 2026, checked against its lasten list: taakvelden 0.10 (Mutaties
 * reserves) and 0.11 (Resultaat) take only categorie 7.1, and 7.1 goes on no other taakveld (applied
 * to both sides); on the lasten side rente (5.1) only on 0.5 Treasury, and financiële transacties
 * (6.1) on no taakveld at all: they belong in the balance sections.
 */
export function combinatieProbleem(taakveld: string, categorie: string, kant: Kant): string | null {
  if (RESERVES_EN_RESULTAAT.includes(taakveld) && categorie !== '7.1') return `taakveld ${taakveld} gaat alleen samen met categorie 7.1 (Mutatie reserves), niet met ${categorie}`;
  if (categorie === '7.1' && !RESERVES_EN_RESULTAAT.includes(taakveld)) return `categorie 7.1 (Mutatie reserves) hoort alleen op taakveld 0.10 of 0.11, niet op ${taakveld}`;
  if (kant === Kant.LASTEN && categorie === '5.1' && taakveld !== '0.5') return `categorie 5.1 (Rente) hoort aan de lastenkant alleen op taakveld 0.5 Treasury, niet op ${taakveld}`;
  if (kant === Kant.LASTEN && categorie === '6.1') return 'categorie 6.1 (Financiële transacties) hoort op de balans, niet op een taakveld';
  return null;
}
