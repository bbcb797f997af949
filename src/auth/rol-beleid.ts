import type { IntrospectionSetting } from '../core/config.js';
import { Rol } from './identity.js';

/** Cost budget per operation: controllers run heavy ad-hoc queries, dashboards need less. */
export const KOSTENBUDGET: Readonly<Record<Rol, number>> = {
  [Rol.BEHEERDER]: 50_000,
  [Rol.CONTROLLER]: 50_000,
  [Rol.MODULEMANAGER]: 20_000,
  [Rol.GEMEENTE]: 20_000,
  [Rol.DASHBOARD]: 10_000,
};

const INTROSPECTIE_ROLLEN: Readonly<Record<IntrospectionSetting, readonly Rol[] | null>> = {
  alle: null,
  controllers: [Rol.BEHEERDER, Rol.CONTROLLER],
  uit: [],
};

/** Whether a role may introspect the schema under the INTROSPECTIE setting. */
export function magIntrospecteren(instelling: IntrospectionSetting, rol: Rol): boolean {
  const rollen = INTROSPECTIE_ROLLEN[instelling];
  return rollen === null || rollen.includes(rol);
}
