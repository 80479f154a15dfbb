/**
 * Vocabularies shared by the server, the CLI and the web app: pure constants
 * with no imports, so the browser bundle can take them as they are.
 */

/** Administrative levels of the government that delivers a report. */
export const LEVELS = ['national', 'province', 'prefecture', 'county', 'district'] as const;
export type Level = (typeof LEVELS)[number];

/** Kinds of a report's top-level parts: review of last year, plan for this year, the government's own conduct (自身建设)… */
export const PARTS = ['review', 'plan', 'self_building', 'preamble', 'other'] as const;
export type PartKind = (typeof PARTS)[number];

/** 满意 / 基本满意 / 不满意: the three answers of every satisfaction rating (票决 year-end vote, 建议/提案 replies). */
export const SATISFACTIONS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically: '基本满意', dissatisfied: '不满意' };

/**
 * What a promise's check can say: met (已完成), missed (未完成), not reported
 * (未提及: the next report is silent), not comparable (不可比: only a related
 * measure is given), needs review (待核实: the evidence is too weak to decide),
 * and partly met (部分完成), which only a reviewer's ruling gives.
 *
 * 部分完成, the rule: the promise has several parts and the review shows some
 * met and others missed (建成A、B、C三个项目 → A and B done, C not started),
 * or one figure is reached in part of the stated scope only (全市农村公路改造
 * 300公里 → the target reached in two of five counties). A single figure
 * short of its bound is 未完成, not 部分完成: a missed target is never
 * softened by how close it came. The matcher never produces it, since
 * weighing parts against a whole is a judgement a person signs.
 */
export const VERDICTS = ['met', 'missed', 'not_reported', 'not_comparable', 'needs_review', 'partly_met'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** 完成 / 基本完成 / 推进中 / 未完成: the year-end states of a 督办 task, as a 完成情况报告 sorts them. */
export const FINAL_STATES = ['done', 'mostly_done', 'ongoing', 'not_done'] as const;
export type FinalState = (typeof FINAL_STATES)[number];
export const FINAL_STATE_LABELS: Record<FinalState, string> = { done: '完成', mostly_done: '基本完成', ongoing: '推进中', not_done: '未完成' };

/** The verdicts the matcher gives (all but 部分完成). */
export const MACHINE_VERDICTS = ['met', 'missed', 'not_reported', 'not_comparable', 'needs_review'] as const satisfies readonly Verdict[];
export type MachineVerdict = (typeof MACHINE_VERDICTS)[number];

/**
 * The one wording of each verdict wherever a person reads it (web, CLI text,
 * CSV/XLSX headers and cells, print), Chinese and the English toggle; APIs
 * keep the codes.
 */
export const VERDICT_LABELS: Record<Verdict, { readonly zh: string; readonly en: string }> = {
  met: { zh: '已完成', en: 'Met' },
  missed: { zh: '未完成', en: 'Missed' },
  not_reported: { zh: '未提及', en: 'Not reported' },
  not_comparable: { zh: '不可比', en: 'Not comparable' },
  needs_review: { zh: '待核实', en: 'Needs review' },
  partly_met: { zh: '部分完成', en: 'Partly met' },
};

/** Each verdict's colour (badges, charts): green done, red missed, grey silent, amber other measure, violet unsure, olive in part. */
export const VERDICT_COLOURS: Record<Verdict, string> = {
  met: '#15803d',
  missed: '#b91c1c',
  not_reported: '#6b7280',
  not_comparable: '#b45309',
  needs_review: '#7c3aed',
  partly_met: '#65a30d',
};

/** How an item that no reviewer has ruled on is marked (the machine's verdict is a proposal). */
export const MACHINE_MARK = { zh: '机器初判', en: 'Machine verdict' } as const;
