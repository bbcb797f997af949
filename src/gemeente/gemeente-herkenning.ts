import type { EntityManager } from '@mikro-orm/postgresql';

// Recognising a gemeente in an uploaded file: by CBS code (GM0202) or by name as people and CBS write
// it. One rule for every import (inhabitants, allocation keys).

export interface HerkendeGemeente {
  id: number;
  cbs_code: string;
  naam: string;
}

/** StatLine sometimes adds "(gemeente)" to tell a city from a province or region of the same name. */
const naamNormaal = (naam: string) => naam.toLowerCase().replace(/[’‘`´]/g, "'").replace(/\s*\((gemeente|gem\.?)\)$/, '').replace(/\s+/g, ' ').trim();

export type Herkenner = (tekst: string) => { gemeente: HerkendeGemeente } | { probleem: string };

/** Every gemeente of the hub, and a function that finds one by code or name with a Dutch reason when it cannot. */
export async function gemeenteHerkenner(em: EntityManager): Promise<{ gemeenten: HerkendeGemeente[]; herken: Herkenner }> {
  const gemeenten = await em.execute<HerkendeGemeente[]>('select id, cbs_code, naam from gemeente order by id');
  const opCode = new Map(gemeenten.map((g) => [g.cbs_code, g]));
  const opNaam = new Map<string, HerkendeGemeente[]>();
  for (const g of gemeenten) opNaam.set(naamNormaal(g.naam), [...(opNaam.get(naamNormaal(g.naam)) ?? []), g]);
  const herken: Herkenner = (tekst) => {
    if (/^GM\d{4}$/i.test(tekst)) {
      const gemeente = opCode.get(tekst.toUpperCase());
      return gemeente ? { gemeente } : { probleem: `gemeente met CBS-code ${tekst.toUpperCase()} is niet bekend in de hub` };
    }
    const kandidaten = opNaam.get(naamNormaal(tekst)) ?? [];
    if (kandidaten.length === 1) return { gemeente: kandidaten[0] };
    if (kandidaten.length === 0) return { probleem: `gemeente "${tekst}" is niet bekend in de hub; gebruik de naam zoals in de hub of de CBS-code (GM0202)` };
    return { probleem: `de naam "${tekst}" past bij meer gemeenten (${kandidaten.map((g) => g.cbs_code).join(', ')}); gebruik de CBS-code` };
  };
  return { gemeenten, herken };
}
