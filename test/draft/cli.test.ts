/**
 * `luoshi draft-review` on a SQLite file holding the 四平 2023 ledger: the
 * .docx written to --out and kept in the database, HTML on stdout, and the
 * command line refused with exit 2 when it is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '../../src/accounts/store.js';
import { DraftStore } from '../../src/draft/store.js';
import { generate } from '../../src/ledger/generate.js';
import { LedgerStore } from '../../src/ledger/store.js';
import { openStore } from '../../src/store/open.js';
import { findReport } from '../../src/store/repository.js';
import { luoshi, PLAN_2023, tempDir } from '../cli/run.js';

describe('luoshi draft-review', () => {
  it('writes the draft to a file, keeps it, and prints HTML on stdout', async () => {
    const dir = tempDir();
    const db = join(dir, 'ledger.db');
    expect((await luoshi(['import', PLAN_2023, '--db', db])).code).toBe(0);
    const repo = await openStore({ db });
    const now = new Date('2023-03-01T09:00:00+08:00');
    const unit = (await new AccountStore(repo).createUnit('四平市农业农村局', null, now)).id;
    const s = new LedgerStore(repo);
    const { created } = await generate(s, repo, (await findReport(repo, '四平市', 2023))!.id, null, now);
    const t = created.find((x) => x.title.includes('高标准农田'))!;
    const e = await s.updateTask(t.id, t.version, { lead_unit_id: unit }, null, now);
    await s.act(e.id, e.version, 'assign', null, {}, now);
    await repo.close();

    const out = join(dir, 'draft.docx');
    const r = await luoshi(['draft-review', '--jurisdiction', '四平市', '--year', '2023', '--db', db, '-o', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer).toMatchObject({ ok: true, file: out, summary: { total: 1, unset: 1 } });
    const text = (await mammoth.extractRawText({ buffer: readFileSync(out) })).value;
    expect(text).toContain('重点任务共1项');
    expect(text).toContain('提级新建高标准农田32.95万亩，未报送完成数据，年终状态未评定。');

    const html = await luoshi(['draft-review', '--jurisdiction', '四平市', '--year', '2023', '--db', db, '--format', 'html']);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);

    const again = await openStore({ db });
    const kept = await new DraftStore(again.db, new LedgerStore(again)).list({ jurisdiction: '四平市', year: 2023 });
    await again.close();
    expect(kept.map((k) => k.format)).toEqual(['html', 'docx']);
    expect(kept[1]).toMatchObject({ id: answer.record.id, sha256: answer.record.sha256 });

    expect((await luoshi(['draft-review', '--jurisdiction', '四平市', '--db', db, '-o', out])).code).toBe(2);
    expect((await luoshi(['draft-review', '--jurisdiction', '四平市', '--year', '2023', '--format', 'pdf', '--db', db, '-o', out])).code).toBe(2);
    const none = await luoshi(['draft-review', '--jurisdiction', '某县', '--year', '2023', '--db', db, '-o', out]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^luoshi: .*某县/);
  }, 120_000);
});
