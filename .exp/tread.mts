import Database from 'better-sqlite3';
const db = new Database(process.argv[2], { readonly: true });
const ids = (db.prepare('select id from documents order by id').all() as { id: number }[]).map((r) => r.id).slice(0, 471);
const phrase = Buffer.from('发');
const q1 = db.prepare('select j.value as id, cast(d.text as blob) as text from json_each(?) j left join documents d on d.id = j.value');
const q2 = db.prepare('select j.value as id, instr(d.text, ?) as x from json_each(?) j left join documents d on d.id = j.value');
db.function('occ', { deterministic: true }, (t: unknown, p: unknown) => { const b = t as Buffer; const ph = p as Buffer; let n = 0; for (let i = b.indexOf(ph); i >= 0; i = b.indexOf(ph, i + 1)) n++; return n; });
const q3 = db.prepare('select j.value as id, occ(cast(d.text as blob), ?) as n from json_each(?) j left join documents d on d.id = j.value');
for (let r = 0; r < 5; r++) {
  let t = performance.now(); let n = 0;
  for (const row of q1.all(JSON.stringify(ids)) as { text: Buffer }[]) { for (let i = row.text.indexOf(phrase); i >= 0; i = row.text.indexOf(phrase, i + 1)) n++; }
  const a = performance.now() - t;
  t = performance.now(); q2.all('发', JSON.stringify(ids)); const b = performance.now() - t;
  t = performance.now(); q3.all(phrase, JSON.stringify(ids)); const c = performance.now() - t;
  console.log('js', a.toFixed(1), 'instr-only', b.toFixed(1), 'udf', c.toFixed(1), n);
}
const q4 = db.prepare('select j.value as id, length(cast(d.text as blob)) - length(replace(cast(d.text as blob), ?, x\'\')) as n from json_each(?) j left join documents d on d.id = j.value');
const q5 = db.prepare('select j.value as id, length(d.text) - length(replace(d.text, ?, \'\')) as n from json_each(?) j left join documents d on d.id = j.value');
for (let r = 0; r < 5; r++) {
  let t = performance.now(); const x = q4.all(phrase, JSON.stringify(ids)) as { n: number }[]; const a = performance.now() - t;
  t = performance.now(); const y = q5.all('发', JSON.stringify(ids)) as { n: number }[]; const b = performance.now() - t;
  console.log('blob-replace', a.toFixed(1), x.reduce((s, r) => s + r.n, 0) / 3, 'text-replace', b.toFixed(1), y.reduce((s, r) => s + r.n, 0));
}
