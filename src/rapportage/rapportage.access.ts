import type { FilterQuery } from '@mikro-orm/core';
import { Rol, type Identity } from '../auth/identity.js';
import type { KpiWaarde } from './kpi-waarde.entity.js';
import { RapportageStatus, type Kwartaalrapportage } from './kwartaalrapportage.entity.js';

/**
 * Which report versions an identity may see. Beheerder and controller: all. Module manager: every
 * version of its own modules (and their submodules). Gemeente and dashboard: approved versions only.
 */
export function zichtbareRapportages(identity: Identity): FilterQuery<Kwartaalrapportage> {
  switch (identity.rol) {
    case Rol.BEHEERDER:
    case Rol.CONTROLLER:
      return {};
    case Rol.MODULEMANAGER:
      return {
        module: { $or: [{ code: { $in: identity.modules } }, { hoofdmodule: { code: { $in: identity.modules } } }] },
      };
    default:
      return { status: RapportageStatus.GOEDGEKEURD };
  }
}

/**
 * Which KPI values an identity may see: those of visible reports, and for a gemeente (or a
 * gemeente-scoped dashboard) only its own values and regional totals; an unscoped dashboard sees
 * regional totals only.
 */
export function zichtbareKpiWaarden(identity: Identity): FilterQuery<KpiWaarde> {
  const rapportage = zichtbareRapportages(identity);
  const metRapportage = Object.keys(rapportage).length ? { rapportage } : {};
  if (identity.rol === Rol.GEMEENTE || (identity.rol === Rol.DASHBOARD && identity.gemeente)) {
    return { ...metRapportage, $or: [{ gemeente: { cbsCode: identity.gemeente } }, { gemeente: null }] };
  }
  if (identity.rol === Rol.DASHBOARD) return { ...metRapportage, gemeente: null };
  return metRapportage;
}
