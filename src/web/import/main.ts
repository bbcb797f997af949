// The upload page: the quarterly report's template and upload, and the inhabitants from CBS StatLine (dry
// run, then confirm), go through the hub's HTTP routes under /import (the same operations as the GraphQL
// mutations), with the token from this tab's sessionStorage.

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

interface InwonersImport {
  proefdraai: boolean;
  nieuw: number;
  gewijzigd: number;
  gelijk: number;
  voorlopig: number;
  wijzigingen: Array<{ cbsCode: string; gemeente: string; jaar: number; voorlopig: boolean; soort: 'NIEUW' | 'GEWIJZIGD' | 'GELIJK'; oud: number | null; nieuw: number }>;
}

const SOORT = { NIEUW: 'nieuw', GEWIJZIGD: 'gewijzigd', GELIJK: 'gelijk' } as const;
const aantal = (n: number | null) => (n === null ? '—' : n.toLocaleString('nl-NL'));

/** The inhabitants file: a dry run first (shows the changes, enables Vastleggen), then the real import of the same file. */
async function inwonersImporteren(proefdraai: boolean): Promise<void> {
  const bestand = $<HTMLInputElement>('inwoners-bestand').files?.[0];
  const vastleggen = $<HTMLButtonElement>('inwoners-vastleggen');
  if (!bestand) return meld('Kies eerst een bestand.', true, 'inwoners-melding');
  const soort = /\.csv$/i.test(bestand.name) ? 'csv' : 'xlsx';
  toonProblemen([], 'inwoners-problemen');
  vastleggen.disabled = true;
  meld(proefdraai ? 'Proefdraai…' : 'Bezig met vastleggen…', false, 'inwoners-melding');
  const antwoord = await fetch(`/import/inwoners.${soort}${proefdraai ? '?proefdraai=ja' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token()}`, 'content-type': soort === 'csv' ? 'text/csv' : XLSX },
    body: bestand,
  });
  if (!antwoord.ok) {
    vulTabel('inwoners-wijzigingen', []);
    const fout = await foutVan(antwoord);
    const problemen = fout.extensions?.problemen ?? [];
    toonProblemen(problemen, 'inwoners-problemen');
    const aantalProblemen = problemen.length === 1 ? '1 probleem' : `${problemen.length} problemen`;
    return meld(problemen.length ? `Niet opgeslagen: ${aantalProblemen} in het bestand, zie de tabel.` : `Niet opgeslagen: ${fout.message}`, true, 'inwoners-melding');
  }
  const r = ((await antwoord.json()) as { data: { inwonersImporteren: InwonersImport } }).data.inwonersImporteren;
  vulTabel(
    'inwoners-wijzigingen',
    r.wijzigingen.map((w) => [[w.gemeente, false], [w.cbsCode, false], [`${w.jaar}${w.voorlopig ? ' (voorlopig)' : ''}`, false], [SOORT[w.soort], false], [aantal(w.oud), true], [aantal(w.nieuw), true]] as const),
  );
  const telling = `${r.nieuw} nieuw, ${r.gewijzigd} gewijzigd, ${r.gelijk} gelijk${r.voorlopig ? ` (${r.voorlopig} voorlopig)` : ''}`;
  if (proefdraai) {
    vastleggen.disabled = r.nieuw + r.gewijzigd === 0;
    meld(`Proefdraai, niets opgeslagen: ${telling}.${vastleggen.disabled ? '' : ' Klopt dit? Kies Vastleggen.'}`, false, 'inwoners-melding');
  } else meld(`Vastgelegd: ${telling}.`, false, 'inwoners-melding');
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
  const antwoord = await fetch(`/import/kwartaalrapportage/sjabloon.xlsx?${new URLSearchParams(k)}`, { headers: { authorization: `Bearer ${token()}` } });
  if (!antwoord.ok) {
    const fout = await foutVan(antwoord);
    meld(`Geen sjabloon: ${fout.message}`, true);
    return;
  }
  const url = URL.createObjectURL(await antwoord.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: `kwartaalrapportage-${k.module}-${k.jaar}-K${k.kwartaal}.xlsx` });
  link.click();
  URL.revokeObjectURL(url);
  meld(`Sjabloon voor ${k.module} ${k.jaar}-K${k.kwartaal} gedownload.`);
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
  const foutInwoners = (error: unknown) => meld(`Er ging iets mis: ${error instanceof Error ? error.message : String(error)}`, true, 'inwoners-melding');
  $('inwoners').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('regiohub-token', tokenVeld.value.trim());
    inwonersImporteren(true).catch(foutInwoners);
  });
  $('inwoners-vastleggen').addEventListener('click', () => {
    sessionStorage.setItem('regiohub-token', tokenVeld.value.trim());
    inwonersImporteren(false).catch(foutInwoners);
  });
  // Another file needs its own dry run before it can be confirmed.
  $('inwoners-bestand').addEventListener('change', () => {
    $<HTMLButtonElement>('inwoners-vastleggen').disabled = true;
  });
  document.body.dataset.gereed = 'ja';
}

start();
