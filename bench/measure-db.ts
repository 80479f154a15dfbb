/**
 * Search latency on an existing SQLite database, e.g. a ×100 corpus kept
 * from a scale run (`npm run bench -- --only scale --scale 100 --keep DIR`):
 *   npx tsx bench/measure-db.ts DIR/luoshi.db
 * Prints one JSON line per figure, like `npm run bench`.
 */
import { statSync } from 'node:fs';
import { openRepository } from '../src/store/repository.js';
import { openSqlite } from '../src/store/sqlite/engine.js';
import { figure, MB } from './lib.js';
import { measureSearch } from './search.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npx tsx bench/measure-db.ts FILE.db [budget-ms]\n');
  process.exit(2);
}
const repo = await openRepository(openSqlite(file));
const docs = await repo.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
const out = [figure('db.documents', Number(docs.n), 'docs'), figure('db.size', statSync(file).size / MB, 'MB')];
for (const s of await measureSearch(repo, Number(process.argv[3] ?? 8000))) {
  out.push(figure(`db.search.${s.name}.p50`, s.p50, 'ms'), figure(`db.search.${s.name}.p95`, s.p95, 'ms'), figure(`db.search.${s.name}.p99`, s.p99, 'ms'), figure(`db.search.${s.name}.hits`, s.hits, 'docs'));
}
for (const f of out) process.stdout.write(JSON.stringify(f) + '\n');
await repo.close();
