/**
 * Hostile inputs at the parser level (issue 15, item 3): each is generated
 * here, then read; each must end in a result or a clean, typed refusal.
 * The per-test timeouts are hang guards (coarse, generous for a loaded
 * machine), not performance claims: bench/hostile.ts prints the figures.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conjuncts, parseItems } from '../../src/extract/items.js';
import { paragraphsOf } from '../../src/extract/structure.js';
import { parseCandidateList } from '../../src/votes/candidates.js';
import { isFailure, processBytes, processFile, type FileFailure } from '../../src/pipeline.js';
import {
  candidateCommas,
  conjunctSubject,
  docxDeepNesting,
  docxLyingSize,
  docxManyEntries,
  docxManyParagraphs,
  docxManyRuns,
  docxWithDtd,
  figuresRunTogether,
  htmlUnclosedNesting,
  linesWithoutStops,
  oneLineOfHeads,
} from '../helpers/hostile.js';
import { makeDocx } from './helpers.js';
import { DEFAULT_READ_LIMITS } from '../../src/ingest/limits.js';

const HANG_GUARD = 20_000;

describe('vote candidate lists', () => {
  it('a run of 200,000 commas inside an item is read in one pass', () => {
    const list = parseCandidateList(candidateCommas(200_000));
    expect(list).toHaveLength(1);
    expect(list[0].title.startsWith('新建城区停车场，')).toBe(true);
  }, HANG_GUARD);

  it('a run of 200,000 commas and spaces ending an item is trimmed', () => {
    const list = parseCandidateList(`①新建城区停车场${'， '.repeat(100_000)}②改造老旧小区；`);
    expect(list.map((c) => c.title)).toEqual(['新建城区停车场', '改造老旧小区']);
  }, HANG_GUARD);
});

describe('the conjunct matcher', () => {
  it('a 96 KB subject before 分别 is matched in linear time, its conjuncts kept as written', () => {
    const text = conjunctSubject(96 * 1024);
    const subject = text.slice(text.indexOf('：') + 1, text.indexOf('分别'));
    const names = conjuncts(subject, 2);
    expect(names).toHaveLength(2);
    expect(names[0]).toBe('新兴产业');
    expect(names[1].length).toBeGreaterThan(30_000);
    // 分别 gives each conjunct its own figure, in order (in a clause short enough to be read)
    expect(parseItems(conjunctSubject(2400), { mode: 'target' }).map((i) => [i.indicator.slice(0, 10), i.value])).toEqual([
      ['other:新兴产业', 5],
      ['other:推进城市', 6],
    ]);
  }, HANG_GUARD);

  it('still shares the head of the last conjunct with a bare one before it', () => {
    // "规模以上工业、服务业增加值": the first conjunct borrows 增加值 from the last.
    expect(conjuncts('规模以上工业、服务业增加值', 2)[0]).toBe('规模以上工业增加值');
  });
});

describe('a clause with no clause punctuation', () => {
  it('20,000 figures joined by 、 (580 KB) are parsed in linear time; a real-sized list still is read', async () => {
    // read once per figure, a clause that long took 6 s at 145 KB
    expect(parseItems(figuresRunTogether(20_000), { mode: 'outcome' })).toEqual([]);
    const r = await processBytes('figures.txt', Buffer.from(figuresRunTogether(20_000), 'utf8'));
    expect(isFailure(r)).toBe(false);
    const short = parseItems('地区生产总值增长5%、城镇新增就业3万人。', { mode: 'outcome' });
    expect(short.map((i) => [i.indicator, i.value])).toEqual([
      ['gdp', 5],
      ['new_urban_jobs', 3],
    ]);
  }, HANG_GUARD);
});

describe('a text of one long line', () => {
  it('1 MiB of report heads, dated phrases and target lead-ins on one line is read in linear time', async () => {
    // Looking from each match back to the line start (dating), forward to its end
    // (targets) or judging the whole line per head (splitting) took 64 s here.
    const r = await processBytes('one-line.txt', oneLineOfHeads(1024 * 1024));
    if (isFailure(r)) throw new Error(r.error);
    const targets = r.documents.flatMap((d) => d.targets);
    expect(targets.map((t) => [t.indicator, t.value])).toContainEqual(['gdp', 5]);
    for (const t of targets) expect(r.source.text.slice(t.span.start, t.span.end)).toBe(t.text);
  }, 45_000);
});

describe('lines that never stop', () => {
  it('8 MiB of lines that all join into one paragraph are read in linear time', async () => {
    // each line joined to the paragraph before it was checked by testing the whole paragraph:
    // 2 MiB took 3.3 s, and the 32 MiB an upload may hold would have taken minutes
    const r = await processBytes('lines.txt', linesWithoutStops(8 * 1024 * 1024));
    if (isFailure(r)) throw new Error(r.error);
    expect(r.documents).toHaveLength(1);
  }, HANG_GUARD);

  it('a line without a stop still joins the next, one with a stop does not', () => {
    const cut = '全年新建改造提升高标准农田二十万亩以上推进农业关键核心技术攻关持续加强耕地保护和';
    const ps = paragraphsOf(`${cut}\n质量建设。  \n加快建设现代化产业体系。\n`, 0);
    expect(ps.map((p) => p.text)).toEqual([`${cut}\n质量建设。  `, '加快建设现代化产业体系。']);
  });
});

describe('HTML', () => {
  it('1.8 MB of unclosed nested elements with stray end tags is read in linear time', async () => {
    const r = await processBytes('page.html', htmlUnclosedNesting(1_800_000));
    if (isFailure(r)) throw new Error(r.error);
    expect(r.source.format).toBe('html');
    expect(r.source.text.startsWith('推进高质量发展')).toBe(true);
  }, HANG_GUARD);
});

async function refused(file: string, bytes: Uint8Array): Promise<FileFailure> {
  const r = await processBytes(file, bytes);
  if (!isFailure(r)) throw new Error(`${file} was read (${r.source.text.length} characters)`);
  return r;
}

describe('.docx limits, checked as the archive is read', () => {
  it('a 1.3 MB .docx of 5 M paragraphs (180 MB of XML) is refused from its declared size: 413', async () => {
    const r = await refused('paragraphs.docx', await docxManyParagraphs(5_000_000));
    expect(r).toMatchObject({ status: 413, limit: 'part-size', ruleId: 'ingest/limit-part-size' });
    expect(r.error).toMatch(/word\/document\.xml expands to more than 32 MiB/);
  }, HANG_GUARD);

  it('a part whose header understates its size is stopped as soon as inflation passes it: 422', async () => {
    const r = await refused('lying.docx', await docxLyingSize(4_000_000));
    expect(r).toMatchObject({ status: 422, ruleId: 'ingest/bad-docx' });
    expect(r.error).toMatch(/expected 2048/);
  }, HANG_GUARD);

  it('elements are counted before mammoth reads a part: 400,000 runs in one paragraph (9 MB of XML) are refused: 413', async () => {
    const r = await refused('runs.docx', await docxManyRuns(400_000));
    expect(r).toMatchObject({ status: 413, limit: 'xml-elements' });
  }, HANG_GUARD);

  it('60,000 paragraphs (under the element limit) pass the paragraph limit: 413', async () => {
    const n = DEFAULT_READ_LIMITS.maxParagraphs + 10_000;
    expect(n * 3).toBeLessThan(DEFAULT_READ_LIMITS.maxXmlElements);
    const r = await refused('paras.docx', await docxManyParagraphs(n));
    expect(r).toMatchObject({ status: 413, limit: 'paragraphs' });
  }, HANG_GUARD);

  it('an archive of 60,000 entries is refused from its directory: 413', async () => {
    const r = await refused('entries.docx', docxManyEntries(60_000));
    expect(r).toMatchObject({ status: 413, limit: 'archive-entries' });
    expect(r.error).toMatch(/60,003 entries/);
  }, HANG_GUARD);

  it('elements nested 100,000 deep (mammoth overflowed its stack) are refused: 422', async () => {
    const r = await refused('nested.docx', await docxDeepNesting(100_000));
    expect(r).toMatchObject({ status: 422, limit: 'nesting' });
  }, HANG_GUARD);

  it('a part that declares a DTD (entity expansion) is refused: 422', async () => {
    const r = await refused('dtd.docx', docxWithDtd());
    expect(r).toMatchObject({ status: 422, ruleId: 'ingest/bad-docx' });
    expect(r.error).toMatch(/DTD/);
  });

  it('a report under the limits, nested 80 deep, still reads', async () => {
    const r = await processBytes('ok.docx', await docxDeepNesting(40));
    if (isFailure(r)) throw new Error(r.error);
    expect(r.source.text).toBe('今年地区生产总值增长5%左右。');
    const plain = await processBytes('plain.docx', await makeDocx(['今年地区生产总值增长5%左右。', '城镇新增就业3万人。']));
    expect(isFailure(plain)).toBe(false);
  });
});

describe('every format', () => {
  it('a file over the size limit is refused before it is read: 413', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-size-'));
    try {
      const file = join(dir, 'big.txt');
      writeFileSync(file, '');
      truncateSync(file, DEFAULT_READ_LIMITS.maxFileBytes + 1); // sparse: nothing is written
      const r = await processFile(file);
      expect(r).toMatchObject({ status: 413, limit: 'file-size', ruleId: 'ingest/limit-file-size' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
