/**
 * The reader fuzz test's inputs (test/ingest/fuzz.test.ts), generated from the
 * seed reports with a fixed seed: the same list on every run, so a failing
 * input can be rebuilt by its index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { rng as prng } from '../../bench/generate.js';
import { member, writeZip } from './zip.js';

export const FUZZ_SEED = 0x1a2b3c4d;
const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

export interface FuzzInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly how: string;
}

const seeds = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));

export function makeFuzzInputs(count: number, seed = FUZZ_SEED): FuzzInput[] {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  /** A stretch of a seed, cut at a character (2–12 KB: enough for a passage of targets). */
  const piece = (): string => {
    const s = pick(seeds);
    const len = 2000 + int(10_000);
    const from = int(Math.max(1, s.length - len));
    return s.slice(from, from + len);
  };
  const flip = (b: Uint8Array, n: number): Uint8Array => {
    const out = Uint8Array.from(b);
    for (let k = 0; k < n && out.length; k++) out[int(out.length)] ^= 1 << int(8);
    return out;
  };
  const lineDamage = (s: string): string => {
    switch (int(4)) {
      case 0:
        return s.replace(/\n/g, '\r\n');
      case 1:
        return s.replace(/\n/g, '');
      case 2: // newspaper wrap at a fixed column, blank lines between
        return s.replace(/[^\n]{1,22}/g, (m) => `${m}\n${rnd() < 0.3 ? '\n' : ''}`);
      default:
        return s.replace(/\n/g, () => pick(['\n', '\n\n', '\n  ', '  \n', '\r', '\u3000\n']));
    }
  };
  const encodings = ['gb18030', 'big5', 'utf-16le', 'utf-16be'];
  const html = (s: string): string => {
    const tags = ['p', 'div', 'span', 'b', 'font', 'td', 'li', 'br', 'script', 'select', 'option', 'head', 'svg'];
    const paras = s.split('\n').map((l) => {
      const t = pick(tags);
      const r = rnd();
      return r < 0.4 ? `<${t}>${l}</${t}>` : r < 0.7 ? `<${t}>${l}` : r < 0.8 ? `${l}</${t}>` : `${l.replace(/ /g, '&nbsp;')}<br>`;
    });
    return `${rnd() < 0.5 ? '<!doctype html><html><head><title>报告</title></head><body>' : ''}${paras.join('\n')}${rnd() < 0.5 ? '</body></html>' : ''}`;
  };
  const docx = (s: string, broken: boolean): Buffer => {
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const body = s.split('\n').map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('');
    const doc = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
    const rels =
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
    const zip = writeZip([member('_rels/.rels', rels), member('word/document.xml', broken ? doc.slice(0, int(doc.length)) : doc)]);
    return broken && rnd() < 0.5 ? Buffer.from(flip(zip, 1 + int(4))) : zip;
  };

  const inputs: FuzzInput[] = [];
  for (let i = 0; i < count; i++) {
    const kind = int(9);
    const s = piece();
    switch (kind) {
      case 0:
        inputs.push({ name: `${i}.txt`, bytes: flip(Buffer.from(s, 'utf8'), 1 + int(40)), how: 'utf-8 with byte flips' });
        break;
      case 1: {
        const b = Buffer.from(s, 'utf8');
        inputs.push({ name: `${i}.txt`, bytes: b.subarray(0, int(b.length)), how: 'utf-8 truncated' });
        break;
      }
      case 2:
        inputs.push({ name: `${i}.txt`, bytes: Buffer.from(piece().slice(0, int(3000)) + s.slice(int(s.length)), 'utf8'), how: 'splice of two seeds' });
        break;
      case 3: {
        const enc = pick(encodings);
        const b = iconv.encode(lineDamage(s), enc, { addBOM: rnd() < 0.5 });
        inputs.push({ name: `${i}.txt`, bytes: rnd() < 0.5 ? flip(b, int(10)) : b.subarray(0, b.length - int(3)), how: `${enc}, line damage, flips or truncation` });
        break;
      }
      case 4:
        inputs.push({ name: `${i}.txt`, bytes: Buffer.from(lineDamage(s), 'utf8'), how: 'line damage' });
        break;
      case 5:
        inputs.push({ name: `${i}${rnd() < 0.5 ? '.html' : '.txt'}`, bytes: Buffer.from(html(s), 'utf8'), how: 'HTML shell' });
        break;
      case 6:
        inputs.push({ name: `${i}.docx`, bytes: docx(s, rnd() < 0.3), how: '.docx shell' });
        break;
      case 7: {
        const enc = pick(['gb18030', 'big5']);
        inputs.push({ name: `${i}.txt`, bytes: iconv.encode(html(lineDamage(s)), enc), how: `HTML in ${enc}` });
        break;
      }
      default: {
        // mixed: a seed piece in UTF-8 with a GB18030 stretch inside (mojibake in the making)
        const a = Buffer.from(s.slice(0, s.length >> 1), 'utf8');
        const b = iconv.encode(s.slice(s.length >> 1), 'gb18030');
        inputs.push({ name: `${i}.txt`, bytes: Buffer.concat([a, b]), how: 'utf-8 then gb18030' });
      }
    }
  }
  return inputs;
}

