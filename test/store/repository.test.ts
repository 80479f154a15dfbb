import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewFile } from '../../src/store/input.js';
import { createTestStore, makeReport, processed, STORES, unnamedReport, type TestStore } from './stores.js';

describe.each(STORES)('repository on %s', (storeName) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(storeName);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('imports a report once; the same file again is a recorded duplicate', async () => {
    const { repo } = store;
    const run = await repo.startRun();
    const first = await repo.storeFile(await processed('a.txt', Buffer.from(makeReport(1))), run);
    expect(first.status).toBe('imported');
    const again = await repo.storeFile(await processed('a-copy.txt', Buffer.from(makeReport(1))), run);
    expect(again.status).toBe('duplicate');
    expect(again.documentIds).toEqual(first.documentIds);
    const summary = await repo.finishRun(run, 'done');
    expect(summary).toMatchObject({ imported: 1, duplicates: 1, failed: 0 });
    const counts = await repo.counts();
    expect(counts.documents).toBe(1);
    expect(counts.duplicates).toBe(1);
  });

  it('treats the same report from another source (GB18030, HTML with page furniture) as one report', async () => {
    const { repo } = store;
    const before = await repo.counts();
    const text = makeReport(2);
    const a = await repo.storeFile(await processed('r.txt', Buffer.from(text)), null);
    const gbk = await repo.storeFile(await processed('r-gbk.txt', iconv.encode(text.replace(/\n/g, '\r\n'), 'gb18030')), null);
    const html = `<html><body><div>首页 &gt; 政府工作报告</div>${text.split('\n').map((p) => `<p>${p}</p>`).join('')}<div>上一篇：无</div></body></html>`;
    const h = await repo.storeFile(await processed('r.html', Buffer.from(html)), null);
    expect(a.status).toBe('imported');
    expect(gbk.status).toBe('duplicate');
    expect(h.status).toBe('duplicate');
    expect(gbk.documentIds).toEqual(a.documentIds);
    const after = await repo.counts();
    expect(after.documents - before.documents).toBe(1);
  });

  it('keeps different reports apart', async () => {
    const { repo } = store;
    const before = await repo.counts();
    for (let i = 10; i < 14; i++) await repo.storeFile(await processed(`r${i}.txt`, Buffer.from(makeReport(i))), null);
    expect((await repo.counts()).documents - before.documents).toBe(4);
  });

  it('finds a copy by its words between a report with place and year and one without, in either order; keyed reports stay apart by key', async () => {
    const { repo } = store;
    const keyOf = async (id: number) => (await repo.db.selectFrom('documents').select('doc_key').where('id', '=', id).executeTakeFirstOrThrow()).doc_key;

    const keylessFirst = await repo.storeFile(await processed('u81.txt', Buffer.from(unnamedReport(81))), null);
    expect(keylessFirst.status).toBe('imported');
    expect(await keyOf(keylessFirst.documentIds[0])).toMatch(/^fp:/);
    const keyedAfter = await repo.storeFile(await processed('k81.txt', Buffer.from(makeReport(81))), null);
    expect(keyedAfter.status).toBe('duplicate');
    expect(keyedAfter.documentIds).toEqual(keylessFirst.documentIds);

    const keyedFirst = await repo.storeFile(await processed('k82.txt', Buffer.from(makeReport(82))), null);
    expect(keyedFirst.status).toBe('imported');
    expect(await keyOf(keyedFirst.documentIds[0])).not.toMatch(/^fp:/);
    const keylessAfter = await repo.storeFile(await processed('u82.txt', Buffer.from(unnamedReport(82))), null);
    expect(keylessAfter.status).toBe('duplicate');
    expect(keylessAfter.documentIds).toEqual(keyedFirst.documentIds);

    // Another year's report of the same place, in nearly the same words, is another report.
    const otherYear = await repo.storeFile(await processed('k82b.txt', Buffer.from(makeReport(82, 2090))), null);
    expect(otherYear.status).toBe('imported');
  });

  it('finds 1-, 2- and longer-character queries with snippets and positions', async () => {
    const { repo } = store;
    for (const q of ['田', '农田', '高标准农田', '老旧小区110个']) {
      const res = await repo.search({ q });
      expect(res.total, q).toBeGreaterThan(0);
      const hit = res.items[0];
      const doc = await repo.getDocument(hit.document.id);
      const s = hit.snippets[0];
      expect(s.match).toBe(q);
      expect(doc!.text.slice(s.start, s.end)).toBe(q);
    }
    expect((await repo.search({ q: '不存在的词语' })).total).toBe(0);
  });

  it('stores a batch in one transaction: each new report searchable, a copy within it recorded; a failed batch leaves nothing', async () => {
    const { repo } = store;
    const before = await repo.counts();
    const batch = [
      await processed('b71.txt', Buffer.from(makeReport(71))),
      await processed('b72.txt', Buffer.from(makeReport(72))),
      await processed('b71-copy.txt', Buffer.from(makeReport(71))),
      await processed('b73.txt', Buffer.from(makeReport(73))),
    ];
    const items = await repo.storeFiles(batch, null);
    expect(items.map((i) => i.status)).toEqual(['imported', 'imported', 'duplicate', 'imported']);
    expect(items[2].documentIds).toEqual(items[0].documentIds);
    // Each report's own number: the index took every document of the batch, under its own id.
    for (const [i, n] of [[0, 71], [1, 72], [3, 73]] as const) {
      const found = await repo.search({ q: `编号${n}。` });
      expect(found.items.map((h) => h.document.id), `编号${n}`).toEqual(items[i].documentIds);
    }
    const stored = await repo.counts();
    expect(stored.documents - before.documents).toBe(3);

    // The second file cannot be stored (a document without a fingerprint): the first goes neither.
    const good = await processed('b74.txt', Buffer.from(makeReport(74)));
    const bad = await processed('b75.txt', Buffer.from(makeReport(75)));
    const broken: NewFile = { ...bad, documents: bad.documents.map((d) => ({ ...d, fingerprint: null as unknown as string })) };
    await expect(repo.storeFiles([good, broken], null)).rejects.toThrow();
    expect(await repo.counts()).toEqual(stored);
    expect((await repo.search({ q: '编号74。' })).total).toBe(0);
    // And the same file stores once the batch is whole.
    expect((await repo.storeFiles([good], null))[0].status).toBe('imported');
    expect((await repo.search({ q: '编号74。' })).total).toBe(1);
  });

  it('treats FTS and SQL syntax in a query as plain text', async () => {
    const { repo } = store;
    const before = await repo.counts();
    for (const q of ['" OR 1=1 --', '农田" NEAR(x', "'; drop table documents; --", '*', '%', '_', 'a AND b', 'NOT', '\\', '(', '农田*']) {
      const res = await repo.search({ q });
      expect(Array.isArray(res.items)).toBe(true);
      for (const h of res.items) for (const s of h.snippets) expect(s.match).toBe(q.trim());
    }
    expect(await repo.counts()).toEqual(before);
  });

  it('filters documents and search by place and year', async () => {
    const { repo } = store;
    const all = await repo.listDocuments({}, { limit: 100, offset: 0 });
    expect(all.total).toBe(all.items.length);
    const withYear = all.items.find((d) => d.report_year !== null);
    if (withYear) {
      const y = withYear.report_year!;
      const some = await repo.listDocuments({ yearFrom: y, yearTo: y }, { limit: 100, offset: 0 });
      expect(some.items.every((d) => d.report_year === y)).toBe(true);
      const searched = await repo.search({ q: '农田', yearFrom: y, yearTo: y });
      expect(searched.items.every((h) => h.document.report_year === y)).toBe(true);
    }
    // LIKE wildcards in a place filter are plain characters.
    expect((await repo.listDocuments({ jurisdiction: '%' }, { limit: 100, offset: 0 })).total).toBe(0);
    expect((await repo.listDocuments({ jurisdiction: '_' }, { limit: 100, offset: 0 })).total).toBe(0);
    const page = await repo.listDocuments({}, { limit: 2, offset: 1 });
    expect(page.items.map((d) => d.id)).toEqual(all.items.slice(1, 3).map((d) => d.id));
  });
});
