import { Rol, type Identity } from '../auth/identity.js';

/**
 * Of which gemeenten an identity may see zienswijzen (and the per-raad rows of the calendar): a
 * gemeente, and a dashboard scoped to one, only its own raad; every other role all raden. One rule,
 * used by every read of zienswijzen.
 */
export function zienswijzeGemeente(identity: Identity): string | null {
  if (identity.rol === Rol.GEMEENTE || (identity.rol === Rol.DASHBOARD && identity.gemeente)) return identity.gemeente;
  return null;
}
