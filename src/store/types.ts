/**
 * The shapes the store (and so the API) answers with. Pure types, so the web
 * app uses these very definitions (type-only imports) instead of restating them.
 */
import type { Diagnostic } from '../ingest/diagnostics.js';
import type { DocType, FactKind, Qualifier, Script } from '../model.js';
import type { Level } from '../vocab.js';
import type { CommitmentData, DocSpan, FactType, OffsetUnit, OutcomeData, SourceFormat, StoredSection, TargetData } from './input.js';

export type { FactType, StoredSection };

/** How one file of an import ended. */
export type ImportStatus = 'imported' | 'duplicate' | 'failed';

/** running, then done or failed; a run a killed process left running is marked interrupted by the next one. */
export type RunStatus = 'running' | 'done' | 'failed' | 'interrupted';

export interface ImportItemResult {
  readonly file: string;
  readonly status: ImportStatus;
  readonly reason?: string;
  /** Stored document ids (new ones, or the ones this file duplicates). */
  readonly documentIds: number[];
  readonly newDocuments: number;
  readonly duplicateDocuments: number;
}

export interface RunSummary {
  id: number;
  status: RunStatus;
  imported: number;
  duplicates: number;
  failed: number;
}

/** Which government's report, of which year: columns of the documents table and fields of every document answer. */
export interface DocumentPlace {
  jurisdiction: string | null;
  province: string | null;
  level: Level | null;
  report_year: number | null;
  review_year: number | null;
  date: string | null;
}

export interface DocumentSummary extends DocumentPlace {
  id: number;
  source_id: number;
  file_name: string;
  part: number;
  doc_type: DocType;
  script: Script;
  n_targets: number;
  n_outcomes: number;
  n_commitments: number;
  duplicates: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface Snippet {
  /** Position of the match in the document's text. */
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

export interface SearchHit {
  document: DocumentSummary;
  matches: number;
  snippets: Snippet[];
}

/** What a fact measures: the same columns in the facts table and fields in the record read back. */
export interface FactMeasure {
  indicator: string | null;
  kind: FactKind | null;
  value: number | null;
  value_max: number | null;
  unit: string | null;
  qualifier: Qualifier | null;
  scope: string | null;
  year: number | null;
}

interface FactRecordBase extends FactMeasure {
  id: number;
  document_id: number;
  jurisdiction: string | null;
  level: Level | null;
  report_year: number | null;
  headline: boolean;
  estimated: boolean;
  text: string;
  /** Offsets into the document's text. */
  start: number;
  end: number;
  /** Offsets into the original file (the source's offset unit). */
  source_start: number;
  source_end: number;
}

/** What a fact says, with its span relative to the document (as `start`/`end`, `source_start`/`source_end`). */
type WithSpan<T> = T & { span: DocSpan };

/** A stored fact: the columns, and the whole extracted object in `data`, told apart by `fact`. */
export type FactRecord =
  | (FactRecordBase & { fact: 'target'; data: WithSpan<TargetData> })
  | (FactRecordBase & { fact: 'outcome'; data: WithSpan<OutcomeData> })
  | (FactRecordBase & { fact: 'commitment'; data: WithSpan<CommitmentData> });

export interface DocumentDetail extends DocumentSummary {
  meeting: string | null;
  speaker: string | null;
  text: string;
  /** Each identity field's evidence and confidence. */
  identity: Record<string, { evidence: string; confidence: number }>;
  /** Spans relative to the document's text (and into the original file). */
  sections: StoredSection[];
  warnings: Diagnostic[];
  encoding: string;
  format: SourceFormat;
  sha256: string;
  offset_unit: OffsetUnit;
  start_offset: number;
  facts: FactRecord[];
  duplicate_files: { file: string; reason: string; at: string }[];
}
