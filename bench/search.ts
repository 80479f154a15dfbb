/**
 * Search latency as the API sees it (repo.search with the API's default page
 * of 20), per query length and for filtered queries. Queries are a fixed list
 * of common words from the reports, so every run asks the same thing.
 */
import { performance } from 'node:perf_hooks';
import type { Repository, SearchQuery } from '../src/store/repository.js';
import { percentile } from './lib.js';

export const QUERY_CLASSES: { name: string; queries: SearchQuery[] }[] = [
  { name: '1char', queries: ['田', '港', '税', '林'].map((q) => ({ q })) },
  { name: '2char', queries: ['农田', '就业', '养老', '扶贫'].map((q) => ({ q })) },
  { name: '3char', queries: ['高标准', '新能源', '城镇化', '碳达峰'].map((q) => ({ q })) },
  { name: '6char', queries: ['全面深化改革', '乡村振兴战略', '城乡居民收入', '生态环境保护'].map((q) => ({ q })) },
  {
    name: 'filtered_year',
    queries: [
      { q: '农田', yearFrom: 2010, yearTo: 2015 },
      { q: '就业', yearFrom: 2018, yearTo: 2022 },
      { q: '高标准', yearFrom: 1995, yearTo: 2005 },
    ],
  },
  {
    name: 'filtered_level',
    queries: [
      { q: '农田', level: 'prefecture' },
      { q: '就业', level: 'county' },
      { q: '全面深化改革', level: 'province', yearFrom: 2013 },
    ],
  },
];

export interface SearchStats {
  name: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  /** Mean number of matching documents (the page total). */
  hits: number;
}

/** Each class: one warm-up per query, then round-robin until `minSamples` or `budgetMs` is spent. */
export async function measureSearch(repo: Repository, budgetMs = 5000, minSamples = 60): Promise<SearchStats[]> {
  const out: SearchStats[] = [];
  for (const cls of QUERY_CLASSES) {
    let hits = 0;
    for (const q of cls.queries) hits += (await repo.search(q)).total;
    const times: number[] = [];
    const t0 = performance.now();
    for (let i = 0; times.length < minSamples && (performance.now() - t0 < budgetMs || times.length < cls.queries.length); i++) {
      const q = cls.queries[i % cls.queries.length];
      const s = performance.now();
      await repo.search(q);
      times.push(performance.now() - s);
    }
    out.push({ name: cls.name, n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), hits: hits / cls.queries.length });
  }
  return out;
}
