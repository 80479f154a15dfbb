/**
 * Table row types for the query builder. One schema serves SQLite and
 * PostgreSQL; JSON columns are stored as text so both read them the same way.
 */
import type { ColumnType, Generated } from 'kysely';
import type { DocType, Script } from '../model.js';
import type { FactType, OffsetUnit, SourceFormat } from './input.js';
import type { SourceCompression } from './source-bytes.js';
import type { StoredText } from './document-text.js';
import type { DocumentPlace, FactMeasure, ImportStatus, RunStatus } from './types.js';
import type { CodeEvent, RoundKind, RoundState, Threshold } from '../votes/rules.js';
import type { Role } from '../accounts/roles.js';
import type { LedgerTables } from '../ledger/rows.js';
import type { ProposalTables } from '../proposals/rows.js';
import type { DraftTables } from '../draft/rows.js';
import type { RulingTables } from '../rulings/rows.js';

export interface SourcesTable {
  id: Generated<number>;
  sha256: string;
  file_name: string;
  size: number;
  format: SourceFormat;
  encoding: string;
  offset_unit: OffsetUnit;
  script: Script;
  /** The file as found, as `compression` says (src/store/source-bytes.ts). Its decoded text is not kept here: each document keeps its stretch (migration 23). */
  bytes: Uint8Array;
  /** Migration 24; rows stored before it hold the file uncompressed. */
  compression: ColumnType<SourceCompression, SourceCompression | undefined, never>;
  warnings_json: string;
  imported_at: string;
  run_id: number | null;
}

export interface DocumentsTable extends DocumentPlace {
  id: Generated<number>;
  source_id: number;
  part: number;
  doc_key: string;
  fingerprint: string;
  meeting: string | null;
  speaker: string | null;
  doc_type: DocType;
  script: Script;
  /** Each identity field's evidence and confidence. */
  identity_json: string;
  /** Where the document sits in its source's normalised text. */
  start_offset: number;
  end_offset: number;
  /** The document's stretch of that text; SQLite keeps new ones as UTF-16 bytes (document-text.ts). */
  text: StoredText;
  /** Sections with spans relative to the document's text (migration 9 converted older rows). */
  sections_json: string;
  n_targets: number;
  n_outcomes: number;
  n_commitments: number;
  /**
   * PostgreSQL only: the text's gram keys (src/store/segment.ts gramKeysOf),
   * which its GIN index answers searches from. SQLite has no such column (its
   * gram tables, doc_char and doc_pair, index texts) and never writes or reads it.
   */
  grams?: ColumnType<string[] | null, string[] | undefined, string[] | undefined>;
}

export interface FactsTable extends FactMeasure {
  id: Generated<number>;
  document_id: number;
  fact: FactType;
  ord: number;
  headline: number;
  estimated: number;
  text: string;
  /** Offsets into the document's text. */
  start_offset: number;
  end_offset: number;
  /** Offsets into the original file, in the source's offset unit. */
  source_start: number;
  source_end: number;
  /** What the fact says, read back through the schemas in facts.ts. */
  data_json: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string | null;
  status: RunStatus;
  imported: number;
  duplicates: number;
  failed: number;
  /** Who started the run through the API (null: the CLI, run by whoever holds the files). */
  account_id: number | null;
  /** Bytes handed in, counted against the account's import quota. */
  bytes: number;
}

/** A reviewer's choice of the report that speaks for a place and year when several are stored. */
export interface ReportChoicesTable {
  jurisdiction: string;
  report_year: number;
  document_id: number;
  chosen_by: number | null;
  chosen_at: string;
  note: string | null;
}

