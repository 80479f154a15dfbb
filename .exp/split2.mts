import Database from 'better-sqlite3';
import { gramColumns } from '../src/store/segment.ts';
import { rmSync } from 'node:fs';
const src = new Database(process.argv[2], { readonly: true });
const texts = src.prepare('select id, text from documents').all() as { id: number; text: string }[];
const reps = Number(process.argv[3] ?? 2);
const stamp = new Uint32Array(0x110000); let doc = 0;
function distinctChars(text: string): string { doc++; let out=''; for (const ch of text) { const cp = ch.codePointAt(0)!; if (cp===32||cp===10||cp===9||cp===13||cp===0x3000) continue; if (stamp[cp]===doc) continue; stamp[cp]=doc; out += ' u'+cp.toString(16);} return out.slice(1); }
const grams = texts.map((t) => ({ id: t.id, ...gramColumns(t.text), dchars: distinctChars(t.text) }));
function run(name: string, ddl: string[], insert: (db: Database.Database) => void) {
  const f = `/tmp/exp/split-${name}.db`;
  rmSync(f, { force: true }); rmSync(f + '-wal', { force: true });
  const db = new Database(f);
  db.pragma('journal_mode = wal');
  for (const d of ddl) db.exec(d);
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) db.transaction(() => insert(db))();
  const ms = performance.now() - t0;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return ms / 1000;
}
const out: Record<string, number[]> = { full: [], split: [], distinct: [] };
for (let i = 0; i < 3; i++) {
  out.full.push(run('full', [`create virtual table doc_gram using fts5(chars, pairs, content='', tokenize='unicode61 remove_diacritics 0')`], (db) => {
    const st = db.prepare('insert into doc_gram(rowid, chars, pairs) values (?, ?, ?)');
    let off = 0; for (const r of [0]) {} 
    for (const g of grams) st.run(g.id + off, g.chars, g.pairs);
  }));
  const mk = (distinct: boolean) => run('split', [
    `create virtual table doc_pair using fts5(pairs, content='', tokenize='unicode61 remove_diacritics 0')`,
    `create virtual table doc_char using fts5(chars, content='', detail=none, tokenize='unicode61 remove_diacritics 0')`,
  ], (db) => {
    const a = db.prepare('insert into doc_pair(rowid, pairs) values (?, ?)');
    const b = db.prepare('insert into doc_char(rowid, chars) values (?, ?)');
    for (const g of grams) { a.run(g.id, g.pairs); b.run(g.id, distinct ? g.dchars : g.chars); }
  });
  out.split.push(mk(false));
  out.distinct.push(mk(true));
}
console.log(JSON.stringify(out));
