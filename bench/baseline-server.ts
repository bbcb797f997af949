// The practical limit: the benchmark's questions answered with hand-written SQL through pg and
// JSON.stringify, no GraphQL. Started by `npm run bench` as its own process: PORT, DATABASE_URL.
import http from 'node:http';
import pg from 'pg';
import { dashboardSql } from './bench-sql.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const DASHBOARD = dashboardSql();

const KPI_REEKS = `
  select distinct on (r.jaar, r.kwartaal) r.jaar, r.kwartaal, w.waarde, r.versie
  from kpi_waarde w
  join kwartaalrapportage r on r.id = w.rapportage_id
  join kpi k on k.id = w.kpi_id
  join module m on m.id = k.module_id
  join gemeente g on g.id = w.gemeente_id
  where m.code = $1 and k.code = $2 and g.cbs_code = $3 and r.jaar between $4 and $5
  order by r.jaar, r.kwartaal, r.versie desc`;
const NORMEN = `
  select n.jaar, min(n.norm) as norm from dvo_norm n join kpi k on k.id = n.kpi_id join module m on m.id = k.module_id
  where m.code = $1 and k.code = $2 and n.jaar between $3 and $4 group by n.jaar`;
const BIJDRAGEN = `
  select b.jaar, b.fase, b.bedrag, g.cbs_code, m.code as module, count(*) over () as totaal
  from bijdrage b join gemeente g on g.id = b.gemeente_id join module m on m.id = b.module_id
  where b.jaar between $1 and $2 and b.begroting_id in (select id from actuele_begroting)
  order by b.bedrag desc, b.id limit 100`;

async function opslaan(invoer: { module: string; jaar: number; kwartaal: number; revisie: number | null; kpi: string; gemeente: string; waarde: string }) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    let id: number;
    let revisie: number;
    if (invoer.revisie === null) {
      const r = await client.query(
        `insert into kwartaalrapportage (module_id, jaar, kwartaal, versie, status) select id, $2, $3, 1, 'CONCEPT' from module where code = $1 returning id, revisie`,
        [invoer.module, invoer.jaar, invoer.kwartaal],
      );
      ({ id, revisie } = r.rows[0]);
    } else {
      const r = await client.query(
        `update kwartaalrapportage set revisie = revisie + 1 where module_id = (select id from module where code = $1)
         and jaar = $2 and kwartaal = $3 and revisie = $4 returning id, revisie`,
        [invoer.module, invoer.jaar, invoer.kwartaal, invoer.revisie],
      );
      if (r.rowCount === 0) {
        await client.query('rollback');
        return { conflict: true };
      }
      ({ id, revisie } = r.rows[0]);
    }
    await client.query(
      `insert into kpi_waarde (rapportage_id, kpi_id, gemeente_id, waarde)
       select $1, k.id, g.id, $4 from kpi k join module m on m.id = k.module_id, gemeente g
       where m.code = $2 and k.code = $3 and g.cbs_code = $5
       on conflict (rapportage_id, kpi_id, coalesce(gemeente_id, 0)) do update set waarde = excluded.waarde`,
      [id, invoer.module, invoer.kpi, invoer.waarde, invoer.gemeente],
    );
    await client.query('commit');
    return { revisie };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

function lees(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => resolve(body));
  });
}

http
  .createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const q = (naam: string) => url.searchParams.get(naam)!;
      let data: unknown;
      if (url.pathname === '/dashboard') data = (await pool.query(DASHBOARD, [Number(q('jaar'))])).rows;
      else if (url.pathname === '/kpi-reeks') {
        const [waarden, normen] = await Promise.all([
          pool.query(KPI_REEKS, [q('module'), q('kpi'), q('gemeente'), Number(q('van')), Number(q('tot'))]),
          pool.query(NORMEN, [q('module'), q('kpi'), Number(q('van')), Number(q('tot'))]),
        ]);
        data = { waarden: waarden.rows, normen: normen.rows };
      } else if (url.pathname === '/bijdragen') data = (await pool.query(BIJDRAGEN, [Number(q('van')), Number(q('tot'))])).rows;
      else if (url.pathname === '/opslaan') data = await opslaan(JSON.parse(await lees(req)));
      else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(data));
    } catch (error) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ fout: String(error) }));
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('baseline klaar'));
