// The upload page: the quarterly report's template and upload, the quarterly realisation (module managers
// and the beheerder), and the beheerder's imports (inhabitants from CBS StatLine, budget versions,
// allocation keys); the imports do a dry run, then confirm. Everything goes through the hub's HTTP
// routes under /import (the same operations as the GraphQL mutations), with the token from this tab's
// sessionStorage.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface Probleem {
  blad: string | null;
  rij: number | null;
  kolom: string | null;
  kolomnaam: string | null;
  melding: string;
}

interface Fout {
  message: string;
  extensions?: { code?: string; problemen?: Probleem[] };
}

const token = () => sessionStorage.getItem('regiohub-token') ?? '';

function meld(tekst: string, fout = false, waar = 'melding'): void {
  const melding = $(waar);
  melding.textContent = tekst;
  melding.classList.toggle('fout', fout);
}

function kwartaal(): { module: string; jaar: string; kwartaal: string } {
  return { module: $<HTMLInputElement>('module').value.trim().toUpperCase(), jaar: $<HTMLInputElement>('jaar').value, kwartaal: $<HTMLSelectElement>('kwartaal').value };
}

/** Fills a table's body with rows of [text, right-aligned] cells; an empty list hides the table. */
function vulTabel(id: string, rijen: Array<Array<readonly [string, boolean]>>): void {
  const tabel = $<HTMLTableElement>(id);
  tabel.tBodies[0].replaceChildren(
    ...rijen.map((cellen) => {
      const rij = document.createElement('tr');
      for (const [tekst, getal] of cellen) {
        const cel = document.createElement('td');
        cel.textContent = tekst;
        if (getal) cel.className = 'getal';
        rij.append(cel);
      }
      return rij;
    }),
  );
  tabel.hidden = rijen.length === 0;
}

function toonProblemen(problemen: Probleem[], id = 'problemen'): void {
  vulTabel(
    id,
    problemen.map((p) => {
      const kolom = p.kolom ? `${p.kolom}${p.kolomnaam ? ` (${p.kolomnaam})` : ''}` : '—';
      return [[p.blad ?? 'hele bestand', false], [p.rij === null ? '—' : String(p.rij), true], [kolom, false], [p.melding, false]] as const;
    }),
  );
}

type Wijziging = 'NIEUW' | 'GEWIJZIGD' | 'GELIJK';
const SOORT: Record<Wijziging, string> = { NIEUW: 'nieuw', GEWIJZIGD: 'gewijzigd', GELIJK: 'gelijk' };
const aantal = (n: number | null) => (n === null ? '—' : n.toLocaleString('nl-NL'));
const NL_EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const NL_GETAL = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 });
/** Exact decimal text from the hub, shown in Dutch; display only, nothing is computed with it. */
const euro = (bedrag: string) => NL_EURO.format(Number(bedrag));
const getal = (tekst: string | null) => (tekst === null ? '—' : NL_GETAL.format(Number(tekst)));
const datum = (iso: string) => iso.split('-').reverse().join('-');

interface InwonersImport {
  nieuw: number;
  gewijzigd: number;
  gelijk: number;
  voorlopig: number;
  wijzigingen: Array<{ cbsCode: string; gemeente: string; jaar: number; voorlopig: boolean; soort: Wijziging; oud: number | null; nieuw: number }>;
}

interface BegrotingenImport {
  nieuw: number;
  gelijk: number;
  versies: Array<{ module: string; jaar: number; soort: string; volgnummer: number; lasten: string; baten: string; vastgesteldOp: string; wijziging: Wijziging }>;
}

interface VerdeelsleutelsImport {
  nieuw: number;
  gewijzigd: number;
  gelijk: number;
  overgeslagen: string[];
  sleutels: Array<{ module: string; jaar: number; grondslag: string; wijziging: Wijziging; eenheden: Array<{ cbsCode: string; gemeente: string; oud: string | null; nieuw: string | null }> }>;
}

interface RealisatieImport {
  nieuw: number;
  gewijzigd: number;
  gelijk: number;
  totaalLasten: string;
  totaalBaten: string;
  kwartalen: Array<{ module: string; jaar: number; kwartaal: number; wijziging: Wijziging; lasten: string; baten: string; oudeLasten: string | null; oudeBaten: string | null; prognoseLasten: string | null }>;
}

type Cellen = Array<readonly [string, boolean]>;

