/**
 * The shapes the ledger answers with, for the web app's type-only imports:
 * the types of the schemas in schema.ts (their one definition).
 */
export type { Account, Unit } from '../accounts/schema.js';
export type { HistoryEntry, Links, LitTask, Notice, ProgressReport, ProgressRow, PublicTask, Task, TaskDetail, UnitDashboard } from './schema.js';
