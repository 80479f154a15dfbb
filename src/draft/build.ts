/**
 * The 完成情况报告 drafted from a ledger: pure, over what the store read
 * (tasks, their progress reports, year-end states, satisfaction votes,
 * rulings) and the clock. Nothing is written that no source holds: every
 * run of text with a figure cites the sources it came from (see check.ts),
 * and a task whose figure was never reported says so.
 */
import { deadlineInstant } from '../ledger/deadline.js';
import type { ProgressReport, Task } from '../ledger/schema.js';
import { aroundFigure, figure, NO_FIGURE_PHRASE, reportTitle, STATE_PHRASES, UNSET_PHRASE } from './sentences.js';
import { FINAL_STATE_LABELS, FINAL_STATES, UNFINISHED, type Draft, type DraftItem, type DraftSource, type DraftSummary, type FinalState, type Run, type YearEndState } from './schema.js';

/** A heading of the plan report, where its text starts (offsets into the document). */
export interface PlanSection {
  readonly title: string;
  readonly start: number;
}

/** The plan report the tasks were drafted from. */
export interface PlanReport {
  readonly document_id: number;
  /** How footnotes name it: 四平市2023年政府工作报告. */
  readonly name: string;
  readonly sections: readonly PlanSection[];
}

/** The year-end 满意度测评 of one project (src/votes), as the draft quotes it. */
export interface Satisfaction {
  readonly session_id: number;
  readonly round_id: number;
  readonly round_no: number;
  readonly closed_at: string | null;
  readonly satisfied: number;
  readonly basically: number;
  readonly dissatisfied: number;
  /** (满意 + 基本满意) / ratings, 0–1; null when nobody rated it. */
  readonly rate: number | null;
}

/**
 * SEAM for the rulings a reviewer signs (branch `rulings`, not on main yet):
 * a signed ruling on a task's promise, whose figure outranks the units' own
 * progress reports. The store passes none until that module lands.
 */
export interface DraftRuling {
  readonly id: number;
  /** The signed figure reached, in the task's unit; null: the ruling states none. */
  readonly figure: number | null;
  /** What the reviewer wrote. */
  readonly text: string;
  readonly signed_by: string | null;
  readonly signed_at: string;
}

export interface DraftInput {
  readonly jurisdiction: string;
  readonly year: number;
  readonly now: Date;
  readonly plan: PlanReport | null;
  /** The ledger's published tasks (not drafts, not archived). */
  readonly tasks: readonly Task[];
  readonly units: ReadonlyMap<number, string>;
  readonly progress: ReadonlyMap<number, readonly ProgressReport[]>;
  readonly yearEnd: ReadonlyMap<number, YearEndState>;
  readonly satisfaction: ReadonlyMap<number, Satisfaction>;
  readonly rulings: ReadonlyMap<number, DraftRuling>;
}

/** The sources of one draft, numbered as they are first cited. */
class Sources {
  readonly list: DraftSource[] = [];
  private readonly byKey = new Map<string, string>();
  add(key: string, s: Omit<DraftSource, 'id'>): string {
    const known = this.byKey.get(key);
    if (known) return known;
    const id = `S${this.list.length + 1}`;
    this.list.push({ id, ...s });
    this.byKey.set(key, id);
    return id;
  }
}

const run = (text: string, ...cite: string[]): Run => ({ text, cite });
const day = (iso: string) => iso.slice(0, 10);
/** 2024-06-30 → 2024年6月30日 */
const chineseDate = (d: string) => {
  const [y, m, dd] = d.split('-').map(Number);
  return `${y}年${m}月${dd}日`;
};

/** The state a task ends the year in: as the office set it, else 完成 when it was closed (销号), else none. */
export function finalState(t: Task, ye: YearEndState | undefined): FinalState | null {
  if (ye) return ye.final_state;
  return t.state === 'closed' ? 'done' : null;
}

/** 完成 on or before the deadline: closed by then, or (set by hand) the state recorded by then. */
function onTime(t: Task, ye: YearEndState | undefined): boolean {
  if (finalState(t, ye) !== 'done') return false;
  const at = t.closed_at ?? ye?.set_at ?? null;
  return at !== null && Date.parse(at) <= deadlineInstant(t.deadline).getTime();
}