/** One of the beheerder's imports on this page: its route, and how its answer is shown. */
interface BeheerImport<T> {
  naam: 'inwoners' | 'begrotingen' | 'verdeelsleutels' | 'realisatie';
  mutatie: string;
  rijen: (r: T) => Cellen[];
  telling: (r: T) => string;
  teVeranderen: (r: T) => number;
}

const INWONERS: BeheerImport<InwonersImport> = {
  naam: 'inwoners',
  mutatie: 'inwonersImporteren',
  rijen: (r) => r.wijzigingen.map((w) => [[w.gemeente, false], [w.cbsCode, false], [`${w.jaar}${w.voorlopig ? ' (voorlopig)' : ''}`, false], [SOORT[w.soort], false], [aantal(w.oud), true], [aantal(w.nieuw), true]]),
  telling: (r) => `${r.nieuw} nieuw, ${r.gewijzigd} gewijzigd, ${r.gelijk} gelijk${r.voorlopig ? ` (${r.voorlopig} voorlopig)` : ''}`,
  teVeranderen: (r) => r.nieuw + r.gewijzigd,
};

const BEGROTINGEN: BeheerImport<BegrotingenImport> = {
  naam: 'begrotingen',
  mutatie: 'begrotingenImporteren',
  rijen: (r) =>
    r.versies.map((v) => [
      [v.module, false],
      [String(v.jaar), false],
      [v.soort === 'WIJZIGING' ? `wijziging ${v.volgnummer}` : 'primitief', false],
      [SOORT[v.wijziging], false],
      [euro(v.lasten), true],
      [euro(v.baten), true],
      [datum(v.vastgesteldOp), false],
    ]),
  telling: (r) => `${r.nieuw} nieuw, ${r.gelijk} gelijk`,
  teVeranderen: (r) => r.nieuw,
};

const VERDEELSLEUTELS: BeheerImport<VerdeelsleutelsImport> = {
  naam: 'verdeelsleutels',
  mutatie: 'verdeelsleutelsImporteren',
  // Per key its gemeenten; an unchanged key shows as one line.
  rijen: (r) =>
    r.sleutels.flatMap((s) =>
      s.wijziging === 'GELIJK'
        ? [[[s.module, false], [String(s.jaar), false], [s.grondslag, false], ['(alle gemeenten)', false], [SOORT.GELIJK, false], ['', true], ['', true]] as Cellen]
        : s.eenheden.map(
            (e): Cellen => [[s.module, false], [String(s.jaar), false], [s.grondslag, false], [e.gemeente, false], [e.oud === e.nieuw ? SOORT.GELIJK : SOORT[s.wijziging], false], [getal(e.oud), true], [getal(e.nieuw), true]],
          ),
    ),
  telling: (r) => `${r.nieuw} nieuw, ${r.gewijzigd} gewijzigd, ${r.gelijk} gelijk${r.overgeslagen.length ? `, ${r.overgeslagen.length} overgeslagen (geen eenheden ingevuld)` : ''}`,
  teVeranderen: (r) => r.nieuw + r.gewijzigd,
};

const euroOfStreep = (bedrag: string | null) => (bedrag === null ? '—' : euro(bedrag));

const REALISATIE: BeheerImport<RealisatieImport> = {
  naam: 'realisatie',
  mutatie: 'realisatieImporteren',
  rijen: (r) =>
    r.kwartalen.map((k) => [
      [k.module, false],
      [`${k.jaar}-K${k.kwartaal}`, false],
      [SOORT[k.wijziging], false],
      [euroOfStreep(k.oudeLasten), true],
      [euro(k.lasten), true],
      [euroOfStreep(k.oudeBaten), true],
      [euro(k.baten), true],
      [euroOfStreep(k.prognoseLasten), true],
    ]),
  telling: (r) => `${r.nieuw} nieuw, ${r.gewijzigd} gewijzigd, ${r.gelijk} gelijk; lasten ${euro(r.totaalLasten)}, baten ${euro(r.totaalBaten)}`,
  teVeranderen: (r) => r.nieuw + r.gewijzigd,
};

