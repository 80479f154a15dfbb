import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { statementCache } from '../../src/store/sqlite/engine.js';

describe('prepared statements kept per SQL text (SQLite)', () => {
  function setup(kept: number) {
    const raw = new BetterSqlite3(':memory:');
    raw.exec('create table t (n integer)');
    raw.exec('insert into t values (1), (2), (3)');
    return { raw, cache: statementCache(raw, kept) };
  }

  it('hands out the same statement for the same text, and drops the least recently used past its limit', () => {
    const { raw, cache } = setup(2);
    const a = cache.prepare('select n from t where n = ?');
    expect(cache.prepare('select n from t where n = ?')).toBe(a);
    const b = cache.prepare('select n from t where n > ?');
    cache.prepare('select n from t where n = ?');
    cache.prepare('select count(*) as c from t');
    // The second text was used least recently: it was dropped, the first kept.
    expect(cache.prepare('select n from t where n = ?')).toBe(a);
    expect(cache.prepare('select n from t where n > ?')).not.toBe(b);
    expect(a.all(2)).toEqual([{ n: 2 }]);
    raw.close();
  });

  it('never hands out a statement that is still iterating', () => {
    const { raw, cache } = setup(8);
    const text = 'select n from t order by n';
    const iterating = cache.prepare(text);
    const rows = iterating.iterate() as IterableIterator<{ n: number }>;
    expect(rows.next().value).toEqual({ n: 1 });
    const other = cache.prepare(text);
    expect(other).not.toBe(iterating);
    expect(other.all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...rows].map((r) => r.n)).toEqual([2, 3]);
    raw.close();
  });

  it('keeps a statement working after the schema changes under it', () => {
    const { raw, cache } = setup(8);
    const text = 'select * from t order by n';
    expect(cache.prepare(text).all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    raw.exec('alter table t add column m integer default 7');
    expect(cache.prepare(text).all()[0]).toEqual({ n: 1, m: 7 });
    raw.close();
  });
});
