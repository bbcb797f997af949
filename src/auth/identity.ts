import { cbsCodeProbleem } from '../core/scalars.js';
import { registerEnumType } from 'type-graphql';

export enum Rol {
  BEHEERDER = 'BEHEERDER',
  CONTROLLER = 'CONTROLLER',
  MODULEMANAGER = 'MODULEMANAGER',
  GEMEENTE = 'GEMEENTE',
  DASHBOARD = 'DASHBOARD',
}
registerEnumType(Rol, {
  name: 'Rol',
  description: 'Rol van wie een verzoek doet; bepaalt wat zij mag zien en wijzigen.',
});

/** Who makes a request: from an OpenID Connect token or an API token. Never holds the token itself. */
export interface Identity {
  /** Stable id for logs, audit and rate limiting, e.g. "oidc:<sub>" or "token:12". */
  id: string;
  naam: string;
  rol: Rol;
  /** CBS code for a gemeente (or gemeente-scoped dashboard) identity. */
  gemeente: string | null;
  /** Module codes of a module manager. */
  modules: string[];
}

export const ROLLEN = Object.values(Rol);

export function parseRol(value: unknown): Rol | null {
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return (ROLLEN as string[]).includes(upper) ? (upper as Rol) : null;
}

/** Checks that a role comes with the scope it needs, and no scope it may not have. */
export function scopeFout(rol: Rol, gemeente: string | null, modules: string[]): string | null {
  if (rol === Rol.GEMEENTE && !gemeente) return 'De rol GEMEENTE vereist een gemeente (CBS-code).';
  if (rol === Rol.MODULEMANAGER && modules.length === 0) return 'De rol MODULEMANAGER vereist minstens één module.';
  if (gemeente && rol !== Rol.GEMEENTE && rol !== Rol.DASHBOARD) return `De rol ${rol} heeft geen gemeente als scope.`;
  if (modules.length > 0 && rol !== Rol.MODULEMANAGER) return `De rol ${rol} heeft geen modules als scope.`;
  if (gemeente) return cbsCodeProbleem(gemeente);
  return null;
}