/** A file for one of the imports: a dry run first (shows the changes, enables Vastleggen), then the real import of the same file. */
async function beheerImporteren<T>(imp: BeheerImport<T>, proefdraai: boolean): Promise<void> {
  const id = (deel: string) => `${imp.naam}-${deel}`;
  const bestand = $<HTMLInputElement>(id('bestand')).files?.[0];
  const vastleggen = $<HTMLButtonElement>(id('vastleggen'));
  if (!bestand) return meld('Kies eerst een bestand.', true, id('melding'));
  const soort = /\.csv$/i.test(bestand.name) ? 'csv' : 'xlsx';
  toonProblemen([], id('problemen'));
  vastleggen.disabled = true;
  meld(proefdraai ? 'Proefdraai…' : 'Bezig met vastleggen…', false, id('melding'));
  const antwoord = await fetch(`/import/${imp.naam}.${soort}${proefdraai ? '?proefdraai=ja' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token()}`, 'content-type': soort === 'csv' ? 'text/csv' : XLSX },
    body: bestand,
  });
  if (!antwoord.ok) {
    vulTabel(id('wijzigingen'), []);
    const fout = await foutVan(antwoord);
    const problemen = fout.extensions?.problemen ?? [];
    toonProblemen(problemen, id('problemen'));
    const aantalProblemen = problemen.length === 1 ? '1 probleem' : `${problemen.length} problemen`;
    return meld(problemen.length ? `Niet opgeslagen: ${aantalProblemen} in het bestand, zie de tabel.` : `Niet opgeslagen: ${fout.message}`, true, id('melding'));
  }
  const r = ((await antwoord.json()) as { data: Record<string, T> }).data[imp.mutatie];
  vulTabel(id('wijzigingen'), imp.rijen(r));
  if (proefdraai) {
    vastleggen.disabled = imp.teVeranderen(r) === 0;
    meld(`Proefdraai, niets opgeslagen: ${imp.telling(r)}.${vastleggen.disabled ? '' : ' Klopt dit? Kies Vastleggen.'}`, false, id('melding'));
  } else meld(`Vastgelegd: ${imp.telling(r)}.`, false, id('melding'));
}

/** Downloads a file from the hub with the tab's token; on an error, says why in `waar`. */
async function download(pad: string, bestandsnaam: string, waar: string): Promise<boolean> {
  const antwoord = await fetch(pad, { headers: { authorization: `Bearer ${token()}` } });
  if (!antwoord.ok) {
    meld(`Geen sjabloon: ${(await foutVan(antwoord)).message}`, true, waar);
    return false;
  }
  const url = URL.createObjectURL(await antwoord.blob());
  Object.assign(document.createElement('a'), { href: url, download: bestandsnaam }).click();
  URL.revokeObjectURL(url);
  return true;
}

async function foutVan(antwoord: Response): Promise<Fout> {
  try {
    const body = (await antwoord.json()) as { errors?: Fout[] };
    return body.errors?.[0] ?? { message: `De hub antwoordde met status ${antwoord.status}.` };
  } catch {
    return { message: `De hub antwoordde met status ${antwoord.status}.` };
  }
}

async function downloadSjabloon(): Promise<void> {
  const k = kwartaal();
  meld('Sjabloon wordt gemaakt…');
  const naam = `kwartaalrapportage-${k.module}-${k.jaar}-K${k.kwartaal}.xlsx`;
  if (await download(`/import/kwartaalrapportage/sjabloon.xlsx?${new URLSearchParams(k)}`, naam, 'melding')) meld(`Sjabloon voor ${k.module} ${k.jaar}-K${k.kwartaal} gedownload.`);
}

async function upload(): Promise<void> {
  const bestand = $<HTMLInputElement>('bestand').files?.[0];
  if (!bestand) return meld('Kies eerst een bestand.', true);
  const query = $<HTMLInputElement>('controleer').checked ? `?${new URLSearchParams(kwartaal())}` : '';
  toonProblemen([]);
  meld('Bezig met uploaden…');
  const antwoord = await fetch(`/import/kwartaalrapportage.xlsx${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token()}`, 'content-type': XLSX },
    body: bestand,
  });
  if (antwoord.ok) {
    const { data } = (await antwoord.json()) as {
      data: { kwartaalrapportageUploaden: { module: { code: string }; jaar: number; kwartaal: number; versie: number; revisie: number } };
    };
    const r = data.kwartaalrapportageUploaden;
    meld(`Opgeslagen als concept: ${r.module.code} ${r.jaar}-K${r.kwartaal}, versie ${r.versie}, revisie ${r.revisie}.`);
    return;
  }
  const fout = await foutVan(antwoord);
  const problemen = fout.extensions?.problemen ?? [];
  toonProblemen(problemen);
  meld(problemen.length ? `Niet opgeslagen: ${problemen.length === 1 ? '1 probleem' : `${problemen.length} problemen`} in het bestand, zie de tabel.` : `Niet opgeslagen: ${fout.message}`, true);
}

