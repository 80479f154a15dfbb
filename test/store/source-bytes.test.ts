import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { packSourceBytes, unpackSourceBytes } from '../../src/store/source-bytes.js';

describe('a source file kept as found', () => {
  it('keeps report text compressed and gives back the same bytes', () => {
    const text = Buffer.from('今年要新建高标准农田三十万亩，城镇新增就业一万人以上，完成老旧小区改造一百个。\n'.repeat(40));
    const packed = packSourceBytes(text);
    expect(packed.compression).toBe('brotli');
    expect(packed.bytes.length).toBeLessThan(text.length / 3);
    expect(Buffer.from(unpackSourceBytes(packed.bytes, packed.compression)).equals(text)).toBe(true);
  });

  it('keeps a file that does not shrink (a .docx, already compressed) as it is', () => {
    const noise = randomBytes(4096);
    expect(packSourceBytes(noise)).toEqual({ bytes: noise, compression: 'none' });
    expect(unpackSourceBytes(noise, 'none')).toBe(noise);
    const tiny = Buffer.from('一二三');
    expect(packSourceBytes(tiny).compression).toBe('none');
  });
});
