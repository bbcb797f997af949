import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { BijdragenGefilterdDocument, BijdrageTotalenDocument } from './generated/graphql.js';
import { dataStatements, startTestHub, type TestHub } from './helpers/test-hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.close());


describe('bijdragen als connection met where en orderBy', () => {
  it('geeft precies de rijen die aan een samengesteld filter voldoen, gesorteerd en gepagineerd', async () => {
    const where = {
      jaar: { gte: 2023, lte: 2024 },
      fase: { eq: 'GEREALISEERD' as const },
      or: [{ module: { in: ['WGSW', 'RBL'] } }, { programma: { eq: 'ZORG' }, bedrag: { gte: '100000.00' } }],
      not: { gemeente: { eq: 'GM0202' } },
    };
    const [{ n }] = await t.sql<{ n: string }>(`
      select count(*) as n from bijdrage b join module m on m.id = b.module_id join gemeente g on g.id = b.gemeente_id
      left join programma p on p.id = m.programma_id
      where b.jaar between 2023 and 2024 and b.fase = 'GEREALISEERD'
        and (m.code in ('WGSW', 'RBL') or (p.code = 'ZORG' and b.bedrag >= 100000))
        and not g.cbs_code = 'GM0202'`);
    const orderBy = [{ veld: 'BEDRAG' as const, richting: 'DESC' as const }];
    const eerste = await t.execute(BijdragenGefilterdDocument, { where, orderBy, first: 10 });
    expect(eerste.errors).toBeUndefined();
    const pagina1 = eerste.data!.bijdragen;
    expect(pagina1.totalCount).toBe(Number(n));
    expect(pagina1.edges).toHaveLength(10);
    expect(pagina1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    // Walk all pages: together exactly the filtered rows, in descending amount.
    const alle = [...pagina1.edges];
    let cursor = pagina1.pageInfo.endCursor;
    for (let pagina = 2; cursor && pagina < 50; pagina++) {
      const volgende = (await t.execute(BijdragenGefilterdDocument, { where, orderBy, first: 10, after: cursor })).data!.bijdragen;
      alle.push(...volgende.edges);
      cursor = volgende.pageInfo.hasNextPage ? volgende.pageInfo.endCursor : null;
    }
    expect(alle).toHaveLength(Number(n));
    const bedragen = alle.map((e) => new Decimal(e.node.bedrag));
    expect(bedragen.every((b, i) => i === 0 || bedragen[i - 1].gte(b))).toBe(true);
    for (const { node } of alle) {
      expect(node.fase).toBe('GEREALISEERD');
      expect(node.gemeente.cbsCode).not.toBe('GM0202');
      expect([2023, 2024]).toContain(node.jaar);
      const zorgBoven = node.module.programma!.code === 'ZORG' && new Decimal(node.bedrag).gte(100_000);
      expect(['WGSW', 'RBL'].includes(node.module.code) || zorgBoven).toBe(true);
    }
  });

  it('begrenst de paginagrootte', async () => {
    const { errors } = await t.execute(BijdragenGefilterdDocument, { first: 501 });
    expect(errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const { errors: cursorFout } = await t.execute(BijdragenGefilterdDocument, { after: 'onzin' });
    expect(cursorFout![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('heeft een vast aantal SQL-statements, ook voor een volle pagina met geneste velden', async () => {
    const tel = async (first: number) => {
      t.statements.length = 0;
      await t.execute(BijdragenGefilterdDocument, { first });
      return dataStatements(t.statements).length;
    };
    expect(await tel(5)).toBe(await tel(500));
    // the page with its total (one window count) and its gemeenten and modules (JSON per row), then programma's
    expect(await tel(500)).toBe(2);
  });
});

describe('bijdrageTotalen (GROUP BY in PostgreSQL)', () => {
  it('geeft totalen per gemeente en taakveld die exact de som van de delen zijn', async () => {
    const where = { jaar: { eq: 2025 }, fase: { eq: 'BEGROOT' as const } };
    const { data, errors } = await t.execute(BijdrageTotalenDocument, { groupBy: ['GEMEENTE', 'TAAKVELD'], where });
    expect(errors).toBeUndefined();
    const totalen = data!.bijdrageTotalen;
    const rijen = await t.sql<{ cbs_code: string; taakveld: string; bedrag: string }>(`
      select g.cbs_code, b.taakveld, b.bedrag from bijdrage b join gemeente g on g.id = b.gemeente_id where b.jaar = 2025 and b.fase = 'BEGROOT'`);
    for (const totaal of totalen) {
      const deel = rijen.filter((r) => r.cbs_code === totaal.gemeente!.cbsCode && r.taakveld === totaal.taakveld);
      expect(totaal.som).toBe(deel.reduce((s, r) => s.plus(r.bedrag), new Decimal(0)).toFixed(2));
      expect(totaal.aantal).toBe(deel.length);
      expect(totaal.module).toBeNull();
    }
    expect(totalen.reduce((n, t) => n + t.aantal, 0)).toBe(rijen.length);
    const arnhem64 = totalen.find((x) => x.gemeente!.cbsCode === 'GM0202' && x.taakveld === '6.4')!;
    expect(arnhem64.minimum).toBe(arnhem64.maximum);
  });

  it('geeft zonder groepering één regiototaal', async () => {
    const { data } = await t.execute(BijdrageTotalenDocument, { groupBy: [], where: { jaar: { eq: 2024 }, fase: { eq: 'BEGROOT' } } });
    const [{ saldo }] = await t.sql<{ saldo: string }>("select sum(lasten - baten) as saldo from begroting where jaar = 2024 and soort = 'PRIMITIEF'");
    expect(data!.bijdrageTotalen).toHaveLength(1);
    expect(data!.bijdrageTotalen[0].som).toBe(new Decimal(saldo).toFixed(2));
  });
});

describe('kleine lijsten met dezelfde filters', () => {
  it('filtert gemeenten en modules', async () => {
    const { GemeentenGefilterdDocument, ModulesGefilterdDocument } = await import('./generated/graphql.js');
    const gemeenten = await t.execute(GemeentenGefilterdDocument, { where: { or: [{ cbsCode: { in: ['GM0202', 'GM0221'] } }, { naam: { eq: 'Zevenaar' } }] } });
    expect(gemeenten.data!.gemeenten.map((g) => g.cbsCode)).toEqual(['GM0202', 'GM0221', 'GM0299']);
    const modules = await t.execute(ModulesGefilterdDocument, { where: { programma: { eq: 'PARTICIPATIE' }, not: { code: { eq: 'WSP' } } } });
    expect(modules.data!.modules.map((m) => m.code)).toEqual(['INBURGERING', 'WGSW']);
    const sub = await t.execute(ModulesGefilterdDocument, { where: { hoofdmodule: { eq: 'INKOOP' } } });
    expect(sub.data!.modules.map((m) => m.code)).toEqual(['INKOOP-BW', 'INKOOP-JEUGD', 'INKOOP-WMO']);
  });
});
