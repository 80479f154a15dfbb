/**
 * Import files into the store: each file's bytes are hashed once; bytes seen
 * before are recorded as a copy without reading them; the others are read and
 * extracted in the reader pool while this thread stores, one file per
 * transaction, in the order given (so which of two copies is "the" stored one
 * does not depend on timing). A file that cannot be read is recorded as failed
 * and the run goes on.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES } from '../ingest/source.js';
import type { ImportItemResult, Repository, RunSummary } from '../store/repository.js';
import { createReaderPool, type PoolOptions, type ReaderPool } from './pool.js';
import type { ReadResult } from './read.js';

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
  readonly result: ImportItemResult;
}

export interface ImportReport {
  readonly run: RunSummary;
  readonly items: ImportItemResult[];
  readonly newDocuments: number;
  readonly duplicateDocuments: number;
}

export interface ImportOptions extends PoolOptions {
  /** Largest file accepted, in bytes (default 32 MiB). */
  readonly maxBytes?: number;
  /** A pool to read with (kept open); by default one is made for the run. */
  readonly pool?: ReaderPool;
}

/**
 * Most files one transaction stores: a batch writes one full-text segment
 * instead of one per file (fewer to merge later; bench/README.md, "Storing in
 * batches"). Only files already read when the writer is free join one, so a
 * writer that waits for the readers stores one file at a time as before; the
 * text limit keeps the write lock, which a server beside must wait for, short.
 */
export const STORE_BATCH = { files: 16, chars: 1_000_000 } as const;

/** Whether a batch of `files` holding `chars` characters of text may take one more file. */
export function batchHasRoom(files: number, chars: number): boolean {
  return files < STORE_BATCH.files && chars < STORE_BATCH.chars;
}

/** A file ready for the writer: a copy of known bytes, or what the reader made of it. */
type Prepared = { readonly known: { readonly file: string; readonly sha256: string } } | { readonly read: ReadResult };

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readIfSmall(file: string, maxBytes: number): Promise<Uint8Array | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() && info.size <= maxBytes ? await readFile(file) : undefined;
  } catch {
    return undefined; // the reader says why
  }
}

async function prepare(repo: Repository, pool: ReaderPool, file: string, maxBytes: number): Promise<Prepared> {
  const bytes = await readIfSmall(file, maxBytes);
  // Missing, too large, a folder: the reader opens it itself and gives the reason.
  if (!bytes) return { read: await pool.read({ path: file, maxBytes }) };
  const sha256 = sha256Of(bytes);
  // Bytes already stored need no reading: re-running an import is cheap.
  if (await repo.knowsFile(sha256)) return { known: { file, sha256 } };
  return { read: await pool.read({ fileName: file, bytes, sha256 }) };
}

/** Stores what was prepared for one file; a copy or failure is recorded as such. */
export async function storePrepared(repo: Repository, runId: number, file: string, p: Prepared): Promise<ImportItemResult> {
  if ('known' in p) {
    const known = await repo.importKnownFile(file, p.known.sha256, runId);
    // Known a moment ago, gone now: withdrawn meanwhile (src/withdraw). The file is not read again in this run.
    if (!known) return repo.recordFailure(runId, file, 'withdrawn while this import ran: import it again');
    return known;
  }
  if (!p.read.ok) return repo.recordFailure(runId, file, p.read.failure.reason);
  return repo.storeFile(p.read.file, runId);
}

export async function importFiles(
  repo: Repository,
  files: string[],
  onProgress?: (p: ImportProgress) => void,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // A batch: its reading gives way to whatever else runs here (a server beside it).
  const pool = options.pool ?? createReaderPool({ background: true, ...options });
  // Files read ahead of the writer: enough to keep every thread busy while one file is stored.
  const ahead = pool.size * 2;
  const pending = new Map<number, Promise<Prepared>>();
  // What has been read already, so the writer can take several files at once without waiting.
  const ready = new Map<number, Prepared>();
  const start = (i: number) => {
    if (i < files.length && !pending.has(i)) {
      const p = prepare(repo, pool, files[i], maxBytes);
      p.then((v) => ready.set(i, v), () => {}); // a rejection is awaited in order below, not reported twice
      pending.set(i, p);
    }
  };
  const take = async (i: number): Promise<Prepared> => {
    const p = await pending.get(i)!;
    pending.delete(i);
    ready.delete(i);
    return p;
  };
  const runId = await repo.startRun();
  const items: ImportItemResult[] = [];
  let status: 'done' | 'failed' = 'done';
  let run: RunSummary;
  const done = (file: string, result: ImportItemResult) => {
    items.push(result);
    onProgress?.({ done: items.length, total: files.length, file, result });
  };
  try {
    for (let i = 0; i < files.length; ) {
      for (let j = i; j <= i + ahead; j++) start(j);
      const first = await take(i);
      if (!('read' in first) || !first.read.ok) {
        done(files[i], await storePrepared(repo, runId, files[i], first));
        i++;
        continue;
      }
      // Files read while the last batch was stored go into one transaction with this one (STORE_BATCH).
      const batch = [first.read.file];
      let chars = first.read.file.source.text.length;
      for (let next = ready.get(i + batch.length); next && 'read' in next && next.read.ok && batchHasRoom(batch.length, chars); next = ready.get(i + batch.length)) {
        await take(i + batch.length);
        batch.push(next.read.file);
        chars += next.read.file.source.text.length;
      }
      const results = batch.length === 1 ? [await repo.storeFile(batch[0], runId)] : await repo.storeFiles(batch, runId);
      for (const [k, result] of results.entries()) done(files[i + k], result);
      i += batch.length;
    }
  } catch (e) {
    status = 'failed';
    throw e;
  } finally {
    // Close the run even when a store error ends it early; reads still running are let finish.
    run = await repo.finishRun(runId, status);
    await Promise.allSettled(pending.values());
    if (!options.pool) await pool.destroy();
  }
  const sum = (k: 'newDocuments' | 'duplicateDocuments') => items.reduce((a, r) => a + r[k], 0);
  return { run, items, newDocuments: sum('newDocuments'), duplicateDocuments: sum('duplicateDocuments') };
}
