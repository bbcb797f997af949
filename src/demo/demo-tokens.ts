import type { EntityManager } from '@mikro-orm/postgresql';
import { writeFileSync } from 'node:fs';
import { maakApiToken, type NieuwToken } from '../api-token/api-token.service.js';
import { Rol } from '../auth/identity.js';

const DEMO_TOKENS: NieuwToken[] = [
  { naam: 'Demo beheerder (MGR-bureau)', rol: Rol.BEHEERDER },
  { naam: 'Demo controller', rol: Rol.CONTROLLER },
  { naam: 'Demo modulemanager WgSW', rol: Rol.MODULEMANAGER, modules: ['WGSW'] },
  { naam: 'Demo gemeente Arnhem', rol: Rol.GEMEENTE, gemeente: 'GM0202' },
  { naam: 'Demo dashboard regio', rol: Rol.DASHBOARD },
];

/**
 * One API token per role for the embedded demo, written once to a local file (mode 600) because
 * the database keeps only their hashes. Only for the demo region on a developer's machine.
 */
export async function maakDemoTokens(em: EntityManager, bestand: string): Promise<void> {
  const regels: Record<string, string> = {};
  for (const token of DEMO_TOKENS) {
    const { geheim } = await maakApiToken(em.fork(), token, 'systeem (demoregio)');
    regels[`${token.rol}${token.gemeente ? ` ${token.gemeente}` : ''}${token.modules ? ` ${token.modules.join(',')}` : ''}`] = geheim;
  }
  writeFileSync(bestand, JSON.stringify(regels, null, 2) + '\n', { mode: 0o600 });
}
