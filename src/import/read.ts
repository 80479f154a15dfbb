/**
 * One file read for the store: bytes (or a path) → pipeline → the store's
 * input. What a worker runs; pure apart from reading the file.
 */
import { reportSignalOf } from '../identify/report-signal.js';
import { isFailure, processBytes, processFile } from '../pipeline.js';
import type { NewFile } from '../store/input.js';
import { newFile } from './to-store.js';

/** What to read: bytes already in memory (hashed once, by the caller), or a path the reader opens itself. */
export type ReadTask =
  | { readonly fileName: string; readonly bytes: Uint8Array; readonly sha256: string }
  | { readonly path: string; readonly maxBytes?: number };

/** Why a file could not be read: its content, or a budget it went over. */
/** limit: the file passed a read limit (too large once expanded, too many parts). not_report: readable, but no work report (src/identify/report-signal.ts). */
export type FailureKind = 'unreadable' | 'not_report' | 'limit' | 'time' | 'memory' | 'crash' | 'busy';

export interface ReadFailure {
  readonly file: string;
  readonly kind: FailureKind;
  /** One line, for people. */
  readonly reason: string;
  /** Stable id (ingest/too-large, import/time-budget …). */
  readonly ruleId: string;
}

export type ReadResult = { readonly ok: true; readonly file: NewFile } | { readonly ok: false; readonly failure: ReadFailure };

export async function readForStore(task: ReadTask): Promise<ReadResult> {
  const name = 'path' in task ? task.path : task.fileName;
  const r = 'path' in task ? await processFile(task.path, { maxBytes: task.maxBytes }) : await processBytes(task.fileName, task.bytes, { sha256: task.sha256 });
  if (isFailure(r)) return { ok: false, failure: { file: name, kind: r.status === 413 ? 'limit' : 'unreadable', reason: r.error, ruleId: r.ruleId } };
  // Only what reads as a work report goes into the library (extract still reads anything it is given).
  const signal = reportSignalOf(r.source);
  if (!signal.report) return { ok: false, failure: { file: name, kind: 'not_report', reason: signal.reason ?? 'not a work report', ruleId: 'import/not-a-report' } };
  return { ok: true, file: newFile(r) };
}
