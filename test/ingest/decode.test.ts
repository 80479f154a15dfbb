import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charLengthAt, codePointStarts, decodeMapped, decodeStrictUtf8, type TextEncodingName } from '../../src/ingest/decode.js';
import { UnreadableInputError } from '../../src/ingest/diagnostics.js';
import { readSource } from '../../src/ingest/source.js';
import { isFailure, processFile } from '../../src/pipeline.js';
import { bytesBehind, encode, makeDocx, read, utf8 } from './helpers.js';

const REPORT = '各位代表：现在，我代表市人民政府向大会报告工作。\n一、2023年工作回顾\n全年地区生产总值增长6%，固定资产投资增长5%。';

describe('bytes → text', () => {
  it.each([
    ['utf-8', () => utf8(REPORT)],
    ['utf-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(REPORT)])],
    ['gb18030', () => encode(REPORT, 'gb18030')],
    ['utf-16le with BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), encode(REPORT, 'utf16le')])],
    ['utf-16le without BOM', () => encode(REPORT, 'utf16le')],
    ['utf-16be with BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), encode(REPORT, 'utf16-be')])],
  ])('decodes %s', async (_name, make) => {
    const src = await read('r.txt', make());
    expect(src.text).toContain('全年地区生产总值增长6%');
    expect(src.script).toBe('simplified');
  });

  it('detects GB18030 and maps every character to its byte offset', async () => {
    const bytes = encode(REPORT, 'gb18030');
    const src = await read('r.txt', bytes);
    expect(src.encoding).toBe('gb18030');
    const i = src.text.indexOf('地区生产总值');
    expect(iconv(bytesBehind(src, bytes, i, i + 6), 'gb18030')).toBe('地区生产总值');
  });

  it('detects Big5 and converts Traditional script, keeping offsets', async () => {
    const trad = '各位代表：現在，我代表市人民政府向大會報告工作。全年地區生產總值增長6%，經濟運行穩中向好。';
    const bytes = encode(trad, 'big5');
    const src = await read('r.txt', bytes);
    expect(src.encoding).toBe('big5');
    expect(src.script).toBe('traditional');
    expect(src.text).toContain('全年地区生产总值增长6%');
    const i = src.text.indexOf('生产总值');
    expect(iconv(bytesBehind(src, bytes, i, i + 4), 'big5')).toBe('生產總值');
  });

  it('warns about a UTF-8 file cut inside its last character and keeps the rest', async () => {
    const bytes = utf8(REPORT + '增');
    const src = await read('r.txt', bytes.subarray(0, bytes.length - 1));
    expect(src.text.endsWith('。')).toBe(true);
    expect(src.diagnostics.map((d) => d.ruleId)).toContain('ingest/truncated-sequence');
  });

  it('reads HTML, dropping scripts and markup and keeping paragraphs', async () => {
    const html = `<html><head><title>t</title><script>var a="地区生产总值增长99%";</script></head><body><div class="nav">首页 &gt; 正文</div><p>一、2023年工作回顾</p><p>全年地区生产总值增长6%，&nbsp;固定资产投资增长5%。</p></body></html>`;
    const bytes = utf8(html);
    const src = await read('page.html', bytes);
    expect(src.format).toBe('html');
    expect(src.text).not.toContain('99%');
    expect(src.text).not.toContain('<p>');
    expect(src.text).toContain('首页>正文');
    expect(src.text.split('\n')).toContain('一、2023年工作回顾');
    const i = src.text.indexOf('固定资产投资');
    expect(bytesBehind(src, bytes, i, i + 6).toString('utf8')).toBe('固定资产投资');
  });

  it('reads .docx with mammoth', async () => {
    const src = await read('r.docx', await makeDocx(['一、2023年工作回顾', '全年地区生产总值增长6%。']));
    expect(src.format).toBe('docx');
    expect(src.offsetUnit).toBe('docx-text');
    expect(src.text).toBe('一、2023年工作回顾\n全年地区生产总值增长6%。');
  });
});

function iconv(b: Buffer, enc: string): string {
  return new TextDecoder(enc).decode(b);
}

describe('bad input gets a clear one-line error', () => {
  const cases: [string, string, Buffer, string][] = [
    ['empty', 'empty.txt', Buffer.alloc(0), 'ingest/empty'],
    ['white space only', 'blank.txt', utf8('  \n\n  '), 'ingest/empty'],
    ['binary', 'data.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'ingest/binary'],
    ['PDF', 'report.pdf', Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n'), 'ingest/unsupported-format'],
    ['PDF named .txt', 'report.txt', Buffer.from('%PDF-1.4\n%âãÏÓ\n'), 'ingest/unsupported-format'],
    ['PNG image', 'scan.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'ingest/unsupported-format'],
    ['corrupt docx', 'bad.docx', Buffer.from('PK\u0003\u0004 not really a zip'), 'ingest/bad-docx'],
    ['docx that is not a zip', 'fake.docx', utf8('地区生产总值'), 'ingest/bad-docx'],
    ['no Chinese', 'en.txt', utf8('hello world, this is not a report'), 'ingest/no-chinese'],
  ];
  it.each(cases)('%s', async (_name, file, bytes, ruleId) => {
    const err = await read(file, bytes).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnreadableInputError);
    const e = err as UnreadableInputError;
    expect(e.ruleId).toBe(ruleId);
    expect(e.message.startsWith(`${file}: `)).toBe(true);
    expect(e.message).not.toContain('\n');
  });

  it('refuses a 50 MB file without reading it, and other files still go through', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'luoshi-'));
    try {
      const big = join(dir, 'huge.txt');
      const good = join(dir, 'good.txt');
      await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x41));
      await writeFile(good, REPORT);
      await expect(readSource(big)).rejects.toThrow(/too large: 50\.0 MiB/);
      const results = await Promise.all([processFile(big), processFile(good), processFile(join(dir, 'missing.txt'))]);
      expect(results.map(isFailure)).toEqual([true, false, true]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('valid UTF-8 maps without segmenting (decodeStrictUtf8)', () => {
  // Text written for this test: ASCII, two- and three-byte characters, a character beyond the BMP
  // (two UTF-16 units), a BOM-like U+FEFF inside the text, and line breaks.
  const samples = ['2025年GDP增长5%左右', 'é·𠀋新建高标准农田，\r\n共计32.95万亩。', '\ufeff前缀\ufeff与😀结尾', 'a', ''];

  it('gives the same text and offsets as the general path', () => {
    for (const s of samples) {
      const bytes = new TextEncoder().encode(s);
      const fast = decodeStrictUtf8(bytes);
      expect(fast).toBeDefined();
      expect(fast).toEqual(decodeMapped(bytes, 'utf-8'));
      for (let from = 1; from <= Math.min(3, bytes.length); from++) {
        // only where `from` starts a character
        if ((bytes[from] & 0xc0) === 0x80) continue;
        expect(decodeStrictUtf8(bytes, from)).toEqual(decodeMapped(bytes, 'utf-8', from));
      }
    }
  });

  it('maps each UTF-16 unit to the first byte of its character', () => {
    const m = decodeStrictUtf8(new TextEncoder().encode('a新😀b'))!;
    expect(m.text).toBe('a新😀b');
    expect([...m.origin]).toEqual([0, 1, 4, 4, 8]);
    expect(m.end).toBe(9);
  });

  it('refuses bytes that are not UTF-8, which the general path decodes with replacements', () => {
    const gbk = Uint8Array.from([0xd0, 0xc2, 0xbd, 0xa8]); // 新建 in GBK
    expect(decodeStrictUtf8(gbk)).toBeUndefined();
    const cut = new TextEncoder().encode('新建').subarray(0, 5); // the last character cut short
    expect(decodeStrictUtf8(cut)).toBeUndefined();
    expect(decodeStrictUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeUndefined(); // an encoded surrogate
  });
});

describe('charLengthAt', () => {
  // What it answered before it asked the width directly: the first step of segmenting the
  // (at most) four bytes from `offset`.
  const byView = (bytes: Uint8Array, offset: number, encoding: TextEncodingName) => {
    if (offset >= bytes.length) return 0;
    const starts = codePointStarts(bytes.subarray(offset, Math.min(bytes.length, offset + 4)), 0, encoding);
    return starts.length > 1 ? starts[1] : Math.min(bytes.length - offset, 4);
  };
  const ENCODINGS: TextEncodingName[] = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];
  // lead, trail and continuation bytes of every encoding, and surrogate halves for UTF-16
  const BYTES = [0x00, 0x30, 0x41, 0x7f, 0x80, 0x81, 0x9f, 0xa1, 0xbf, 0xc3, 0xd8, 0xdc, 0xe4, 0xf0, 0xfe, 0xff];

  it('answers as the segmenter does at every offset of every sequence of up to three of these bytes, and of five drawn at random', () => {
    const check = (bytes: number[]) => {
      const arr = Uint8Array.from(bytes);
      for (const enc of ENCODINGS) for (let at = 0; at <= arr.length; at++) expect(charLengthAt(arr, at, enc), `${enc} ${bytes} @${at}`).toBe(byView(arr, at, enc));
    };
    const every = (prefix: number[], left: number) => {
      check(prefix);
      if (left) for (const b of BYTES) every([...prefix, b], left - 1);
    };
    every([], 3);
    let seed = 20261205;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let k = 0; k < 5000; k++) check(Array.from({ length: 5 }, () => BYTES[Math.floor(next() * BYTES.length)]));
  });

  it('gives the width of a Chinese character in each encoding', () => {
    expect(charLengthAt(utf8('中a'), 0, 'utf-8')).toBe(3);
    expect(charLengthAt(Uint8Array.from([0xd6, 0xd0, 0x61]), 0, 'gb18030')).toBe(2);
    expect(charLengthAt(Uint8Array.from([0x2d, 0x4e, 0x61, 0x00]), 0, 'utf-16le')).toBe(2);
  });
});
