/**
 * The refusal of non-reports must not refuse any real report: every file of
 * ../shared/seeds and ../shared/corpus that reads as text (news items and
 * newspaper digests about reports included) passes the signal as import
 * computes it; the corpus's own MANIFEST.tsv, a table of file names, does not.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../src/ingest/diagnostics.js';
import { readSource } from '../../src/ingest/source.js';
import { reportSignalOf } from '../../src/identify/report-signal.js';

const SHARED = resolve(__dirname, '../../../shared');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe.skipIf(!existsSync(join(SHARED, 'corpus')))('report signal on the real reports', () => {
  it('accepts every readable seed and corpus file but the manifest', { timeout: 300_000 }, async () => {
    const files = [...walk(join(SHARED, 'seeds')), ...walk(join(SHARED, 'corpus'))];
    const refused: string[] = [];
    let read = 0;
    for (const file of files) {
      let source;
      try {
        source = await readSource(file);
      } catch (e) {
        if (e instanceof UnreadableInputError) continue; // refused already, for another reason (the README: no Chinese)
        throw e;
      }
      read++;
      if (!reportSignalOf(source).report) refused.push(file.slice(SHARED.length + 1));
    }
    expect(read).toBeGreaterThan(300);
    expect(refused).toEqual(['corpus/MANIFEST.tsv']);
  });
});
