import Database from 'better-sqlite3';
import { gramMatch } from '../src/store/segment.ts';
const db = new Database(process.argv[2], { readonly: true });
const time = (label: string, sql: string, ...p: unknown[]) => { const st = db.prepare(sql); let r: unknown; const ts: number[] = []; for (let i = 0; i < 7; i++) { const t0 = performance.now(); r = st.all(...p); ts.push(performance.now() - t0); } ts.sort((a, b) => a - b); console.log(label, 'median', ts[3].toFixed(1), JSON.stringify(r).slice(0, 60)); };
for (const q of ['田', '港', '农田', '就业', '高标准', '碳达峰', '全面深化改革', '乡村振兴战略']) {
  const m = gramMatch(q)!; const t = m.column === 'chars' ? 'doc_char' : 'doc_pair';
  time(q, `select count(*) n from ${t} where ${t} match ?`, m.match);
}
time('text read 200', `select sum(instr(text, '农田')) from (select text from documents where level='province' limit 200)`);
