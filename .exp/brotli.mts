import Database from 'better-sqlite3';
import { brotliCompressSync, constants } from 'node:zlib';
const db = new Database('/tmp/exp/s1n/x1/luoshi.db', { readonly: true });
const texts = (db.prepare('select text from documents limit 300').all() as { text: string }[]).map((r) => Buffer.from(r.text));
const total = texts.reduce((s, b) => s + b.length, 0);
for (const q of [1, 2, 3, 4, 5, 6, 7, 9]) for (const lgwin of [22]) {
  const t0 = performance.now(); let out = 0;
  for (const b of texts) out += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: q, [constants.BROTLI_PARAM_SIZE_HINT]: b.length, [constants.BROTLI_PARAM_LGWIN]: lgwin, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }).length;
  const s = (performance.now() - t0) / 1000;
  console.log('q', q, 'ratio', (out / total).toFixed(3), 'MB/s', (total / 1e6 / s).toFixed(1));
}
