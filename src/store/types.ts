/**
 * The shapes the store (and so the API) answers with. Pure types, so the web
 * app uses these very definitions (type-only imports) instead of restating them.
 */
import type { Diagnostic } from '../ingest/diagnostics.js';
import type { Section } from '../model.js';

export interface DocumentSummary {
  id: number;
  source_id: number;
  file_name: string;
  part: number;
  jurisdiction: string | null;
  province: string | null;
  level: string | null;
  report_year: number | null;
  review_year: number | null;
  date: string | null;
  doc_type: string;
  script: string;
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

export interface FactRecord {
  id: number;
  document_id: number;
  jurisdiction: string | null;
  level: string | null;
  report_year: number | null;
  fact: string;
  indicator: string | null;
  kind: string | null;
  value: number | null;
  value_max: number | null;
  unit: string | null;
  qualifier: string | null;
  scope: string | null;
  year: number | null;
  headline: boolean;
  estimated: boolean;
  text: string;
  start: number;
  end: number;
  source_start: number;
  source_end: number;
  data: Record<string, unknown>;
}

export interface DocumentDetail extends DocumentSummary {
  meeting: string | null;
  speaker: string | null;
  text: string;
  identity: Record<string, unknown>;
  sections: Section[];
  warnings: Diagnostic[];
  encoding: string;
  format: string;
  sha256: string;
  offset_unit: string;
  start_offset: number;
  facts: FactRecord[];
  duplicate_files: { file: string; reason: string; at: string }[];
}
