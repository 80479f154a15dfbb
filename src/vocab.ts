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
 * measure is given), needs review (待核实: the evidence is too weak to decide).
 */
export const VERDICTS = ['met', 'missed', 'not_reported', 'not_comparable', 'needs_review'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** 完成 / 基本完成 / 推进中 / 未完成: the year-end states of a 督办 task, as a 完成情况报告 sorts them. */
export const FINAL_STATES = ['done', 'mostly_done', 'ongoing', 'not_done'] as const;
export type FinalState = (typeof FINAL_STATES)[number];
export const FINAL_STATE_LABELS: Record<FinalState, string> = { done: '完成', mostly_done: '基本完成', ongoing: '推进中', not_done: '未完成' };
