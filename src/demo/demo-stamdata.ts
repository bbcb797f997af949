import type { EntityManager } from '@mikro-orm/postgresql';
import { Deelname } from '../deelname/deelname.entity.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Inwonertal } from '../gemeente/inwonertal.entity.js';
import { Betaalritme, Module } from '../module/module.entity.js';
import { Programma } from '../module/programma.entity.js';
import { Organisatie, OrganisatieSoort } from '../organisatie/organisatie.entity.js';
import { GEMEENTEN, JAREN, MODULES, ORGANISATIES, PROGRAMMAS } from './regio.js';

export interface Stamdata {
  gemeenten: Map<string, Gemeente>;
  inwoners: (cbsCode: string, jaar: number) => number;
  modules: Map<string, Module>;
  deelnames: Deelname[];
  organisaties: Map<string, Organisatie>;
}

/** Gemeenten with inhabitants, programmes, modules with submodules, participation, organisations. */
export function maakStamdata(em: EntityManager): Stamdata {
  const gemeenten = new Map<string, Gemeente>();
  const inwonertallen = new Map<string, number>();
  for (const g of GEMEENTEN) {
    const gemeente = em.create(Gemeente, { cbsCode: g.cbsCode, naam: g.naam });
    gemeenten.set(g.cbsCode, gemeente);
    for (const jaar of JAREN) {
      const aantal = Math.round(g.inwoners2024 * (1 + g.groei) ** (jaar - 2024));
      inwonertallen.set(`${g.cbsCode}/${jaar}`, aantal);
      em.create(Inwonertal, { gemeente, jaar, aantal, bron: 'CBS, bevolking op 1 januari (afgeronde benadering, demodata)' });
    }
  }

  const programmas = new Map(PROGRAMMAS.map((p) => [p.code, em.create(Programma, p)]));
  const modules = new Map<string, Module>();
  const deelnames: Deelname[] = [];
  for (const m of MODULES) {
    const module = em.create(Module, {
      code: m.code,
      naam: m.naam,
      omschrijving: m.omschrijving,
      programma: m.programma ? programmas.get(m.programma) : null,
      hoofdmodule: m.hoofdmodule ? modules.get(m.hoofdmodule) : null,
      startdatum: m.startdatum,
      taakveld: m.taakveld ?? null,
      // The plan: WgSW's salary costs are charged to the gemeenten monthly.
      betaalritme: m.code === 'WGSW' ? Betaalritme.MAANDELIJKS : Betaalritme.PER_KWARTAAL,
    });
    modules.set(m.code, module);
    for (const d of m.deelnames) {
      deelnames.push(em.create(Deelname, { gemeente: gemeenten.get(d.cbsCode)!, module, vanaf: d.vanaf, tot: d.tot ?? null }));
    }
  }

  const organisaties = new Map(
    ORGANISATIES.map((o) => [o.naam, em.create(Organisatie, { naam: o.naam, soort: OrganisatieSoort[o.soort] })]),
  );
  return {
    gemeenten,
    inwoners: (cbsCode, jaar) => inwonertallen.get(`${cbsCode}/${jaar}`)!,
    modules,
    deelnames,
    organisaties,
  };
}
