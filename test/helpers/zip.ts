/**
 * A minimal ZIP writer for tests that need archives no well-behaved library
 * writes: sizes in the headers that lie, tens of thousands of entries, members
 * whose compressed stream expands a thousandfold. Members are given already
 * compressed (deflateRepeated) so a 300 MB member never exists in memory.
 */
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

export interface ZipMember {
  readonly name: string;
  /** The member's data as stored: raw deflate (method 8) or as is (method 0). */
  readonly data: Buffer;
  readonly method: 0 | 8;
  /** True size and CRC of the uncompressed data. */
  readonly size: number;
  readonly crc: number;
  /** What the headers claim instead of `size` (a lying archive). */
  readonly declaredSize?: number;
}

/** A member compressed in memory (small parts). */
export function member(name: string, content: string | Buffer): ZipMember {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: deflateRawSync(raw), method: 8, size: raw.length, crc: crc32(raw) };
}

/**
 * `head + unit × count + tail`, deflated as a stream: the uncompressed text
 * is never built, so a member can expand to gigabytes.
 */
export async function deflateRepeated(name: string, head: string, unit: string, count: number, tail: string): Promise<ZipMember> {
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', () => resolve());
    deflate.on('error', reject);
  });
  const headB = Buffer.from(head, 'utf8');
  const tailB = Buffer.from(tail, 'utf8');
  const unitB = Buffer.from(unit, 'utf8');
  const perChunk = Math.max(1, Math.floor((1 << 20) / unitB.length));
  const chunk = Buffer.concat(Array.from({ length: perChunk }, () => unitB));
  let crc = crc32(headB);
  const write = (b: Buffer) => new Promise<void>((resolve) => (deflate.write(b) ? resolve() : deflate.once('drain', resolve)));
  await write(headB);
  let left = count;
  while (left > 0) {
    const n = Math.min(left, perChunk);
    const b = n === perChunk ? chunk : chunk.subarray(0, n * unitB.length);
    crc = crc32(b, crc);
    await write(b);
    left -= n;
  }
  crc = crc32(tailB, crc);
  deflate.end(tailB);
  await done;
  return { name, data: Buffer.concat(out), method: 8, size: headB.length + unitB.length * count + tailB.length, crc };
}

/** The archive: local headers and data, then the central directory. */
export function writeZip(members: readonly ZipMember[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const size = m.declaredSize ?? m.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(m.method, 8);
    local.writeUInt32LE(m.crc >>> 0, 14);
    local.writeUInt32LE(m.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, m.data);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(m.method, 10);
    cd.writeUInt32LE(m.crc >>> 0, 16);
    cd.writeUInt32LE(m.data.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += local.length + name.length + m.data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(members.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(members.length, 0xffff), 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBuf, end]);
}