export function summarise(tasks: readonly Task[], yearEnd: ReadonlyMap<number, YearEndState>): DraftSummary {
  const counts = Object.fromEntries(FINAL_STATES.map((s) => [s, 0])) as Record<FinalState, number>;
  let unset = 0;
  let on = 0;
  for (const t of tasks) {
    const s = finalState(t, yearEnd.get(t.id));
    if (s) counts[s]++;
    else unset++;
    if (onTime(t, yearEnd.get(t.id))) on++;
  }
  return { total: tasks.length, counts, unset, on_time: on, on_time_rate: tasks.length ? Math.round((on / tasks.length) * 1000) / 10 : null };
}

export function buildDraft(input: DraftInput): Draft {
  const { jurisdiction, year, plan } = input;
  const src = new Sources();
  const summary = summarise(input.tasks, input.yearEnd);
  const asOf = day(input.now.toISOString());
  const c = summary.counts;
  const tally = `完成${c.done}项，基本完成${c.mostly_done}项，推进中${c.ongoing}项，未完成${c.not_done}项${summary.unset ? `，年终状态未评定${summary.unset}项` : ''}`;
  const rate = summary.on_time_rate === null ? '' : `，按期完成${summary.on_time}项，按期完成率${figure(summary.on_time_rate)}%`;
  const ledger = src.add('ledger', {
    kind: 'ledger',
    label: `${jurisdiction}${year}年督办台账（截至${asOf}）`,
    text: `${jurisdiction}${year}年督办台账，截至${asOf}：任务${summary.total}项，${tally}${rate}。`,
    figures: [],
    ref: { jurisdiction, year },
  });

  const docSource = (t: Task): string => {
    if (plan && t.document_id === plan.document_id && t.source.sentence) {
      return src.add(`doc:${t.id}`, {
        kind: 'document', label: `${plan.name}，第${t.source.start}字起`, text: t.source.sentence.replace(/\s+/g, ''), figures: t.figure.value === null ? [] : [t.figure.value],
        ref: { document_id: plan.document_id, start: t.source.start, end: t.source.end, file_start: t.source.file_start, file_end: t.source.file_end },
      });
    }
    return src.add(`task:${t.id}`, { kind: 'ledger', label: `督办台账任务 #${t.id}`, text: t.title, figures: t.figure.value === null ? [] : [t.figure.value], ref: { task_id: t.id } });
  };

  /** The figure reached and where it is written: a signed ruling first, else the latest progress report with one. */
  const reached = (t: Task): { value: number; source: string } | null => {
    const r = input.rulings.get(t.id);
    if (r && r.figure !== null) {
      return { value: r.figure, source: src.add(`ruling:${r.id}`, { kind: 'ruling', label: `核定意见 #${r.id}（${r.signed_by ?? ''} ${day(r.signed_at)}）`, text: r.text, figures: [r.figure], ref: { ruling_id: r.id, task_id: t.id } }) };
    }
    const p = [...(input.progress.get(t.id) ?? [])].reverse().find((x) => x.figure !== null);
    if (!p || p.figure === null) return null;
    const unit = p.unit_id === null ? '' : input.units.get(p.unit_id) ?? '';
    return {
      value: p.figure,
      source: src.add(`progress:${p.id}`, { kind: 'progress_report', label: `${unit}${unit ? ' ' : ''}${p.report_date} 进展报告 #${p.id}`, text: p.narrative, figures: [p.figure], ref: { progress_report_id: p.id, task_id: t.id } }),
    };
  };

  const lead = (t: Task) => (t.lead_unit_id === null ? null : input.units.get(t.lead_unit_id) ?? null);
  const stateOf = (t: Task) => finalState(t, input.yearEnd.get(t.id));
  const statePhrase = (t: Task) => {
    const s = stateOf(t);
    return s ? STATE_PHRASES[s] : UNSET_PHRASE;
  };

  /** "提级新建高标准农田32.95万亩，已完成。" with the figure reached in the plan's figure's place when it reads there. */
  const taskItem = (t: Task): DraftItem => {
    const title = reportTitle(t.title);
    const doc = docSource(t);
    const got = reached(t);
    const unit = t.figure.unit ?? '';
    const runs: Run[] = [];
    const around = got && t.figure.value !== null ? aroundFigure(title, t.figure.value, t.figure.unit) : null;
    if (got && around) {
      runs.push(run(around.before, doc), run(figure(got.value) + unit, got.source));
      if (around.after) runs.push(run(around.after, doc));
      if (got.value !== t.figure.value) runs.push(run(`（计划${figure(t.figure.value!)}${unit}）`, doc));
    } else if (got) runs.push(run(title, doc), run(`，全年完成${figure(got.value)}${unit}`, got.source));
    else runs.push(run(title, doc), ...(t.figure.value !== null ? [run(`，${NO_FIGURE_PHRASE}`)] : []));
    runs.push(run(`，${statePhrase(t)}。`));
    return { task_id: t.id, state: stateOf(t), lead_unit: lead(t), runs: runs.filter((r) => r.text !== '') };
  };

  const unfinishedItem = (t: Task): DraftItem => {
    const ye = input.yearEnd.get(t.id);
    const runs: Run[] = [run(reportTitle(t.title), docSource(t)), run(`（${FINAL_STATE_LABELS[stateOf(t)!]}）：`)];
    const yeSource = ye
      ? src.add(`year_end:${t.id}`, {
          kind: 'year_end', label: `年终状态（${day(ye.set_at)}）`,
          text: `${FINAL_STATE_LABELS[ye.final_state]}${ye.reason ? `；原因：${ye.reason}` : ''}${ye.new_deadline ? `；新的完成时限：${ye.new_deadline}` : ''}`, figures: [], ref: { task_id: t.id },
        })
      : null;
    runs.push(ye?.reason && yeSource ? run(ye.reason.replace(/[。；;，,\s]+$/, ''), yeSource) : run('未说明原因'));
    runs.push(ye?.new_deadline && yeSource ? run(`，计划于${chineseDate(ye.new_deadline)}前完成。`, yeSource) : run('，未定新的完成时限。'));
    return { task_id: t.id, state: stateOf(t), lead_unit: lead(t), runs };
  };

  const livelihoodItem = (t: Task): DraftItem => {
    const item = taskItem(t);
    const runs = item.runs.slice(0, -1);
    runs.push(run(`，${statePhrase(t)}`));
    const s = input.satisfaction.get(t.id);
    if (s && s.rate !== null) {
      const pct = Math.round(s.rate * 10000) / 100;
      const vote = src.add(`vote:${s.round_id}:${t.id}`, {
        kind: 'vote', label: `人大代表满意度测评（票决 #${s.session_id} 第${s.round_no}轮${s.closed_at ? `，${day(s.closed_at)}` : ''}）`,
        text: `满意${s.satisfied}票，基本满意${s.basically}票，不满意${s.dissatisfied}票，满意率${figure(pct)}%`, figures: [pct], ref: { session_id: s.session_id, round_id: s.round_id, task_id: t.id },
      });
      runs.push(run(`，代表满意度测评满意率${figure(pct)}%`, vote), run('。'));
    } else runs.push(run('，未进行满意度测评。'));
    return { ...item, runs };
  };

  // Each task under the plan's heading it falls under, in the plan's order; tasks from elsewhere last.
  const heads = [...(plan?.sections ?? [])].sort((a, b) => a.start - b.start);
  const sectionOf = (t: Task): number => {
    if (!plan || t.document_id !== plan.document_id || t.source.start === null) return heads.length;
    let at = heads.length;
    heads.forEach((h, i) => {
      if (h.start <= t.source.start!) at = i;
    });
    return at;
  };
  const ordered = [...input.tasks].sort((a, b) => sectionOf(a) - sectionOf(b) || (a.source.start ?? Infinity) - (b.source.start ?? Infinity) || a.id - b.id);
  const sections: Draft['sections'] = [];
  let current = -1;
  for (const t of ordered) {
    const i = sectionOf(t);
    if (i !== current) {
      const h = heads[i];
      const heading = h
        ? [run(h.title.replace(/^#+\s*/, ''), src.add(`head:${i}`, { kind: 'document', label: `${plan!.name}，第${h.start}字起`, text: h.title, figures: [], ref: { document_id: plan!.document_id, start: h.start } }))]
        : [run('其他任务')];
      sections.push({ heading, items: [] });
      current = i;
    }
    sections.at(-1)!.items.push(taskItem(t));
  }

  const title = [run(`关于${year}年政府工作报告重点任务完成情况的报告`, ledger)];
  const opening = [run(`${year}年${jurisdiction}政府工作报告确定的重点任务共${summary.total}项。截至${chineseDate(asOf)}，${tally}${rate}。`, ledger)];
  return {
    jurisdiction, year, generated_at: input.now.toISOString(), title, summary, opening, sections,
    unfinished: ordered.filter((t) => UNFINISHED.includes(stateOf(t) as FinalState)).map(unfinishedItem),
    livelihood: ordered.filter((t) => t.livelihood || t.source_kind === 'voted_project').map(livelihoodItem),
    sources: src.list,
  };
}
