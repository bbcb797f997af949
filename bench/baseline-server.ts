// The practical limit: the benchmark's questions answered with hand-written SQL through pg and
// JSON.stringify, no GraphQL. It computes what the hub computes for the same token (bench-sql.ts:
// current versions, norms, verdicts, totals; the save with the hub's checks and audit entry), without
// authentication. Started by `npm run bench` as its own process: PORT, DATABASE_URL.
import http from 'node:http';
import pg from 'pg';
import { dashboardSql, KPI_REEKS_SQL } from './bench-sql.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const DASHBOARD = dashboardSql();

const BIJDRAGEN = `
  select b.jaar, b.fase, b.bedrag, g.cbs_code, m.code as module, count(*) over () as totaal
  from bijdrage b join gemeente g on g.id = b.gemeente_id join module m on m.id = b.module_id
  where b.jaar between $1 and $2 and b.begroting_id in (select id from actuele_begroting)
  order by b.bedrag desc, b.id limit 100`;

// The save as the hub does it (kwartaalrapportageOpslaan): the KPI and gemeente checked (niveau, a yearly
// figure only in the fourth quarter, unit and bounds), the current version claimed by its revisie while a
// draft or sent back, the value upserted, and an audit entry with the values before and after.
const CONTROLE = `
  select m.id as module_id, k.id as kpi_id, g.id as gemeente_id,
         case when k.id is null then 'geen KPI van ' || m.code
              when k.niveau = 'REGIO' and $3::text is not null then 'regionale KPI: laat de gemeente leeg'
              when k.niveau = 'GEMEENTE' and $3::text is null then 'KPI per gemeente: geef de gemeente op'
              when $3::text is not null and g.id is null then 'onbekende gemeente'
              when k.periode = 'JAAR' and $4::int <> 4 then 'jaarcijfer: alleen in de rapportage van kwartaal 4'
              when k.eenheid = 'PERCENTAGE' and ($5::numeric < 0 or $5::numeric > 100) then 'een percentage ligt tussen 0 en 100'
              when k.eenheid in ('AANTAL', 'DAGEN') and ($5::numeric <> trunc($5::numeric) or $5::numeric < 0) then 'een aantal is een geheel getal van 0 of meer'
              when $5::numeric < k.ondergrens then 'de waarde ligt onder de ondergrens'
              when $5::numeric > k.bovengrens then 'de waarde ligt boven de bovengrens' end as probleem
  from module m left join kpi k on k.module_id = m.id and k.code = $2::text left join gemeente g on g.cbs_code = $3::text
  where m.code = $1::text`;
const NIEUW = `
  insert into kwartaalrapportage (module_id, jaar, kwartaal, versie, status, gewijzigd_op, revisie)
  select $1::int, $2::int, $3::int, 1, 'CONCEPT', now(), 1
  where not exists (select 1 from kwartaalrapportage where module_id = $1::int and jaar = $2::int and kwartaal = $3::int)
  returning id, revisie`;
const CLAIM = `
  update kwartaalrapportage set revisie = revisie + 1, gewijzigd_op = now(), status = 'CONCEPT'
  where id = (select id from kwartaalrapportage where module_id = $1 and jaar = $2 and kwartaal = $3 order by versie desc limit 1)
    and revisie = $4 and status in ('CONCEPT', 'TERUGGESTUURD')
  returning id, revisie`;
const WAARDEN = `
  select coalesce(jsonb_agg(jsonb_build_object('kpi', k.code, 'gemeente', g.cbs_code, 'waarde', w.waarde::text, 'toelichting', w.toelichting) order by w.id), '[]')
  from kpi_waarde w join kpi k on k.id = w.kpi_id left join gemeente g on g.id = w.gemeente_id where w.rapportage_id = $1`;
// The values before (the statement's snapshot) and the upsert in one statement.
const SCHRIJF = `
  with voor as (${WAARDEN}), schrijf as (
    insert into kpi_waarde (rapportage_id, kpi_id, gemeente_id, waarde) values ($1, $2, $3, $4)
    on conflict (rapportage_id, kpi_id, coalesce(gemeente_id, 0)) do update set waarde = excluded.waarde)
  select (select * from voor) as voor`;
const AUDIT = `
  insert into audit_log (wie, wanneer, actie, entiteit, entiteit_id, voor, na)
  values ('bench baseline', now(), 'KWARTAALRAPPORTAGE_OPGESLAGEN', 'Kwartaalrapportage', ($1::int)::text,
          jsonb_build_object('waarden', $2::jsonb), jsonb_build_object('waarden', (${WAARDEN}), 'revisie', $3::int))`;

async function opslaan(invoer: { module: string; jaar: number; kwartaal: number; revisie: number | null; kpi: string; gemeente: string; waarde: string }) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows: [controle] } = await client.query(CONTROLE, [invoer.module, invoer.kpi, invoer.gemeente, invoer.kwartaal, invoer.waarde]);
    if (!controle || controle.probleem) {
      await client.query('rollback');
      return { fout: controle?.probleem ?? `onbekende module ${invoer.module}` };
    }
    const r =
      invoer.revisie === null
        ? await client.query(NIEUW, [controle.module_id, invoer.jaar, invoer.kwartaal])
        : await client.query(CLAIM, [controle.module_id, invoer.jaar, invoer.kwartaal, invoer.revisie]);
    if (r.rowCount === 0) {
      await client.query('rollback');
      return { conflict: true };
    }
    const { id, revisie } = r.rows[0] as { id: number; revisie: number };
    const { rows: [{ voor }] } = await client.query(SCHRIJF, [id, controle.kpi_id, controle.gemeente_id, invoer.waarde]);
    await client.query(AUDIT, [id, JSON.stringify(voor), revisie]);
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
      const q = (naam: string) => url.searchParams.get(naam);
      let data: unknown;
      if (url.pathname === '/dashboard') data = (await pool.query(DASHBOARD, [Number(q('jaar')), q('fase')])).rows;
      else if (url.pathname === '/kpi-reeks') {
        data = (await pool.query(KPI_REEKS_SQL, [q('module'), q('kpi'), q('gemeente'), Number(q('van')), Number(q('tot'))])).rows;
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
