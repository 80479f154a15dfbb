/**
 * Traffic lights (红黄绿灯) from the deadline, progress and reporting
 * cycles. Pure: the task's facts, the rules and the time come in.
 */
import { deadlineInstant } from './deadline.js';
import type { LightRules } from './schema.js';
import type { Light } from './workflow.js';

export { LIGHTS, type Light } from './workflow.js';
export type { LightRules };

export const DEFAULT_LIGHT_RULES: LightRules = {
  yellowWithinDays: 7,
  staleReportDays: 30,
  redWhenOverdue: true,
  reportingCycleDays: null,
  yellowAfterMissedCycles: 1,
  redAfterMissedCycles: 3,
  behindScheduleBy: null,
};

export interface LightInput {
  readonly state: string;
  /** YYYY-MM-DD */
  readonly deadline: string;
  /** ISO instants. */
  readonly assignedAt: string | null;
  readonly lastProgressAt: string | null;
  readonly figureTarget: number | null;
  readonly figureReached: number | null;
}

export interface LightResult {
  /** null for a draft: nothing is asked of anyone until it is assigned, so it is neither on time nor late. */
  readonly light: Light | null;
  readonly reasons: string[];
  readonly overdue: boolean;
}

const DAY = 86_400_000;

export function computeLight(task: LightInput, rules: LightRules, now: Date): LightResult {
  if (task.state === 'closed') return { light: 'green', reasons: ['closed'], overdue: false };
  if (task.state === 'draft') return { light: null, reasons: ['not yet assigned'], overdue: false };
  const due = deadlineInstant(task.deadline).getTime();
  const t = now.getTime();
  const overdue = t > due;
  const reasons: string[] = [];
  let light: Light = 'green';
  const raise = (l: Light, why: string) => {
    reasons.push(why);
    if (l === 'red' || (l === 'yellow' && light === 'green')) light = l;
  };
  if (overdue && rules.redWhenOverdue) raise('red', `overdue since ${task.deadline}`);
  const last = task.lastProgressAt ? Date.parse(task.lastProgressAt) : null;
  const sinceReport = last === null ? Infinity : (t - last) / DAY;
  if (!overdue && due - t <= rules.yellowWithinDays * DAY && sinceReport > rules.staleReportDays) {
    raise('yellow', `deadline within ${rules.yellowWithinDays} days and no progress report in ${rules.staleReportDays} days`);
  }
  if (rules.reportingCycleDays && task.assignedAt) {
    const since = last ?? Date.parse(task.assignedAt);
    const missed = Math.floor((t - since) / (rules.reportingCycleDays * DAY));
    if (missed >= rules.redAfterMissedCycles) raise('red', `${missed} reporting cycles missed`);
    else if (missed >= rules.yellowAfterMissedCycles) raise('yellow', `${missed} reporting cycle${missed > 1 ? 's' : ''} missed`);
  }
  if (rules.behindScheduleBy !== null && task.figureTarget && task.assignedAt && !overdue) {
    const start = Date.parse(task.assignedAt);
    const elapsed = due > start ? Math.min(1, Math.max(0, (t - start) / (due - start))) : 1;
    const done = (task.figureReached ?? 0) / task.figureTarget;
    if (elapsed - done > rules.behindScheduleBy) raise('yellow', `behind schedule: ${Math.round(done * 100)}% done at ${Math.round(elapsed * 100)}% of the time`);
  }
  return { light, reasons, overdue };
}

/** Rules from a partial override (configuration), checked. */
export function lightRules(override: Partial<LightRules> = {}): LightRules {
  const r = { ...DEFAULT_LIGHT_RULES, ...override };
  if (r.yellowWithinDays < 0 || r.staleReportDays < 0) throw new Error('light rules: day counts must not be negative');
  return r;
}