export interface ImportItemsTable {
  id: Generated<number>;
  run_id: number;
  file: string;
  sha256: string | null;
  status: ImportStatus;
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
  /** 1 when the document has no key of place and year (its doc_key is `fp:` + fingerprint; migration 31). */
  keyless: number;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

// --- accounts (migration 2; the ledger's own tables are in src/ledger/rows.ts) -----

export interface UnitsTable {
  id: Generated<number>;
  name: string;
  parent_id: number | null;
  created_at: string;
}

export interface AccountsTable {
  id: Generated<number>;
  name: string;
  password_hash: string;
  role: Role;
  unit_id: number | null;
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a stolen table does not give sessions away. */
  id: string;
  account_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked: number;
}

// --- 票决: deputies' votes on livelihood projects (migration 6) ---------------------

export interface VoteSessionsTable {
  id: Generated<number>;
  jurisdiction: string;
  year: number;
  title: string;
  /** How many projects the congress picks (each ballot chooses up to this many). */
  seats: number;
  threshold: Threshold;
  document_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface VoteCandidatesTable {
  id: Generated<number>;
  session_id: number;
  ord: number;
  title: string;
  detail: string | null;
  source_sentence: string | null;
  document_id: number | null;
  fact_id: number | null;
  /** The ledger task made from it once adopted. */
  task_id: number | null;
  created_at: string;
}

export interface DeputiesTable {
  id: Generated<number>;
  session_id: number;
  ord: number;
  name: string;
  /** 代表团 */
  delegation: string | null;
  /** sha256 of the deputy's voting code (shown once, never stored). */
  code_hash: string;
  code_issued_at: string;
}

export interface VoteRoundsTable {
  id: Generated<number>;
  session_id: number;
  round_no: number;
  kind: RoundKind;
  seats: number | null;
  candidate_ids_json: string;
  state: RoundState;
  opened_at: string;
  closed_at: string | null;
  /** The tally as computed at closing, kept to show it is reproducible. */
  result_json: string | null;
}

export interface VoteParticipationTable {
  round_id: number;
  deputy_id: number;
}

export interface BallotsTable {
  /** Random, so the order of ballots says nothing about who cast them. */
  id: number;
  round_id: number;
  choices_json: string;
}

/** A voting code reissued, or a reissue refused while a round was open (migration 9): the deputy and the office both see these. */
export interface VoteCodeEventsTable {
  id: Generated<number>;
  session_id: number;
  deputy_id: number;
  event: CodeEvent;
  /** The round that was open when a reissue was refused. */
  round_id: number | null;
  account_id: number | null;
  at: string;
}

/** One failed attempt under a key (an address, an account, a device): what rate limits count. */
export interface AuthAttemptsTable {
  id: Generated<number>;
  key: string;
  at: string;
}

/** A browser an account signed in from before (its cookie token's hash): it keeps its own, gentler limit. */
export interface LoginDevicesTable {
  token_hash: string;
  account_id: number;
  created_at: string;
  last_used_at: string;
}

/** A document taken out of the store (migration 13): kept after the document, its source and its facts are gone. */
export interface WithdrawalsTable {
  id: Generated<number>;
  document_id: number;
  source_id: number;
  file_name: string;
  sha256: string;
  jurisdiction: string | null;
  report_year: number | null;
  /** The account that withdrew it (null: the command line). */
  account_id: number | null;
  /** Who, in words: the account's name, or `cli:` and the system user. */
  actor: string;
  at: string;
  note: string | null;
  /** 1 when ledger tasks or votes depended on it and the withdrawal went ahead anyway. */
  forced: number;
  /** Rows removed, by table (src/withdraw/schema.ts Removed). */
  removed_json: string;
  /** What was built on it and is now detached from it (src/withdraw/schema.ts Dependent[]). */
  dependents_json: string;
}

/** A one-time code an administrator gave out so an account can set a new password (migration 14). */
export interface ResetCodesTable {
  id: Generated<number>;
  account_id: number;
  /** sha256 of the code: the table alone gives no code away. */
  code_hash: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  /** Set when the code was used, or replaced by a newer one: it never works twice. */
  used_at: string | null;
}

/** Every table; the features' own (ledger, 建议/提案) are defined beside their code. */
export interface Database extends LedgerTables, ProposalTables, DraftTables, RulingTables {
  auth_attempts: AuthAttemptsTable;
  login_devices: LoginDevicesTable;
  units: UnitsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  sources: SourcesTable;
  documents: DocumentsTable;
  facts: FactsTable;
  import_runs: ImportRunsTable;
  report_choices: ReportChoicesTable;
  import_items: ImportItemsTable;
  duplicates: DuplicatesTable;
  schema_migrations: MigrationsTable;
  doc_sketches: DocSketchesTable;
  vote_sessions: VoteSessionsTable;
  vote_candidates: VoteCandidatesTable;
  deputies: DeputiesTable;
  vote_rounds: VoteRoundsTable;
  vote_participation: VoteParticipationTable;
  ballots: BallotsTable;
  vote_code_events: VoteCodeEventsTable;
  withdrawals: WithdrawalsTable;
  reset_codes: ResetCodesTable;
}
