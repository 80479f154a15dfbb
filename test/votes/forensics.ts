/**
 * What someone who reads the database files can learn, done as they would:
 * SQLite pages and WAL frames parsed byte by byte (file format:
 * https://www.sqlite.org/fileformat2.html), PostgreSQL heap tuples with their
 * xmin and ctid through pageinspect (dead versions included). Each reader
 * lists the vote rows of one round in the order it can see them; `linked`
 * pairs the two orders rank by rank, as the red team did.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.js';

type Value = number | string | null | Uint8Array;

interface Cell {
  rowid: number;
  /** Byte offset of the cell in its page: cells are stacked downwards as they are inserted. */
  offset: number;
  values: Value[];
}

function varint(b: Buffer, at: number): [number, number] {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    const byte = b[at + i];
    if (i === 8) return [v * 256 + byte, at + 9];
    v = v * 128 + (byte & 0x7f);
    if (byte < 0x80) return [v, at + i + 1];
  }
  return [v, at + 9];
}

function record(b: Buffer, at: number): Value[] {
  const [headerSize, afterSize] = varint(b, at);
  const types: number[] = [];
  for (let p = afterSize; p < at + headerSize; ) {
    const [t, next] = varint(b, p);
    types.push(t);
    p = next;
  }
  let body = at + headerSize;
  const INT_BYTES = [0, 1, 2, 3, 4, 6, 8];
  return types.map((t): Value => {
    if (t === 0) return null;
    if (t >= 1 && t <= 6) {
      const n = INT_BYTES[t];
      const v = b.readIntBE(body, Math.min(n, 6)) * (n === 8 ? 65536 : 1) + (n === 8 ? b.readUInt16BE(body + 6) : 0);
      body += n;
      return v;
    }
    if (t === 7) return (body += 8), b.readDoubleBE(body - 8);
    if (t === 8 || t === 9) return t - 8;
    const len = Math.floor((t - (t % 2 ? 13 : 12)) / 2);
    const bytes = b.subarray(body, body + len);
    body += len;
    return t % 2 ? bytes.toString('utf8') : new Uint8Array(bytes);
  });
}

/** The cells of a table b-tree leaf page (type 13); [] for any other page. */
function leafCells(page: Buffer, pageNo: number): Cell[] {
  const h = pageNo === 1 ? 100 : 0;
  if (page[h] !== 0x0d) return [];
  const n = page.readUInt16BE(h + 3);
  const cells: Cell[] = [];
  for (let i = 0; i < n; i++) {
    const offset = page.readUInt16BE(h + 8 + 2 * i);
    try {
      const [, afterLen] = varint(page, offset);
      const [rowid, afterRowid] = varint(page, afterLen);
      cells.push({ rowid, offset, values: record(page, afterRowid) });
    } catch {
      // A torn or overflowing cell: not one of ours.
    }
  }
  return cells;
}

/** Vote rows of `roundId` among cells: participation (deputy) or ballot (choices). */
function voteRow(c: Cell, roundId: number): { deputy: number } | { ballot: string } | undefined {
  const v = c.values;
  if (v.length === 2 && v[0] === roundId && typeof v[1] === 'number') return { deputy: v[1] };
  if (v.length === 3 && v[0] === null && v[1] === roundId && typeof v[2] === 'string') return { ballot: v[2] };
  return undefined;
}

interface Seen {
  /** The order this reader can put the row in (lower: earlier). */
  order: number[];
  /** The write (WAL commit, transaction) it came in, when the reader can tell. */
  batch?: number;
}

/** Deputies and ballots (by choices) as one reader orders them. */
export interface Reading {
  deputies: Map<number, Seen>;
  ballots: Map<string, Seen>;
}

const keep = <K>(m: Map<K, Seen>, k: K, s: Seen) => {
  if (!m.has(k)) m.set(k, s);
};

interface Frame {
  pageNo: number;
  /** Set on the last frame of a commit. */
  commit: boolean;
  page: Buffer;
}

function walFrames(file: string): Frame[] {
  if (!existsSync(file)) return [];
  const b = readFileSync(file);
  if (b.length < 32) return [];
  const pageSize = b.readUInt32BE(8);
  const frames: Frame[] = [];
  for (let at = 32; at + 24 + pageSize <= b.length; at += 24 + pageSize) {
    frames.push({ pageNo: b.readUInt32BE(at), commit: b.readUInt32BE(at + 4) !== 0, page: b.subarray(at + 24, at + 24 + pageSize) });
  }
  return frames;
}

/** WAL frame order: each row by the first frame (and commit) it appears in, then its place in the page. */
export function sqliteWal(dbFile: string, roundId: number): Reading {
  const r: Reading = { deputies: new Map(), ballots: new Map() };
  let commit = 0;
  walFrames(`${dbFile}-wal`).forEach((f, i) => {
    for (const c of leafCells(f.page, f.pageNo)) {
      const row = voteRow(c, roundId);
      if (row && 'deputy' in row) keep(r.deputies, row.deputy, { order: [i, c.rowid], batch: commit });
      if (row && 'ballot' in row) keep(r.ballots, row.ballot, { order: [i, -c.offset], batch: commit });
    }
    if (f.commit) commit++;
  });
  return r;
}

