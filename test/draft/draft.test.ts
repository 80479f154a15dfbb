/**
 * The 完成情况报告 drafted from the 四平 2023 ledger after a year of
 * progress reports and year-end states (fixtures.ts), read back from the
 * .docx with mammoth: the opening's counts are the test's own, every task
 * appears in the plan's order, every figure is followed by a footnote that
 * holds it, and no figure appears that the ledger or the stored report does
 * not hold. The HTML form says the same, escaped.
 */
import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../src/draft/check.js';
import type { Draft, Run } from '../../src/draft/schema.js';
import { STORES } from '../store/stores.js';
import { KEY, LATE_REASON, NOT_DONE_REASON, sipingYear, type Fate, type Year } from './fixtures.js';

const NUMBER = /\d+(?:\.\d+)?/g;
const numbers = (s: string) => (s.match(NUMBER) ?? []).map(Number);
const joined = (runs: readonly Run[]) => runs.map((r) => r.text).join('');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The counts the test itself set (fixtures.ts), in the words of the opening. */
function expectedOpening(fates: readonly Fate[]): string {
  const n = (s: Fate['state']) => fates.filter((f) => f.state === s).length;
  const onTime = fates.filter((f) => f.onTime).length;
  const rate = Math.round((onTime / fates.length) * 1000) / 10;
  return `重点任务共${fates.length}项。截至2024年1月15日，完成${n('done')}项，基本完成${n('mostly_done')}项，推进中${n('ongoing')}项，未完成${n('not_done')}项，年终状态未评定${n(null)}项，按期完成${onTime}项，按期完成率${rate}%。`;
}

/**
 * The docx's paragraphs as mammoth renders them, each cut at its footnote
 * references: every stretch of text with the footnotes that follow it.
 */
