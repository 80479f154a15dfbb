import { openRepository } from '../src/store/repository.ts';
import { openSqlite } from '../src/store/sqlite/engine.ts';
const repo = await openRepository(openSqlite(process.argv[2]));
const qs = [{ q: '农田', level: 'prefecture' }, { q: '就业', level: 'county' }, { q: '全面深化改革', level: 'province', yearFrom: 2013 }, { q: '全面深化改革' }, { q: '乡村振兴战略' }, { q: '城乡居民收入' }, { q: '生态环境保护' }] as const;
for (const q of qs) {
  const t: number[] = [];
  let total = 0;
  for (let i = 0; i < 12; i++) { const t0 = performance.now(); total = (await repo.search({ ...q, limit: 20 } as any)).total; t.push(performance.now() - t0); }
  t.sort((a, b) => a - b);
  console.log(JSON.stringify(q), 'total', total, 'median', t[6].toFixed(1), 'max', t[11].toFixed(1));
}
await repo.close();
