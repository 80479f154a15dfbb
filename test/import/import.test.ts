import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReaderPool, importFiles, importUpload, type ImportProgress, type ReaderPool } from '../../src/import/index.js';
import { createTestStore, makeReport, STORES, type TestStore } from '../store/stores.js';
import { threadNices } from './threads.js';
import { constants } from 'node:os';

const HOSTILE = join(__dirname, 'hostile-worker.mjs');

/** A folder of reports: distinct ones, a byte-identical copy, the same report re-encoded, and files that cannot be read. */
function corpus(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string | Buffer][] = [
    ['a.txt', makeReport(1)],
    ['b.txt', makeReport(2)],
    ['b-copy.txt', makeReport(2)],
    ['c.txt', makeReport(3)],
    ['c-crlf.txt', makeReport(3).replace(/\n/g, '\r\n')],
    ['empty.txt', ''],
    ['d.txt', makeReport(4)],
  ];
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  return [...files.map(([name]) => join(dir, name)), join(dir, 'missing.txt')];
}

const outcome = (items: { file: string; status: string }[]) => items.map((i) => `${i.file.split('/').pop()}:${i.status}`);

describe.each(STORES)('import orchestration on %s', (name) => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-import-'));
  let files: string[];
  let store: TestStore;
  beforeAll(() => {
    files = corpus(join(dir, 'corpus'));
  });
  beforeEach(async () => {
    store = await createTestStore(name);
  });
  afterEach(async () => {
    await store?.dispose();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads in worker threads and stores in the order given, with the same result as reading on the storing thread', async () => {
    const progress: ImportProgress[] = [];
    const threaded = await importFiles(store.repo, files, (p) => progress.push(p), { workers: 2 });
    expect(outcome(threaded.items)).toEqual([
      'a.txt:imported', 'b.txt:imported', 'b-copy.txt:duplicate', 'c.txt:imported', 'c-crlf.txt:duplicate', 'empty.txt:failed', 'd.txt:imported', 'missing.txt:failed',
    ]);
    expect(progress.map((p) => p.done)).toEqual(files.map((_, i) => i + 1));
    expect(threaded.items.find((i) => i.file.endsWith('missing.txt'))?.reason).toBe('no such file');
    expect(threaded.run).toMatchObject({ status: 'done', imported: 4, duplicates: 2, failed: 2 });
    expect(threaded).toMatchObject({ newDocuments: 4, duplicateDocuments: 2 });

    const inline = await createTestStore(name);
    try {
      const report = await importFiles(inline.repo, files, undefined, { workers: 0 });
      expect(report.items).toEqual(threaded.items);
      expect(await inline.repo.counts()).toEqual(await store.repo.counts());
      const docs = await store.repo.listDocuments({}, { limit: 100, offset: 0 });
      // The same documents, sections and facts (times of recording aside).
      const comparable = (d: Awaited<ReturnType<typeof store.repo.getDocument>>) => ({ ...d, duplicate_files: d!.duplicate_files.map((x) => ({ ...x, at: '' })) });
      for (const d of docs.items) expect(comparable(await store.repo.getDocument(d.id))).toEqual(comparable(await inline.repo.getDocument(d.id)));
    } finally {
      await inline.dispose();
    }
  });

  it.runIf(process.platform === 'linux')('reads below normal priority, as a batch that gives way to a server beside it', async () => {
    const old = threadNices();
    const seen = new Set<number>();
    // While the run's own pool is alive: after each stored file, the priorities of the threads it started.
    await importFiles(store.repo, files, () => {
      for (const [tid, nice] of threadNices()) if (!old.has(tid)) seen.add(nice);
    });
    expect(seen).toContain(constants.priority.PRIORITY_BELOW_NORMAL);
  });

  it('stores files read ahead of the writer in one transaction, with the same result as one at a time', async () => {
    // Readers that outrun the writer: the first file's read is held back until the others are done.
    const inThread = createReaderPool({ workers: 0 });
    const ahead: ReaderPool = {
      size: 8,
      read: async (task) => {
        const r = await inThread.read(task);
        if ('fileName' in task && task.fileName === files[0]) await new Promise((ok) => setTimeout(ok, 300));
        return r;
      },
      destroy: async () => {},
    };
    const batches: number[] = [];
    const storeFiles = store.repo.storeFiles.bind(store.repo);
    store.repo.storeFiles = (inputs, runId) => {
      batches.push(inputs.length);
      return storeFiles(inputs, runId);
    };
    const progress: ImportProgress[] = [];
    const batched = await importFiles(store.repo, files, (p) => progress.push(p), { pool: ahead });
    // a, b, its copy and c, c again with other line ends: read before a was, so stored with it; the empty file ends the batch.
    expect(batches).toEqual([5]);
    expect(outcome(batched.items)).toEqual([
      'a.txt:imported', 'b.txt:imported', 'b-copy.txt:duplicate', 'c.txt:imported', 'c-crlf.txt:duplicate', 'empty.txt:failed', 'd.txt:imported', 'missing.txt:failed',
    ]);
    expect(progress.map((p) => [p.done, p.file])).toEqual(files.map((f, i) => [i + 1, f]));

    const single = await createTestStore(name);
    try {
      const one = await importFiles(single.repo, files, undefined, { pool: { size: 1, read: inThread.read, destroy: async () => {} } });
      expect(batched.items).toEqual(one.items);
      expect(await single.repo.counts()).toEqual(await store.repo.counts());
    } finally {
      await single.dispose();
    }
  });

  it('re-imports nothing: known bytes are recorded as copies without being read again', async () => {
    await importFiles(store.repo, files, undefined, { workers: 1 });
    const before = await store.repo.counts();
    // A pool that refuses every read shows that known bytes never reach one.
    const refusing: ReaderPool = { size: 1, read: async () => { throw new Error('read called for known bytes'); }, destroy: async () => {} };
    const known = files.filter((f) => !/empty|missing/.test(f));
    const again = await importFiles(store.repo, known, undefined, { pool: refusing });
    expect(again.items.every((i) => i.status === 'duplicate')).toBe(true);
    expect(again.newDocuments).toBe(0);
    const after = await store.repo.counts();
    expect(after.documents).toBe(before.documents);
    expect(after.sources).toBe(before.sources);
  });

  it('fails only the file that goes over a budget; the others are stored', async () => {
    const extra = join(dir, 'budget');
    mkdirSync(extra, { recursive: true });
    writeFileSync(join(extra, 'spin-forever.txt'), makeReport(7));
    writeFileSync(join(extra, 'after.txt'), makeReport(8));
    const pool = createReaderPool({ workers: 1, timeBudgetMs: 1500, workerFile: HOSTILE });
    try {
      const report = await importFiles(store.repo, [join(extra, 'spin-forever.txt'), join(extra, 'after.txt')], undefined, { pool });
      expect(outcome(report.items), JSON.stringify(report.items)).toEqual(['spin-forever.txt:failed', 'after.txt:imported']);
      expect(report.items[0].reason).toMatch(/time budget/);
      expect((await store.repo.counts()).documents).toBe(1);
    } finally {
      await pool.destroy();
    }
  });

  it('imports an upload as a run of the account, reports documents and warnings, and a failure with its kind', async () => {
    const pool = createReaderPool({ workers: 1 });
    try {
      const bytes = Buffer.from(makeReport(5).replace(/\n/g, '\r\n'));
      const first = await importUpload(store.repo, { fileName: 'upload.txt', bytes, accountId: undefined }, pool);
      expect(first).toMatchObject({ status: 'imported', documents: 1, newDocuments: 1 });
      expect(first.warnings.every((w) => w.severity !== 'info')).toBe(true);
      const again = await importUpload(store.repo, { fileName: 'upload-again.txt', bytes }, pool);
      expect(again).toMatchObject({ status: 'duplicate', documents: 1, documentIds: first.documentIds });
      const bad = await importUpload(store.repo, { fileName: 'scan.pdf', bytes: Buffer.from('%PDF-1.4') }, pool);
      expect(bad).toMatchObject({ status: 'failed', documents: 0, failure: { kind: 'unreadable', ruleId: 'ingest/unsupported-format' } });
      expect(bad.reason).toMatch(/PDF/);
    } finally {
      await pool.destroy();
    }
  });
});
