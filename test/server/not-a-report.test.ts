/**
 * An upload with no sign of being a work report (a TSV manifest whose cells
 * name reports) is refused with 422 `not_a_report`, in Chinese for a Chinese
 * request, and nothing is stored; the CLI refuses it with a non-zero exit.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { createApp } from '../../src/server/app.js';
import { luoshi, tempDir } from '../cli/run.js';
import { inProcess } from '../helpers/in-process.js';
import { body, Client, type App } from '../ledger/client.js';
import { createTestStore, makeReport, STORES, type TestStore } from '../store/stores.js';

const PASSWORD = 'S3cret-pass!';
const MANIFEST = ['file\tjurisdiction\tyear\tnote', ...Array.from({ length: 30 }, (_, i) => `x/${2000 + i}.txt\t丁省\t${2000 + i}\t${2000 + i}年丁省政府工作报告`)].join('\n');

describe.each(STORES)('refusing a non-report on %s', (storeName) => {
  let store: TestStore;
  let app: App;
  let root: Client;

  beforeAll(async () => {
    store = await createTestStore(storeName);
    app = inProcess(createApp(store.repo));
    await createAdmin(store.repo, 'root', PASSWORD);
    root = new Client(app, '10.9.1.1');
    await root.login('root', PASSWORD);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('answers 422 not_a_report, in the request\'s language, and stores nothing', async () => {
    const en = await root.upload('MANIFEST.tsv', Buffer.from(MANIFEST), { headers: { 'accept-language': 'en' } });
    expect(en.status).toBe(422);
    expect(body(en).error).toMatchObject({ code: 'not_a_report', message: expect.stringMatching(/^not a work report: .*table rows/) });
    const zh = await root.upload('MANIFEST.tsv', Buffer.from(MANIFEST), { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(zh.status).toBe(422);
    expect(body(zh).error).toMatchObject({ code: 'not_a_report', message: expect.stringMatching(/^不是工作报告：.*表格行/) });
    expect((await store.repo.counts()).documents).toBe(0);
    // A report still goes in.
    expect((await root.upload('a.txt', Buffer.from(makeReport(1)))).status).toBe(201);
  });
});

describe('luoshi import of a non-report', () => {
  const dir = tempDir();
  const file = join(dir, 'MANIFEST.tsv');
  writeFileSync(file, MANIFEST);

  it('exits non-zero with the reason, in Chinese under a Chinese locale', async () => {
    const db = join(dir, 'a.db');
    const en = await luoshi(['import', file, '--db', db, '--json']);
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(/MANIFEST\.tsv: not a work report: \d+% of the text is table rows/);
    expect(JSON.parse(en.stdout).error).toMatchObject({ code: 'not_a_report' });
    const zh = await luoshi(['import', file, '--db', db], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/MANIFEST\.tsv: 不是工作报告：\d+% 的文字是表格行/);
  });
});
