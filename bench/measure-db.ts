/**
 * Search latency on an existing database: a SQLite file, e.g. a ×100 corpus
 * kept from a scale run (`npm run bench -- --only scale --scale 100 --keep DIR`),
 * or a PostgreSQL schema an import filled:
 *   npx tsx bench/measure-db.ts DIR/luoshi.db
 *   npx tsx bench/measure-db.ts 'postgres://postgres@127.0.0.1:5432/test?schema=S'
 * Prints one JSON line per figure, like `npm run bench`.
 */
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import { openRepository } from '../src/store/repository.js';
import { openPostgres } from '../src/store/postgres/engine.js';
import { openSqlite } from '../src/store/sqlite/engine.js';
import { figure, MB } from './lib.js';
import { measureSearch } from './search.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npx tsx bench/measure-db.ts FILE.db|postgres://…?schema=S [budget-ms]\n');
  process.exit(2);
}
const pg = /^postgres(ql)?:\/\//.test(file);
const repo = await openRepository(pg ? openPostgres(file) : openSqlite(file));
const docs = await repo.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
const size = pg
  ? Number((await sql<{ n: number }>`select sum(pg_total_relation_size(c.oid)) as n from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = current_schema() and c.relkind = 'r'`.execute(repo.db)).rows[0].n)
  : statSync(file).size;
const out = [figure('db.documents', Number(docs.n), 'docs'), figure('db.size', size / MB, 'MB')];
for (const s of await measureSearch(repo, Number(process.argv[3] ?? 8000))) {
  out.push(figure(`db.search.${s.name}.p50`, s.p50, 'ms'), figure(`db.search.${s.name}.p95`, s.p95, 'ms'), figure(`db.search.${s.name}.p99`, s.p99, 'ms'), figure(`db.search.${s.name}.hits`, s.hits, 'docs'));
}
for (const f of out) process.stdout.write(JSON.stringify(f) + '\n');
await repo.close();
