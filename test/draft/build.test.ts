/**
 * buildDraft on a ledger written for the test (no store): a signed ruling's
 * figure outranks the units' progress reports, a task from no report cites
 * the ledger, and the on-time rate counts 完成 by the deadline only.
 */
import { describe, expect, it } from 'vitest';
import { buildDraft, type DraftInput } from '../../src/draft/build.js';
import { checkDraft } from '../../src/draft/check.js';
import type { ProgressReport, Task } from '../../src/ledger/schema.js';

const task = (id: number, over: Partial<Task>): Task => ({
  id, jurisdiction: '某市', year: 2023, document_id: 7, fact_id: null, source_kind: 'commitment', title: '新建污水管网40公里',
  source: { sentence: '新建污水管网40公里，改造泵站2座。', start: 100 * id + 100, end: 100 * id + 110, file_start: null, file_end: null },
  indicator: null, figure: { value: 40, unit: '公里', text: '40公里' }, firmness: null, livelihood: false, deadline: '2023-12-31', deadline_phrase: '年内',
  deadline_rule: null, state: 'in_progress', lead_unit_id: 1, responsible_unit_ids: [], progress_figure: null, last_progress_at: null, assigned_at: null,
  closed_at: null, pending_extension: null, unit_note: null, internal_note: null, lead_leader: null, progress_text: null, archived: false, version: 1, created_at: '2023-02-01T00:00:00Z', updated_at: '2023-02-01T00:00:00Z',
  ...over,
});
const report = (id: number, taskId: number, figure: number | null, date: string): ProgressReport => ({
  id, task_id: taskId, account_id: null, unit_id: 1, report_date: date, narrative: '按计划推进', figure, evidence: [], internal: false, created_at: `${date}T00:00:00Z`,
});

function input(over: Partial<DraftInput> = {}): DraftInput {
  const tasks = [
    task(1, { state: 'closed', closed_at: '2023-12-20T02:00:00Z' }),
    task(2, { title: '完成老旧小区改造15个', figure: { value: 15, unit: '个', text: '15个' }, source: { sentence: '完成老旧小区改造15个。', start: 50, end: 60, file_start: null, file_end: null } }),
    task(3, { document_id: null, source_kind: 'manual', title: '开展安全生产大检查', figure: { value: null, unit: null, text: null }, source: { sentence: null, start: null, end: null, file_start: null, file_end: null } }),
  ];
  return {
    jurisdiction: '某市', year: 2023, now: new Date('2024-01-20T01:00:00Z'),
    plan: { document_id: 7, name: '某市2023年政府工作报告', sections: [{ title: '一、城市建设', start: 10 }, { title: '二、民生', start: 150 }] },
    tasks, units: new Map([[1, '某市住建局']]),
    progress: new Map([[1, [report(11, 1, 20, '2023-06-30'), report(12, 1, 41.5, '2023-12-10')]], [2, [report(21, 2, 12, '2023-12-25')]]]),
    yearEnd: new Map([[2, { task_id: 2, final_state: 'mostly_done', reason: null, new_deadline: null, account_id: null, set_at: '2024-01-05T00:00:00Z' }]]),
    satisfaction: new Map(), rulings: new Map(), ...over,
  };
}

const text = (runs: { text: string }[]) => runs.map((r) => r.text).join('');

describe('buildDraft', () => {
  it('writes each task under its heading in the plan order, with the latest figure reported', () => {
    const d = buildDraft(input());
    expect(checkDraft(d)).toEqual([]);
    expect(d.sections.map((s) => text(s.heading))).toEqual(['一、城市建设', '二、民生', '其他任务']);
    expect(d.sections.map((s) => s.items.map((i) => text(i.runs)))).toEqual([
      ['完成老旧小区改造12个（计划15个），基本完成。'],
      ['新建污水管网41.5公里（计划40公里），已完成。'],
      ['开展安全生产大检查，年终状态未评定。'],
    ]);
    expect(d.summary).toEqual({ total: 3, counts: { done: 1, mostly_done: 1, ongoing: 0, not_done: 0 }, unset: 1, on_time: 1, on_time_rate: 33.3 });
    expect(d.sources.find((s) => s.ref.task_id === 3)).toMatchObject({ kind: 'ledger', text: '开展安全生产大检查' });
  });

  it("takes a signed ruling's figure over the units' reports, citing the ruling", () => {
    const d = buildDraft(input({ rulings: new Map([[1, { id: 5, figure: 39, text: '经核定，全年新建污水管网39公里', signed_by: '督查室', signed_at: '2024-01-10T00:00:00Z' }]]) }));
    expect(checkDraft(d)).toEqual([]);
    const item = d.sections[1].items[0];
    expect(text(item.runs)).toBe('新建污水管网39公里（计划40公里），已完成。');
    const cited = item.runs.find((r) => r.text === '39公里')!.cite.map((id) => d.sources.find((s) => s.id === id)!.kind);
    expect(cited).toEqual(['ruling']);
  });
});
