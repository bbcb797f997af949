import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditLog } from '../audit/audit-log.entity.js';
import { Gemeente } from '../gemeente/gemeente.entity.js';
import { Jaarafsluiting, JaarStatus } from '../jaarafsluiting/jaarafsluiting.entity.js';
import { maakFinancien } from './demo-financien.js';
import { maakMeerjarenramingen } from './demo-meerjarenraming.js';
import { maakRealisatie } from './demo-realisatie.js';
import { maakResultaat } from './demo-resultaat.js';
import { maakPcCyclus } from './demo-pc.js';
import { maakStamdata } from './demo-stamdata.js';
import { maakVerantwoording } from './demo-verantwoording.js';

/**
 * Loads the demo region (MGR Sociaal Domein Centraal Gelderland) in one transaction, only into a
 * database without gemeenten. Returns false when there was already data.
 */
export async function laadDemoRegio(em: EntityManager): Promise<boolean> {
  return em.transactional(async (tx) => {
    if ((await tx.count(Gemeente, {})) > 0) return false;
    const stam = maakStamdata(tx);
    const afgesloten = maakFinancien(tx, stam);
    maakVerantwoording(tx, stam);
    // Years with a jaarrekening are closed; only after their figures are stored (the database
    // refuses writes to a closed year).
    await tx.flush();
    await maakMeerjarenramingen(tx);
    await maakRealisatie(tx, stam);
    await maakPcCyclus(tx, stam);
    for (const { module, jaar, op } of afgesloten) {
      tx.create(Jaarafsluiting, { module, jaar, status: JaarStatus.AFGESLOTEN, afgeslotenOp: new Date(`${op}T12:00:00Z`), afgeslotenDoor: 'demoregio' });
    }
    await maakResultaat(tx, stam);
    tx.create(AuditLog, {
      wie: 'systeem',
      actie: 'DEMOREGIO_GELADEN',
      entiteit: 'Regio',
      entiteitId: 'MGR-SD-CG',
      voor: null,
      na: { gemeenten: stam.gemeenten.size, modules: stam.modules.size },
    });
    return true;
  });
}
