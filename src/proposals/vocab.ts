/**
 * The words of 建议/提案 handling, as data the server, the schemas and the
 * web app share. Pure: no imports but the shared satisfaction scale.
 */
import { SATISFACTION_LABELS, SATISFACTIONS, type Satisfaction } from '../vocab.js';

export { SATISFACTION_LABELS, SATISFACTIONS, type Satisfaction };

/** suggestion: 人大代表建议; proposal: 政协委员提案. */
export const KINDS = ['suggestion', 'proposal'] as const;
export type ProposalKind = (typeof KINDS)[number];

/** registered (已登记) → assigned (已交办) → replied (已答复). */
export const PROPOSAL_STATES = ['registered', 'assigned', 'replied'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const REPLY_STATUSES = ['unassigned', 'open', 'open_overdue', 'on_time', 'late'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** 主办 (one lead unit that answers) and 会办 (units that help). */
export const PROPOSAL_UNIT_ROLES = ['lead', 'assist'] as const;
export type ProposalUnitRole = (typeof PROPOSAL_UNIT_ROLES)[number];

/** Steps the web page may offer; the server checks them again. */
export const PROPOSAL_ACTIONS = ['assign', 'reply', 'satisfaction', 'follow_up'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

export const KIND_LABELS: Record<ProposalKind, string> = { suggestion: '建议', proposal: '提案' };
export const STATE_LABELS: Record<ProposalState, string> = { registered: '已登记', assigned: '已交办', replied: '已答复' };
export const REPLY_STATUS_LABELS: Record<ReplyStatus, string> = {
  unassigned: '未交办', open: '办理中', open_overdue: '逾期未答复', on_time: '按期答复', late: '逾期答复',
};