function citedStretches(html: string): { footnotes: Map<string, string>; stretches: { text: string; notes: string[] }[] } {
  const footnotes = new Map<string, string>();
  for (const m of html.matchAll(/<li id="footnote-(\d+)"><p>(.*?)<\/p><\/li>/g)) footnotes.set(m[1], decode(m[2].replace(/<a href="#footnote-ref-\d+">.*?<\/a>/, '').trim()));
  const body = html.replace(/<ol><li id="footnote-[\s\S]*$/, '');
  const stretches: { text: string; notes: string[] }[] = [];
  for (const p of body.matchAll(/<(?:p|h\d)>(.*?)<\/(?:p|h\d)>/g)) {
    const parts = p[1].split(/<sup><a href="#footnote-(\d+)" id="footnote-ref-\d+">\[\d+\]<\/a><\/sup>/);
    // split with a group: text, id, text, id, …
    for (let i = 0; i < parts.length; i += 2) {
      const notes: string[] = [];
      for (let j = i + 1; j < parts.length && (j === i + 1 || parts[j - 1] === ''); j += 2) notes.push(parts[j]);
      stretches.push({ text: decode(parts[i].replace(/<[^>]+>/g, '')), notes });
    }
  }
  return { footnotes, stretches };
}

/** Every number the ledger and the stored report hold: the report's text, progress figures, year-end reasons and dates, the votes. */
async function heldNumbers(y: Year, fates: readonly Fate[]): Promise<Set<number>> {
  const doc = await y.store.repo.getDocument(y.documentId);
  const held = new Set<number>(numbers(doc!.text));
  for (const f of fates) {
    for (const p of await y.ledger.store.progress(f.task.id)) if (p.figure !== null) held.add(p.figure);
    for (const n of numbers(`${f.reason ?? ''} ${f.newDeadline ?? ''} ${f.task.title}`)) held.add(n);
    if (f.satisfaction !== null) held.add(f.satisfaction);
  }
  for (const n of numbers(expectedOpening(fates))) held.add(n);
  return held;
}

describe.each(STORES)('draft review (完成情况报告) of 四平 2023 on %s', (storeName) => {
  it('writes a .docx with the counts, every task in plan order and a footnote holding every figure', async () => {
    const y = await sipingYear(storeName);
    const g = await y.reviews.generate(undefined, KEY, 'docx');
    const buffer = Buffer.from(g.bytes);
    const text = (await mammoth.extractRawText({ buffer })).value;
    const html = (await mammoth.convertToHtml({ buffer })).value;

    expect(text).toContain('关于2023年政府工作报告重点任务完成情况的报告');
    expect(text).toContain(expectedOpening(y.fates));

    // Every task, once, in the plan's order: the plan's sections in order, tasks by their place in the report.
    const items = g.draft.sections.flatMap((s) => s.items);
    expect(items.map((i) => i.task_id).sort((a, b) => a - b)).toEqual(y.fates.map((f) => f.task.id).sort((a, b) => a - b));
    const fromReport = items.filter((i) => y.fates.find((f) => f.task.id === i.task_id)!.task.source.start !== null);
    const starts = fromReport.map((i) => y.fates.find((f) => f.task.id === i.task_id)!.task.source.start!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    let from = 0;
    for (const i of items) {
      const at = text.indexOf(joined(i.runs), from);
      expect(at, joined(i.runs)).toBeGreaterThanOrEqual(from);
      from = at;
    }

    // Sentences as the test set them up.
    expect(text).toContain('提级新建高标准农田33.61万亩（计划32.95万亩），已完成。');
    expect(text).toContain('市区地方财政收入同比增长15%左右，未报送完成数据，未完成。');
    expect(text).toContain(`固定资产投资增长10%左右（推进中）：${LATE_REASON}，计划于2024年6月30日前完成。`);
    expect(text).toContain(`（未完成）：${NOT_DONE_REASON}，未定新的完成时限。`);
    expect(text).toContain('新建城市书房6个，基本完成，代表满意度测评满意率80%。');
    expect(text).toContain('新增公共停车泊位1200个，正在推进，代表满意度测评满意率100%。');
    expect(text).toContain('年终状态未评定');

    // A source for every figure: each stretch with a number is followed by footnotes, one of which holds it.
    const { footnotes, stretches } = citedStretches(html);
    expect(footnotes.size).toBeGreaterThan(y.fates.length);
    let figures = 0;
    for (const s of stretches) {
      for (const n of numbers(s.text)) {
        figures++;
        const notes = s.notes.map((id) => footnotes.get(id) ?? '');
        expect(notes.some((t) => numbers(t).includes(n)), `${n} in "${s.text}" (footnotes: ${notes.join(' | ')})`).toBe(true);
      }
    }
    expect(figures).toBeGreaterThan(100);
    // Progress-report footnotes name the unit and the date, and the figure reported.
    expect([...footnotes.values()].some((t) => /^四平市\S+ 2023-12-15 进展报告 #\d+：全年任务已完成（报送数值：[\d.]+）$/.test(t))).toBe(true);

    // No figure the ledger or the stored report does not hold.
    const held = await heldNumbers(y, y.fates);
    for (const n of numbers(text)) expect(held.has(n), `${n} is held by the ledger or the report`).toBe(true);

    // Kept: what was handed out can be fetched, byte for byte.
    const kept = await y.reviews.kept(g.record.id);
    expect(kept.record).toMatchObject({ jurisdiction: '四平市', year: 2023, format: 'docx', bytes: g.bytes.length });
    expect(kept.record.sha256).toBe(createHash('sha256').update(g.bytes).digest('hex'));
    expect(Buffer.from(kept.bytes).equals(buffer)).toBe(true);
    expect(kept.draft).toEqual(g.draft);
    expect((await y.reviews.list(KEY)).map((r) => r.id)).toEqual([g.record.id]);
  }, 300_000);

  it('writes the same draft as escaped HTML, each figure linked to its source', async () => {
    const y = await sipingYear(storeName);
    // A task typed in by hand (no report passage: the ledger is its source), with markup in its title.
    const typed = await y.ledger.store.createTask({ ...KEY, title: '整治<script>alert(1)</script>“四沟”3处', deadline: '2023-12-31' }, null, y.ledger.now());
    const unit = (await y.ledger.accounts.listUnits())[0].id;
    const t = await y.ledger.store.updateTask(typed.id, typed.version, { lead_unit_id: unit }, null, y.ledger.now());
    await y.ledger.store.act(t.id, t.version, 'assign', null, {}, y.ledger.now());
    const g = await y.reviews.generate(undefined, KEY, 'html');
    const html = new TextDecoder().decode(g.bytes);
    expect(html).not.toContain('<script>');
    expect(html).toContain('整治&lt;script&gt;alert(1)&lt;/script&gt;“四沟”3处');
    expect(g.draft.sections.at(-1)!.items.map((i) => i.task_id)).toContain(t.id);
    expect(html).toContain('<h2>其他任务</h2>');
    const ids = new Set([...html.matchAll(/<li id="src-(S\d+)">/g)].map((m) => m[1]));
    const links = [...html.matchAll(/<a href="#src-(S\d+)">/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(y.fates.length);
    for (const l of links) expect(ids.has(l)).toBe(true);
    expect(html).toContain(`重点任务共${y.fates.length + 1}项`);
    for (const i of g.draft.sections.flatMap((s) => s.items)) expect(html.replace(/<sup>.*?<\/sup>/g, '')).toContain(escape(joined(i.runs)));
  }, 300_000);
});

describe('checkDraft', () => {
  const base = (): Draft => ({
    jurisdiction: '某市', year: 2023, generated_at: '2024-01-15T01:00:00.000Z', title: [{ text: '关于2023年的报告', cite: ['S1'] }],
    summary: { total: 1, counts: { done: 1, mostly_done: 0, ongoing: 0, not_done: 0 }, unset: 0, on_time: 1, on_time_rate: 100 },
    opening: [{ text: '任务1项，完成1项。', cite: ['S1'] }],
    sections: [{ heading: [{ text: '一、农业', cite: [] }], items: [{ task_id: 1, state: 'done', lead_unit: null, runs: [{ text: '新修农村公路', cite: ['S2'] }, { text: '120公里', cite: ['S3'] }, { text: '，已完成。', cite: [] }] }] }],
    unfinished: [], livelihood: [],
    sources: [
      { id: 'S1', kind: 'ledger', label: '台账', text: '2023年台账：任务1项，完成1项', figures: [], ref: {} },
      { id: 'S2', kind: 'document', label: '报告', text: '新修农村公路100公里', figures: [100], ref: {} },
      { id: 'S3', kind: 'progress_report', label: '进展报告', text: '已完工', figures: [120], ref: {} },
    ],
  });

  it('passes a draft whose every number is held by a source it cites', () => {
    expect(checkDraft(base())).toEqual([]);
  });

  it('finds a figure no cited source holds, one with no source, a missing source and counts that do not add up', () => {
    const d = base();
    d.sections[0].items[0].runs[1] = { text: '130公里', cite: ['S3'] };
    d.sections[0].items[0].runs.push({ text: '惠及5万人', cite: [] }, { text: '。', cite: ['S9'] });
    d.summary.counts.done = 2;
    const reasons = checkDraft(d).map((p) => p.reason);
    expect(reasons).toContain('130 is in none of S3');
    expect(reasons).toContain('5 cites no source');
    expect(reasons).toContain('cites S9, which the draft does not list');
    expect(reasons).toContain('the draft lists 1 tasks in that state');
  });
});