function start(): void {
  // A token may arrive in the fragment (never sent to the server in the URL); keep it for this tab only.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    sessionStorage.setItem('regiohub-token', fragment.get('token')!);
    history.replaceState(null, '', location.pathname);
  }
  const tokenVeld = $<HTMLInputElement>('token');
  tokenVeld.value = token();
  tokenVeld.addEventListener('change', () => sessionStorage.setItem('regiohub-token', tokenVeld.value.trim()));
  // The quarter just ended is the one most often reported.
  const nu = new Date();
  const vorig = Math.floor(nu.getMonth() / 3) || 4;
  $<HTMLInputElement>('module').value = fragment.get('module') ?? '';
  $<HTMLInputElement>('jaar').value = fragment.get('jaar') ?? String(vorig === 4 ? nu.getFullYear() - 1 : nu.getFullYear());
  $<HTMLSelectElement>('kwartaal').value = fragment.get('kwartaal') ?? String(vorig);
  const fout = (error: unknown) => meld(`Er ging iets mis: ${error instanceof Error ? error.message : String(error)}`, true);
  $('gegevens').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('regiohub-token', tokenVeld.value.trim());
    downloadSjabloon().catch(fout);
  });
  $('uploaden').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('regiohub-token', tokenVeld.value.trim());
    upload().catch(fout);
  });
  for (const imp of [REALISATIE, INWONERS, BEGROTINGEN, VERDEELSLEUTELS] as Array<BeheerImport<unknown>>) {
    const id = (deel: string) => `${imp.naam}-${deel}`;
    const fout = (error: unknown) => meld(`Er ging iets mis: ${error instanceof Error ? error.message : String(error)}`, true, id('melding'));
    $(imp.naam).addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem('regiohub-token', tokenVeld.value.trim());
      beheerImporteren(imp, true).catch(fout);
    });
    $(id('vastleggen')).addEventListener('click', () => {
      sessionStorage.setItem('regiohub-token', tokenVeld.value.trim());
      beheerImporteren(imp, false).catch(fout);
    });
    // Another file needs its own dry run before it can be confirmed.
    $(id('bestand')).addEventListener('change', () => {
      $<HTMLButtonElement>(id('vastleggen')).disabled = true;
    });
    const sjabloon = document.getElementById(id('sjabloon'));
    if (!sjabloon) continue;
    if (imp === (REALISATIE as BeheerImport<unknown>)) {
      $<HTMLInputElement>(id('jaar')).value = $<HTMLInputElement>('jaar').value;
      $<HTMLSelectElement>(id('kwartaal')).value = $<HTMLSelectElement>('kwartaal').value;
      $<HTMLInputElement>(id('module')).value = $<HTMLInputElement>('module').value;
      sjabloon.addEventListener('submit', (event) => {
        event.preventDefault();
        sessionStorage.setItem('regiohub-token', tokenVeld.value.trim());
        const k = { module: $<HTMLInputElement>(id('module')).value.trim().toUpperCase(), jaar: $<HTMLInputElement>(id('jaar')).value, kwartaal: $<HTMLSelectElement>(id('kwartaal')).value };
        const naam = `realisatie-${k.module}-${k.jaar}-K${k.kwartaal}.xlsx`;
        download(`/import/realisatie/sjabloon.xlsx?${new URLSearchParams(k)}`, naam, id('melding'))
          .then((gelukt) => gelukt && meld(`Sjabloon realisatie ${k.module} ${k.jaar}-K${k.kwartaal} gedownload.`, false, id('melding')))
          .catch(fout);
      });
      continue;
    }
    $<HTMLInputElement>(id('jaar')).value = String(nu.getFullYear() + 1);
    sjabloon.addEventListener('submit', (event) => {
      event.preventDefault();
      sessionStorage.setItem('regiohub-token', tokenVeld.value.trim());
      const jaar = $<HTMLInputElement>(id('jaar')).value;
      download(`/import/${imp.naam}/sjabloon.xlsx?jaar=${encodeURIComponent(jaar)}`, `${imp.naam}-${jaar}.xlsx`, id('melding'))
        .then((gelukt) => gelukt && meld(`Sjabloon ${imp.naam} ${jaar} gedownload.`, false, id('melding')))
        .catch(fout);
    });
  }
  document.body.dataset.gereed = 'ja';
}

start();
