/**
 * The shapes 建议/提案 handling answers with, for the web app's type-only
 * imports: the types of the schemas in schema.ts (their one definition).
 */
export type { UnitRef } from '../accounts/schema.js';
export type { Proposal, ProposalColumn, ProposalHistoryEntry, ProposalImportResult, ProposalImportRow, ProposalPlace, ProposalStats, ProposalView, StatsRow } from './schema.js';
export type { ProposalAction } from './vocab.js';
