/**
 * bytes → Source → documents → facts. The one place the stages are wired.
 */
import { ReadLimitExceeded, UnreadableInputError, type Diagnostic, type ReadLimit } from './ingest/diagnostics.js';
import { readSource, sourceFromBytes, spanOf, type ReadOptions, type Source } from './ingest/source.js';
import { extractFacts } from './extract/index.js';
import { splitAndIdentify } from './identify/index.js';
import type { ReportDocument } from './model.js';

export interface FileResult {
  readonly file: string;
  readonly source: Source;
  readonly documents: ReportDocument[];
  readonly diagnostics: Diagnostic[];
}

export interface FileFailure {
  readonly file: string;
  readonly error: string;
  readonly ruleId: string;
  /** For an HTTP answer: 413 when a read limit was passed (`limit` names it), else 422. */
  readonly status: 413 | 422;
  readonly limit?: ReadLimit;
}

function failure(file: string, e: UnreadableInputError): FileFailure {
  return { file, error: e.reason, ruleId: e.ruleId, status: e.status, ...(e instanceof ReadLimitExceeded ? { limit: e.limit } : {}) };
}

export function processSource(source: Source): FileResult {
  const ident = splitAndIdentify(source);
  const documents: ReportDocument[] = ident.documents.map((slice) => {
    const facts = extractFacts({
      source,
      start: slice.start,
      end: slice.end,
      reportYear: slice.identity.report_year?.value ?? null,
      reviewYear: slice.identity.review_year?.value ?? null,
    });
    return { part: slice.part, span: spanOf(source, slice.start, slice.end), identity: slice.identity, ...facts };
  });
  return { file: source.file, source, documents, diagnostics: [...source.diagnostics, ...ident.diagnostics] };
}

/** Reads and processes one file; unusable input becomes a FileFailure, never a throw. */
export async function processFile(file: string, options: ReadOptions = {}): Promise<FileResult | FileFailure> {
  try {
    return processSource(await readSource(file, options));
  } catch (e) {
    if (e instanceof UnreadableInputError) return failure(file, e);
    throw e;
  }
}

export async function processBytes(file: string, bytes: Uint8Array): Promise<FileResult | FileFailure> {
  try {
    return processSource(await sourceFromBytes(file, bytes));
  } catch (e) {
    if (e instanceof UnreadableInputError) return failure(file, e);
    throw e;
  }
}

export function isFailure(r: FileResult | FileFailure): r is FileFailure {
  return 'error' in r;
}
