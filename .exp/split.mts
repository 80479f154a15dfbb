import Database from 'better-sqlite3';
import { gramColumns } from '../src/store/segment.ts';
import { rmSync } from 'node:fs';
const src = new Database(process.argv[2], { readonly: true });
const texts = src.prepare('select id, text from documents').all() as { id: number; text: string }[];
const inBytes = texts.reduce((s, t) => s + Buffer.byteLength(t.text), 0);
console.log('docs', texts.length, 'text MB', (inBytes / 1e6).toFixed(1));
function run(name: string, ddl: string[], insert: (db: Database.Database, id: number, g: { chars: string; pairs: string }) => void) {
  const f = `/tmp/exp/split-${name}.db`;
  rmSync(f, { force: true });
  const db = new Database(f);
  db.pragma('journal_mode = wal');
  for (const d of ddl) db.exec(d);
  const t0 = performance.now();
  db.transaction(() => {
    for (const t of texts) insert(db, t.id, gramColumns(t.text));
  })();
  const ms = performance.now() - t0;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const sizes = db.prepare('select name, sum(pgsize) as b from dbstat group by name order by b desc').all() as { name: string; b: number }[];
  console.log(name, 'insert s', (ms / 1000).toFixed(2), sizes.slice(0, 6).map((s) => `${s.name}=${(s.b / 1e6).toFixed(1)}`).join(' '), 'total', (sizes.reduce((a, s) => a + s.b, 0) / 1e6).toFixed(1));
  db.close();
}
const which = process.argv[3] ?? 'both';
if (which !== 'split') run('full', [`create virtual table doc_gram using fts5(chars, pairs, content='', tokenize='unicode61 remove_diacritics 0')`], (db, id, g) => {
  db.prepare('insert into doc_gram(rowid, chars, pairs) values (?, ?, ?)').run(id, g.chars, g.pairs);
});
if (which !== 'full') run('split', [
  `create virtual table doc_pair using fts5(pairs, content='', tokenize='unicode61 remove_diacritics 0')`,
  `create virtual table doc_char using fts5(chars, content='', detail=none, tokenize='unicode61 remove_diacritics 0')`,
], (db, id, g) => {
  db.prepare('insert into doc_pair(rowid, pairs) values (?, ?)').run(id, g.pairs);
  db.prepare('insert into doc_char(rowid, chars) values (?, ?)').run(id, g.chars);
});
if (which === 'pairsonly') {}
if (which === 'distinct') run('distinct', [
  `create virtual table doc_pair using fts5(pairs, content='', tokenize='unicode61 remove_diacritics 0')`,
  `create virtual table doc_char using fts5(chars, content='', detail=none, tokenize='unicode61 remove_diacritics 0')`,
], (db, id, g) => {
  db.prepare('insert into doc_pair(rowid, pairs) values (?, ?)').run(id, g.pairs);
  db.prepare('insert into doc_char(rowid, chars) values (?, ?)').run(id, [...new Set(g.chars.split(' '))].join(' '));
});
