/**
 * Search answers from its indexes (SQLite: the gram index, with the text only
 * for queries holding whitespace; PostgreSQL: grams and triples, with the
 * text for longer queries; the covering index for the filters) and must
 * find exactly the documents a plain scan of the stored texts finds: the
 * same set and the same total, for queries drawn from real reports
 * (../shared/corpus) with and without year, level and place filters.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/index.js';
import type { DocumentFilter } from '../../src/store/filters.js';
import { readText } from '../../src/store/document-text.js';
import { createTestStore, STORES, type TestStore } from './stores.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** Every file under a folder, sorted, so the sample is the same on every run. */
function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? listFiles(p) : /\.(txt|md|html?)$/i.test(name) ? [p] : [];
    });
}

/** A small deterministic generator (mulberry32): the sample is random but repeatable. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface StoredDoc {
  id: number;
  text: string;
  report_year: number | null;
  level: string | null;
  jurisdiction: string | null;
}

/** What a scan finds: every stored document holding the query verbatim and passing the filter. */
function scan(docs: StoredDoc[], q: string, f: DocumentFilter): number[] {
  return docs
    .filter((d) => d.text.includes(q))
    .filter((d) => f.level === undefined || d.level === f.level)
    .filter((d) => f.yearFrom === undefined || (d.report_year !== null && d.report_year >= f.yearFrom))
    .filter((d) => f.yearTo === undefined || (d.report_year !== null && d.report_year <= f.yearTo))
    .filter((d) => f.jurisdiction === undefined || (d.jurisdiction ?? '').includes(f.jurisdiction))
    .map((d) => d.id)
    .sort((a, b) => a - b);
}

/** Where a query occurs in a text, each occurrence after the previous one's end. */
function occurrences(text: string, q: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + q.length)) out.push(i);
  return out;
}

describe.each(STORES)('search on real reports is exact (%s)', (name) => {
  let store: TestStore;
  let docs: StoredDoc[];
  beforeAll(async () => {
    store = await createTestStore(name);
    // Every eighth file of the corpus: several sources, places, levels and decades.
    const files = listFiles(CORPUS).filter((_, i) => i % 8 === 0);
    await importFiles(store.repo, files, undefined, { workers: 0 });
    const rows = await store.repo.db.selectFrom('documents').select(['id', 'text', 'report_year', 'level', 'jurisdiction']).execute();
    docs = rows.map((r) => ({ id: Number(r.id), text: readText(r.text), report_year: r.report_year === null ? null : Number(r.report_year), level: r.level, jurisdiction: r.jurisdiction }));
  }, 300_000);
  afterAll(async () => {
    await store?.dispose();
  });

  it('finds the same documents as a scan for queries of 1, 2, 3 and 6 characters, with and without filters', async () => {
    expect(docs.length).toBeGreaterThan(10);
    const byId = new Map(docs.map((d) => [d.id, d]));
    const next = random(18);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const years = [...new Set(docs.flatMap((d) => (d.report_year === null ? [] : [d.report_year])))].sort();
    const levels = [...new Set(docs.flatMap((d) => (d.level === null ? [] : [d.level])))];
    const places = [...new Set(docs.flatMap((d) => (d.jurisdiction ? [d.jurisdiction] : [])))];
    const filters: DocumentFilter[] = [
      {},
      { yearFrom: pick(years) },
      { yearFrom: pick(years), yearTo: pick(years) },
      { level: pick(levels) as DocumentFilter['level'] },
      { level: pick(levels) as DocumentFilter['level'], yearFrom: pick(years) },
      { jurisdiction: [...pick(places)].slice(0, 2).join('') },
    ];
    let checked = 0;
    let found = 0;
    for (const len of [1, 2, 3, 6]) {
      for (let i = 0; i < 12; i++) {
        // A substring of a stored text (whitespace trimmed, as search trims), so most queries hit something.
        const text = pick(docs).text;
        const at = Math.floor(next() * Math.max(1, text.length - len));
        const q = text.slice(at, at + len).trim();
        if (!q) continue;
        for (const f of i % 3 === 0 ? filters : [filters[i % filters.length]]) {
          const res = await store.repo.search({ q, ...f, limit: 100_000 });
          const got = res.items.map((h) => h.document.id).sort((a, b) => a - b);
          const want = scan(docs, q, f);
          expect({ q, f, ids: got, total: res.total }).toEqual({ q, f, ids: want, total: want.length });
          // Each hit's count and snippets are the text's own (PostgreSQL sends only the text's head).
          for (const h of res.items) {
            const text = byId.get(h.document.id)!.text;
            const at = occurrences(text, q);
            expect({ q, id: h.document.id, matches: h.matches, snippets: h.snippets }).toEqual({
              q, id: h.document.id, matches: at.length,
              snippets: at.slice(0, 3).map((p) => ({ start: p, end: p + q.length, before: text.slice(Math.max(0, p - 30), p), match: q, after: text.slice(p + q.length, p + q.length + 30) })),
            });
          }
          checked++;
          if (want.length) found++;
        }
      }
    }
    // Queries spanning whitespace (a line break or space inside a stored text), as found, and with the whitespace
    // changed: the index sees the runs either side, only the text can say they are adjacent.
    for (let i = 0; i < 12; i++) {
      const text = pick(docs).text;
      const spaces = [...text.matchAll(/\S{2}\s\S{2}/g)];
      if (spaces.length === 0) continue;
      const q = pick(spaces)[0];
      for (const v of [q, q.replace(/\s/, ' '), q.replace(/\s/, '\n\n')]) {
        const res = await store.repo.search({ q: v, limit: 100_000 });
        expect({ q: v, ids: res.items.map((h) => h.document.id).sort((a, b) => a - b) }).toEqual({ q: v, ids: scan(docs, v, {}) });
      }
    }
    // Queries that cannot match: characters absent from every text, and a pair whose characters occur apart.
    for (const q of ['龘龘', '\u{20000}', '农，田']) {
      const res = await store.repo.search({ q, limit: 100_000 });
      expect(res.items.map((h) => h.document.id).sort((a, b) => a - b)).toEqual(scan(docs, q, {}));
    }
    expect(checked).toBeGreaterThan(100);
    expect(found).toBeGreaterThan(checked / 3);
  }, 300_000);
});
