import { Rol, type Identity } from '../../src/auth/identity.js';

const identity = (rol: Rol, naam: string, gemeente: string | null = null, modules: string[] = []): Identity => ({
  id: `test:${naam}`,
  naam,
  rol,
  gemeente,
  modules,
});

/** The identities of the authorization tests, one per role and scope. */
export const ALS = {
  beheerder: identity(Rol.BEHEERDER, 'beheerder'),
  controller: identity(Rol.CONTROLLER, 'controller'),
  modulemanagerWgsw: identity(Rol.MODULEMANAGER, 'manager-wgsw', null, ['WGSW']),
  modulemanagerRbl: identity(Rol.MODULEMANAGER, 'manager-rbl', null, ['RBL']),
  modulemanagerWsp: identity(Rol.MODULEMANAGER, 'manager-wsp', null, ['WSP']),
  gemeenteArnhem: identity(Rol.GEMEENTE, 'arnhem', 'GM0202'),
  dashboardRegio: identity(Rol.DASHBOARD, 'dashboard-regio'),
  dashboardArnhem: identity(Rol.DASHBOARD, 'dashboard-arnhem', 'GM0202'),
};
