/**
 * Table row types for the query builder. One schema serves SQLite and
 * PostgreSQL; JSON columns are stored as text so both read them the same way.
 */
import type { Generated } from 'kysely';

export interface SourcesTable {
  id: Generated<number>;
  sha256: string;
  file_name: string;
  size: number;
  format: string;
  encoding: string;
  offset_unit: string;
  script: string;
  text: string;
  bytes: Uint8Array;
  warnings_json: string;
  imported_at: string;
  run_id: number | null;
}

export interface DocumentsTable {
  id: Generated<number>;
  source_id: number;
  part: number;
  doc_key: string;
  fingerprint: string;
  jurisdiction: string | null;
  province: string | null;
  level: string | null;
  report_year: number | null;
  review_year: number | null;
  date: string | null;
  meeting: string | null;
  speaker: string | null;
  doc_type: string;
  script: string;
  identity_json: string;
  start_offset: number;
  end_offset: number;
  text: string;
  sections_json: string;
  n_targets: number;
  n_outcomes: number;
  n_commitments: number;
}

export interface FactsTable {
  id: Generated<number>;
  document_id: number;
  /** target | outcome | commitment */
  fact: string;
  ord: number;
  indicator: string | null;
  kind: string | null;
  value: number | null;
  value_max: number | null;
  unit: string | null;
  qualifier: string | null;
  scope: string | null;
  year: number | null;
  headline: number;
  estimated: number;
  text: string;
  start_offset: number;
  end_offset: number;
  source_start: number;
  source_end: number;
  data_json: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string | null;
  status: string;
  imported: number;
  duplicates: number;
  failed: number;
}

export interface ImportItemsTable {
  id: Generated<number>;
  run_id: number;
  file: string;
  sha256: string | null;
  status: string;
  reason: string | null;
  source_id: number | null;
  document_ids: string | null;
  at: string;
}

export interface DuplicatesTable {
  id: Generated<number>;
  document_id: number;
  file: string;
  sha256: string;
  part: number;
  reason: string;
  run_id: number | null;
  at: string;
}

/** The smallest shingle hashes of a document: near-identical texts share some. */
export interface DocSketchesTable {
  hash: number;
  document_id: number;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface Database {
  sources: SourcesTable;
  documents: DocumentsTable;
  facts: FactsTable;
  import_runs: ImportRunsTable;
  import_items: ImportItemsTable;
  duplicates: DuplicatesTable;
  schema_migrations: MigrationsTable;
  doc_sketches: DocSketchesTable;
}
