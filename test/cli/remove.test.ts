/**
 * `luoshi remove ID` from the real command line: a document goes with its
 * derived rows and is logged; a document with a ledger task on it is refused
 * (exit 1, has_dependents) until --force, which lists the task.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/index.js';
import { openRepository } from '../../src/store/repository.js';
import { openSqlite } from '../../src/store/sqlite/engine.js';
import { makeReport } from '../store/stores.js';
import { luoshi, tempDir } from './run.js';

describe('luoshi remove', () => {
  it('withdraws, refuses while a task rests on the document, and forces', { timeout: 240_000 }, async () => {
    const dir = tempDir();
    const db = join(dir, 'r.db');
    writeFileSync(join(dir, 'a.txt'), makeReport(1));
    writeFileSync(join(dir, 'b.txt'), makeReport(2));
    const repo = await openRepository(openSqlite(db));
    const run = await importFiles(repo, [join(dir, 'a.txt'), join(dir, 'b.txt')], undefined, { workers: 0 });
    const [a, b] = run.items.map((i) => i.documentIds[0]);
    const now = new Date().toISOString();
    await repo.db.insertInto('tasks').values({ jurisdiction: '四平市', year: 2002, document_id: b, source_kind: 'manual', title: '新建农村公路', deadline: '2002-12-31', state: 'draft', livelihood: 0, version: 1, archived: 0, created_at: now, updated_at: now }).execute();
    await repo.close();

    const removed = await luoshi(['remove', String(a), '--db', db, '--json']);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ ok: true, withdrawal: { document_id: a, file_name: expect.stringMatching(/a\.txt$/), actor: expect.stringMatching(/^cli/), removed: { documents: 1, sources: 1 } } });

    const refused = await luoshi(['remove', String(b), '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/has 1 dependent record\(s\) \(1 task\)/);
    expect(refused.stderr).toMatch(/task #\d+ \(draft\): 新建农村公路/);

    const forced = await luoshi(['remove', String(b), '--db', db, '--force', '--note', 'wrong file']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/detached from it \(kept\): 1/);

    const again = await luoshi(['remove', String(b), '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no document with id/);
  });
});
