import { raw, type FilterQuery } from '@mikro-orm/core';
import { Rol, type Identity } from '../auth/identity.js';
import { ErrorCode, hubError } from '../core/errors.js';
import type { KpiWaarde } from './kpi-waarde.entity.js';
import { RapportageStatus, type Kwartaalrapportage } from './kwartaalrapportage.entity.js';

/**
 * Which report versions an identity may see. Beheerder and controller: all. Module manager: every
 * version of its own modules (and their submodules). Gemeente and dashboard: approved versions only.
 */
export function zichtbareRapportages(identity: Identity): FilterQuery<Kwartaalrapportage> {
  if (zietAlleenGoedgekeurd(identity)) return { status: RapportageStatus.GOEDGEKEURD };
  switch (identity.rol) {
    case Rol.BEHEERDER:
    case Rol.CONTROLLER:
      return {};
    case Rol.MODULEMANAGER:
      return {
        module: { $or: [{ code: { $in: identity.modules } }, { hoofdmodule: { code: { $in: identity.modules } } }] },
      };
    default:
      return {};
  }
}

/** Gemeenten and dashboards see approved report versions only; the other roles see every status. */
function zietAlleenGoedgekeurd(identity: Identity): boolean {
  return identity.rol === Rol.GEMEENTE || identity.rol === Rol.DASHBOARD;
}


/**
 * Which KPI values an identity may see: those of visible reports, and for a gemeente (or a
 * gemeente-scoped dashboard) only its own values and regional totals; an unscoped dashboard sees
 * regional totals only.
 */
export function zichtbareKpiWaarden(identity: Identity): FilterQuery<KpiWaarde> {
  const rapportage = zichtbareRapportages(identity);
  const metRapportage = Object.keys(rapportage).length ? { rapportage } : {};
  const gemeenten = kpiGemeentenInZicht(identity);
  if (gemeenten === 'alle') return metRapportage;
  if (gemeenten.length === 0) return { ...metRapportage, gemeente: null };
  return { ...metRapportage, $or: [{ gemeente: { cbsCode: gemeenten[0] } }, { gemeente: null }] };
}

/**
 * Of which gemeenten an identity may see KPI values per gemeente (regional values are visible to
 * all): a gemeente and a gemeente-scoped dashboard their own, an unscoped dashboard none, the other
 * roles all. zichtbareKpiWaarden applies it to the values; the dashboard offers only these gemeenten.
 */
export function kpiGemeentenInZicht(identity: Identity): 'alle' | [] | [string] {
  if (identity.rol === Rol.GEMEENTE || (identity.rol === Rol.DASHBOARD && identity.gemeente)) return [identity.gemeente!];
  if (identity.rol === Rol.DASHBOARD) return [];
  return 'alle';
}

/**
 * Restricts KPI values to the current version of each module's report per quarter among the versions
 * the identity may see (the view actuele_rapportage): for gemeente and dashboard the latest approved
 * version, for everyone else the latest version of any status (a module manager's scope is per module,
 * so the latest version within its modules is the latest version). Combine with zichtbareKpiWaarden.
 * A raw condition on the root alias, so build it anew for every query.
 */
export function actueleKpiWaarden(identity: Identity): FilterQuery<KpiWaarde> {
  const vlag = zietAlleenGoedgekeurd(identity) ? 'laatste_goedgekeurd' : 'laatste';
  return { [raw((alias: string) => `${alias}.rapportage_id in (select id from actuele_rapportage where ${vlag})`)]: [] } as FilterQuery<KpiWaarde>;
}

/**
 * A module manager writes only the reports of its own modules. Which role may write at all is the
 * resolver's check (vereisRol); this is the data scope within that role.
 */
export function vereisModuleScope(identity: Identity, module: string): void {
  if (!identity.modules.includes(module)) {
    throw hubError(ErrorCode.FORBIDDEN, `U bent geen modulemanager van ${module}.`, { module });
  }
}

/**
 * A gemeente (or dashboard) may ask for one gemeente's KPI values only if it is its own; the same
 * scope as zichtbareKpiWaarden, refused outright where a query names the gemeente.
 */
export function vereisKpiWaardenVanGemeente(identity: Identity, gemeente: string | null): void {
  const gemeenteScope = identity.rol === Rol.GEMEENTE || identity.rol === Rol.DASHBOARD;
  if (gemeente && gemeenteScope && gemeente !== identity.gemeente) {
    throw hubError(ErrorCode.FORBIDDEN, 'U mag alleen KPI-waarden van uw eigen gemeente en regionale totalen zien.');
  }
}
