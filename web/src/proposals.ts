/** 建议/提案 API shapes: the server's own definitions (type-only imports, erased at build). */
import type { ProposalKind, ProposalStats, ReplyStatus, Satisfaction, StatsRow } from '../../src/proposals/rules';
import type { ProposalAction, ProposalHistoryEntry, ProposalImportResult, ProposalView } from '../../src/proposals/types';

export type { ProposalKind, ProposalStats, ReplyStatus, Satisfaction, StatsRow };
export type { ProposalAction, ProposalHistoryEntry, ProposalImportResult, ProposalImportRow, ProposalPlace, ProposalView, UnitRef } from '../../src/proposals/types';

export const KINDS: ProposalKind[] = ['suggestion', 'proposal'];
export const REPLY_STATUSES: ReplyStatus[] = ['on_time', 'late', 'open_overdue', 'open', 'unassigned'];
export const SATISFACTIONS: Satisfaction[] = ['satisfied', 'basically', 'dissatisfied'];

/** GET /api/proposals */
export interface ProposalList {
  total: number;
  as_of: string;
  items: ProposalView[];
}

/** GET /api/proposals/:id */
export interface ProposalDetail {
  proposal: ProposalView;
  history: ProposalHistoryEntry[];
  actions: ProposalAction[];
}

/** GET /api/proposals/stats and /api/public/proposals/stats */
export type StatsAnswer = ProposalStats & { jurisdiction: string; year: number | null; kind: ProposalKind | null; labels: Record<keyof StatsRow, string> };

/** POST /api/proposals/import */
export type ImportAnswer = ProposalImportResult & { filename: string; jurisdiction: string; year: number };