/** The file as SQLite reads it now: each page's newest version (WAL over main file). */
function currentPages(dbFile: string): Map<number, Buffer> {
  const main = readFileSync(dbFile);
  const pageSize = main.readUInt16BE(16) === 1 ? 65536 : main.readUInt16BE(16);
  const pages = new Map<number, Buffer>();
  for (let p = 0; p * pageSize < main.length; p++) pages.set(p + 1, main.subarray(p * pageSize, (p + 1) * pageSize));
  for (const f of walFrames(`${dbFile}-wal`)) pages.set(f.pageNo, f.page);
  return pages;
}

/**
 * The file as it is now. rowid: participation by rowid, ballots by rowid
 * (their id); page cells: where each cell sits (its page, then stacked from
 * the page's end as it was inserted).
 */
export function sqliteNow(dbFile: string, roundId: number, by: 'rowid' | 'cells'): Reading {
  const r: Reading = { deputies: new Map(), ballots: new Map() };
  for (const [no, page] of currentPages(dbFile)) {
    for (const c of leafCells(page, no)) {
      const row = voteRow(c, roundId);
      const seen = { order: by === 'rowid' ? [c.rowid] : [no, -c.offset] };
      if (row && 'deputy' in row) keep(r.deputies, row.deputy, seen);
      if (row && 'ballot' in row) keep(r.ballots, row.ballot, seen);
    }
  }
  return r;
}

interface HeapTuple {
  xmin: number;
  block: number;
  lp: number;
  attrs: Buffer[];
}

/** Every tuple version in a table's heap, dead ones too (pageinspect). */
async function heap(db: Kysely<Database>, table: 'ballots' | 'vote_participation'): Promise<HeapTuple[]> {
  const blocks = Number((await sql<{ n: number }>`select pg_relation_size(${table}::regclass) / current_setting('block_size')::int as n`.execute(db)).rows[0].n);
  const out: HeapTuple[] = [];
  for (let block = 0; block < blocks; block++) {
    const rows = await sql<{ lp: number; t_xmin: string | null; t_attrs: Buffer[] | null }>`
      select lp, t_xmin::text as t_xmin, t_attrs from heap_page_item_attrs(get_raw_page(${table}, ${block}), ${table}::regclass)`.execute(db);
    for (const t of rows.rows) if (t.t_xmin !== null && t.t_attrs) out.push({ xmin: Number(t.t_xmin), block, lp: Number(t.lp), attrs: t.t_attrs });
  }
  return out;
}

/** A short varlena's text (1-byte header) or a 4-byte-header one. */
const text = (b: Buffer) => (b[0] & 1 ? b.subarray(1) : b.subarray(4)).toString('utf8');

/** PostgreSQL: rows by transaction id (xmin) or by place in the heap (ctid), every version the pages still hold. */
export async function postgresHeap(db: Kysely<Database>, roundId: number, by: 'xmin' | 'ctid'): Promise<Reading> {
  await sql`create extension if not exists pageinspect`.execute(db);
  const r: Reading = { deputies: new Map(), ballots: new Map() };
  const order = (t: HeapTuple) => (by === 'xmin' ? [t.xmin, t.block, t.lp] : [t.block, t.lp]);
  const earliest = (ts: HeapTuple[]) => [...ts].sort((a, b) => a.xmin - b.xmin || a.block - b.block || a.lp - b.lp);
  for (const t of earliest(await heap(db, 'vote_participation'))) {
    if (t.attrs[0].readInt32LE(0) === roundId) keep(r.deputies, t.attrs[1].readInt32LE(0), { order: order(t), batch: t.xmin });
  }
  for (const t of earliest(await heap(db, 'ballots'))) {
    if (t.attrs[1].readInt32LE(0) === roundId) keep(r.ballots, text(t.attrs[2]), { order: order(t), batch: t.xmin });
  }
  return r;
}

const byOrder = (a: Seen, b: Seen) => {
  for (let i = 0; i < Math.max(a.order.length, b.order.length); i++) if ((a.order[i] ?? 0) !== (b.order[i] ?? 0)) return (a.order[i] ?? 0) - (b.order[i] ?? 0);
  return 0;
};

/**
 * The red team's pairing: the k-th deputy in the reader's order with the
 * k-th ballot. Returns how many deputies it pairs with their own ballot, and
 * into how many writes (batches) the reader could split the deputies.
 */
export function linked(reading: Reading, truth: ReadonlyMap<number, string>): { correct: number; of: number; batches: number | null } {
  const deputies = [...reading.deputies].sort((a, b) => byOrder(a[1], b[1])).map(([d]) => d);
  const ballots = [...reading.ballots].sort((a, b) => byOrder(a[1], b[1])).map(([c]) => c);
  let correct = 0;
  deputies.forEach((d, i) => {
    if (ballots[i] !== undefined && truth.get(d) === ballots[i]) correct++;
  });
  const batches = [...reading.deputies.values()].every((s) => s.batch !== undefined) ? new Set([...reading.deputies.values()].map((s) => s.batch)).size : null;
  return { correct, of: truth.size, batches };
}
