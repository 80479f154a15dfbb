/**
 * The 督办 workflow as data: which action moves a task from which state to
 * which, and who may take it. Pure; the store applies what this allows.
 *
 *   draft ─交办 assign→ assigned ─签收 accept→ accepted ─办理 start→ in_progress
 *   in_progress ─申请办结 request_completion→ completion_requested ─复核 review→ under_review
 *   under_review ─办结/销号 close→ closed
 *   completion_requested | under_review ─退回 send_back→ in_progress
 *   accepted | in_progress ─延期申请 request_extension→ (same state, extension pending)
 *   (extension pending) ─approve_extension | refuse_extension→ (same state)
 */

import { Conflict } from '../errors.js';
import { STATE_LABELS as VOCAB_STATE_LABELS, STATES, type TaskState } from '../vocab.js';
import type { Role } from '../accounts/roles.js';

export { FIRMNESS, LIGHTS, SOURCE_KINDS, STATES, type Firmness, type Light, type SourceKind, type TaskState } from '../vocab.js';

/** 牵头单位 (one) and 责任单位 (any number). */
export const TASK_UNIT_ROLES = ['lead', 'responsible'] as const;
export type TaskUnitRole = (typeof TASK_UNIT_ROLES)[number];

/** 催办 to the units, a leader's 批示. */
export const NOTICE_KINDS = ['urge', 'instruction'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const ACTIONS = [
  'assign', 'accept', 'start', 'request_completion', 'review', 'close', 'send_back',
  'request_extension', 'approve_extension', 'refuse_extension',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The states by their Chinese names (the one vocabulary is src/vocab.ts). */
export const STATE_LABELS = Object.fromEntries(STATES.map((k) => [k, VOCAB_STATE_LABELS[k][0]])) as Record<TaskState, string>;

interface Rule {
  readonly from: readonly TaskState[];
  /** undefined: the state does not change. */
  readonly to?: TaskState;
  readonly roles: readonly Role[];
  /** Needs an extension request pending (true) or none pending (false). */
  readonly pending?: boolean;
}

const SUPERVISE: readonly Role[] = ['admin', 'supervisor'];
const UNIT: readonly Role[] = ['unit_officer', 'admin', 'supervisor'];

export const RULES: Record<Action, Rule> = {
  assign: { from: ['draft'], to: 'assigned', roles: SUPERVISE },
  accept: { from: ['assigned'], to: 'accepted', roles: UNIT },
  start: { from: ['accepted'], to: 'in_progress', roles: UNIT },
  request_completion: { from: ['in_progress'], to: 'completion_requested', roles: UNIT },
  review: { from: ['completion_requested'], to: 'under_review', roles: SUPERVISE },
  close: { from: ['under_review'], to: 'closed', roles: SUPERVISE },
  send_back: { from: ['completion_requested', 'under_review'], to: 'in_progress', roles: SUPERVISE },
  request_extension: { from: ['assigned', 'accepted', 'in_progress'], roles: UNIT, pending: false },
  approve_extension: { from: ['assigned', 'accepted', 'in_progress'], roles: SUPERVISE, pending: true },
  refuse_extension: { from: ['assigned', 'accepted', 'in_progress'], roles: SUPERVISE, pending: true },
};

/** 409: the task's state (or its pending extension) does not allow the step. */
export class IllegalTransition extends Conflict {
  override readonly name = 'IllegalTransition';
  constructor(readonly state: TaskState, readonly action: Action, reason: string) {
    super(reason, 'illegal_transition', [{ field: 'action', message: reason }]);
  }
}

export function isAction(s: string): s is Action {
  return (ACTIONS as readonly string[]).includes(s);
}

/**
 * The state after `action`, or IllegalTransition when the task's state (or
 * its pending extension) does not allow it. Roles are checked by `mayTake`.
 */
export function nextState(state: TaskState, action: Action, extensionPending = false): TaskState {
  const rule = RULES[action];
  if (!rule.from.includes(state)) {
    throw new IllegalTransition(state, action, `cannot ${action} a task that is ${state} (allowed from: ${rule.from.join(', ')})`);
  }
  if (rule.pending === true && !extensionPending) throw new IllegalTransition(state, action, `cannot ${action}: no extension request is pending`);
  if (rule.pending === false && extensionPending) throw new IllegalTransition(state, action, `cannot ${action}: an extension request is already pending`);
  return rule.to ?? state;
}

export function mayTake(role: Role, action: Action): boolean {
  return RULES[action].roles.includes(role);
}

/** Actions open to `role` on a task in `state`. */
export function availableActions(state: TaskState, role: Role, extensionPending: boolean): Action[] {
  return ACTIONS.filter((a) => {
    if (!mayTake(role, a)) return false;
    try {
      nextState(state, a, extensionPending);
      return true;
    } catch {
      return false;
    }
  });
}
