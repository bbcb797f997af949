// PostGraphile v4 on the same database, with the same pool size, as the benchmark's peer.
// Started by `npm run bench` as its own process: PORT, DATABASE_URL.
import http from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const middleware = postgraphile(pool, ['public', 'bench'], {
  graphqlRoute: '/graphql',
  disableQueryLog: true,
  retryOnInitFail: false,
  ignoreRBAC: true,
  setofFunctionsContainNulls: false,
});
http.createServer(middleware).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('postgraphile klaar'));
