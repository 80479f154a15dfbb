import Database from 'better-sqlite3';
const db = new Database(process.argv[2], { readonly: true });
const ids = (db.prepare('select id from documents order by id').all() as { id: number }[]).map((r) => r.id).slice(0, 471);
const q1 = db.prepare('select j.value as id, cast(d.text as blob) as text from json_each(?) j left join documents d on d.id = j.value');
const q0 = db.prepare('select j.value as id, d.text as text from json_each(?) j left join documents d on d.id = j.value');
const ph = Buffer.from('发'); const b0 = ph[0], b1 = ph[1], b2 = ph[2];
for (let r = 0; r < 5; r++) {
  let t = performance.now(); let n1 = 0;
  const rows = q1.all(JSON.stringify(ids)) as { text: Buffer }[]; const read = performance.now() - t;
  for (const row of rows) { const b = row.text; for (let i = b.indexOf(b0); i >= 0; i = b.indexOf(b0, i + 1)) if (b[i + 1] === b1 && b[i + 2] === b2) n1++; }
  const a = performance.now() - t;
  t = performance.now(); let n2 = 0;
  const srows = q0.all(JSON.stringify(ids)) as { text: string }[]; const sread = performance.now() - t;
  for (const row of srows) { const s = row.text; for (let i = s.indexOf('发'); i >= 0; i = s.indexOf('发', i + 1)) n2++; }
  const b = performance.now() - t;
  t = performance.now(); let n3 = 0;
  for (const row of rows) { const b = row.text; for (let i = b.indexOf(ph); i >= 0; i = b.indexOf(ph, i + 1)) n3++; }
  const c = performance.now() - t;
  console.log('blob read', read.toFixed(1), 'total', a.toFixed(1), '| string read', sread.toFixed(1), 'total', b.toFixed(1), '| count only (buf indexOf)', c.toFixed(1), n1, n2, n3);
}
