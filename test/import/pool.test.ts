import { constants, getPriority } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReaderPool, type ReaderPool, type ReadResult } from '../../src/import/index.js';
import { sha256Of } from '../../src/import/files.js';
import { makeReport } from '../store/stores.js';
import { threadNices } from './threads.js';

const HOSTILE = join(__dirname, 'hostile-worker.mjs');

const task = (fileName: string, text = makeReport(1)) => {
  const bytes = Buffer.from(text);
  return { fileName, bytes, sha256: sha256Of(bytes) };
};

function failureOf(r: ReadResult) {
  if (r.ok) throw new Error(`expected a failure, read ${r.file.documents.length} documents`);
  return r.failure;
}

describe('reader pool', () => {
  let pool: ReaderPool | undefined;
  afterEach(async () => {
    await pool?.destroy();
    pool = undefined;
  });

  it('reads a report in a worker thread into the store input, hashed by the caller', async () => {
    pool = createReaderPool({ workers: 1 });
    const t = task('r1.txt');
    const r = await pool.read(t);
    if (!r.ok) throw new Error(r.failure.reason);
    expect(r.file.source.sha256).toBe(t.sha256);
    expect(r.file.documents).toHaveLength(1);
    const doc = r.file.documents[0];
    expect(doc.jurisdiction).toBe('阜新市');
    // Spans are relative to the document's text.
    const text = r.file.source.text.slice(doc.start, doc.end);
    for (const f of doc.facts) expect(text.slice(f.span.start, f.span.end)).toBe(f.data.text);
  });

  it('fails a file over the time budget with that reason, and reads the next file in a fresh thread', async () => {
    pool = createReaderPool({ workers: 1, timeBudgetMs: 1500, workerFile: HOSTILE });
    const f = failureOf(await pool.read(task('spin.txt')));
    expect(f).toMatchObject({ file: 'spin.txt', kind: 'time', ruleId: 'import/time-budget' });
    expect(f.reason).toMatch(/time budget of 1.5 s/);
    expect((await pool.read(task('after.txt'))).ok).toBe(true);
  });

  it('fails a file over the memory budget with that reason, and reads the next file', async () => {
    pool = createReaderPool({ workers: 1, memoryBudgetMb: 64, timeBudgetMs: 60_000, workerFile: HOSTILE });
    const f = failureOf(await pool.read(task('hog.txt')));
    expect(f).toMatchObject({ kind: 'memory', ruleId: 'import/memory-budget' });
    expect(f.reason).toMatch(/memory budget of 64 MiB/);
    expect((await pool.read(task('after.txt'))).ok).toBe(true);
  });

  it('fails only the file whose reader throws or whose thread exits', async () => {
    pool = createReaderPool({ workers: 2, workerFile: HOSTILE });
    const [thrown, exited, fine] = await Promise.all([pool.read(task('throw.txt')), pool.read(task('exit.txt')), pool.read(task('fine.txt'))]);
    expect(failureOf(thrown)).toMatchObject({ kind: 'crash', reason: expect.stringContaining('reader bug on purpose') });
    expect(failureOf(exited)).toMatchObject({ kind: 'crash', ruleId: 'import/worker-crash' });
    expect(fine.ok).toBe(true);
  });

  it('counts the time budget from when a thread takes the file, not while it waits for one', async () => {
    // One thread, two files of ~1.2 s each, a 3 s budget: the second waits ~1.2 s, which must not count.
    pool = createReaderPool({ workers: 1, timeBudgetMs: 3000, workerFile: HOSTILE });
    const both = await Promise.all([pool.read(task('wait1200-a.txt')), pool.read(task('wait1200-b.txt')), pool.read(task('wait1200-c.txt'))]);
    expect(both.map((r) => r.ok)).toEqual([true, true, true]);
  });

  it('refuses new files as busy when its queue is full', async () => {
    pool = createReaderPool({ workers: 1, maxQueue: 1, workerFile: HOSTILE });
    const results = await Promise.all([pool.read(task('wait300-a.txt')), pool.read(task('wait300-b.txt')), pool.read(task('c.txt'))]);
    expect(results.map((r) => (r.ok ? 'ok' : r.failure.kind))).toEqual(['ok', 'ok', 'busy']);
  });

  it('reads unreadable input as a failure of kind unreadable, with the reader rule', async () => {
    pool = createReaderPool({ workers: 1 });
    const f = failureOf(await pool.read(task('scan.pdf', '%PDF-1.4 …')));
    expect(f).toMatchObject({ kind: 'unreadable', ruleId: 'ingest/unsupported-format' });
    const missing = failureOf(await pool.read({ path: join(__dirname, 'no-such-file.txt') }));
    expect(missing).toMatchObject({ kind: 'unreadable', reason: 'no such file' });
  });

  const newThreadNices = async (options: { background?: boolean }) => {
    const old = threadNices();
    pool = createReaderPool({ workers: 1, ...options });
    expect((await pool.read(task('r1.txt'))).ok).toBe(true);
    // The reading thread stays (idle timeout) with the priority it set.
    return [...threadNices()].filter(([tid]) => !old.has(tid)).map(([, nice]) => nice);
  };

  it.runIf(process.platform === 'linux')('reads in threads below normal priority when asked to work in the background, leaving the calling thread as it was', async () => {
    const before = getPriority();
    expect(await newThreadNices({ background: true })).toContain(constants.priority.PRIORITY_BELOW_NORMAL);
    expect(getPriority()).toBe(before);
  });

  it.runIf(process.platform === 'linux')('reads at the caller\'s priority by default (a server\'s uploads)', async () => {
    expect(await newThreadNices({})).not.toContain(constants.priority.PRIORITY_BELOW_NORMAL);
  });
});
