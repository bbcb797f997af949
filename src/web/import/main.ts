// The upload page: the template and the upload go through the hub's HTTP routes under /import (the same
// service as the GraphQL mutation), with the token from this tab's sessionStorage.

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

function meld(tekst: string, fout = false): void {
  const melding = $('melding');
  melding.textContent = tekst;
  melding.classList.toggle('fout', fout);
}

function kwartaal(): { module: string; jaar: string; kwartaal: string } {
  return { module: $<HTMLInputElement>('module').value.trim().toUpperCase(), jaar: $<HTMLInputElement>('jaar').value, kwartaal: $<HTMLSelectElement>('kwartaal').value };
}

function toonProblemen(problemen: Probleem[]): void {
  const tabel = $<HTMLTableElement>('problemen');
  tabel.tBodies[0].replaceChildren(
    ...problemen.map((p) => {
      const rij = document.createElement('tr');
      const kolom = p.kolom ? `${p.kolom}${p.kolomnaam ? ` (${p.kolomnaam})` : ''}` : '—';
      for (const [tekst, getal] of [[p.blad ?? 'hele bestand', false], [p.rij === null ? '—' : String(p.rij), true], [kolom, false], [p.melding, false]] as const) {
        const cel = document.createElement('td');
        cel.textContent = tekst;
        if (getal) cel.className = 'getal';
        rij.append(cel);
      }
      return rij;
    }),
  );
  tabel.hidden = problemen.length === 0;
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
  document.body.dataset.gereed = 'ja';
}

start();
