/**
 * The schema's steps, in order. They only ever add: a step never drops data.
 * Steps 1–8 are DDL as the first migration runner applied them (databases
 * made then record them in schema_migrations); later steps may also convert
 * rows in place, keeping what they hold.
 */
import { sql, type Kysely } from 'kysely';
import type { Engine, EngineStepVersion } from '../engine.js';
import { sectionsOf } from '../rows.js';
import type { Database } from '../schema.js';

export interface Step {
  readonly version: number;
  readonly name: string;
  up(db: Kysely<Database>, engine: Engine): Promise<void>;
}

/** A step that is a list of statements. */
interface DdlStep {
  readonly version: number;
  readonly name: string;
  statements(engine: Engine): string[];
}

const DDL: DdlStep[] = [
  {
    version: 1,
    name: 'reports, documents, facts, import runs, full-text index',
    statements: ({ types: t, searchIndexDdl }) => [
      `create table import_runs (id ${t.id}, started_at text not null, finished_at text, status text not null,
        imported integer not null default 0, duplicates integer not null default 0, failed integer not null default 0)`,
      `create table sources (id ${t.id}, sha256 text not null unique, file_name text not null, size ${t.bigint} not null,
        format text not null, encoding text not null, offset_unit text not null, script text not null, text text not null,
        bytes ${t.blob} not null, warnings_json text not null, imported_at text not null, run_id integer references import_runs(id))`,
      `create table documents (id ${t.id}, source_id integer not null references sources(id), part integer not null,
        doc_key text not null, fingerprint text not null, jurisdiction text, province text, level text, report_year integer,
        review_year integer, date text, meeting text, speaker text, doc_type text not null, script text not null,
        identity_json text not null, start_offset integer not null, end_offset integer not null, text text not null,
        sections_json text not null, n_targets integer not null, n_outcomes integer not null, n_commitments integer not null,
        unique (source_id, part))`,
      `create index documents_key on documents (doc_key)`,
      `create index documents_place_year on documents (jurisdiction, report_year)`,
      `create table facts (id ${t.id}, document_id integer not null references documents(id), fact text not null,
        ord integer not null, indicator text, kind text, value ${t.real}, value_max ${t.real}, unit text, qualifier text,
        scope text, year integer, headline integer not null, estimated integer not null, text text not null,
        start_offset integer not null, end_offset integer not null, source_start ${t.bigint} not null,
        source_end ${t.bigint} not null, data_json text not null)`,
      `create index facts_document on facts (document_id, fact)`,
      `create table doc_sketches (hash ${t.bigint} not null, document_id integer not null references documents(id))`,
      `create index doc_sketches_hash on doc_sketches (hash)`,
      `create index facts_indicator on facts (fact, indicator, year)`,
      `create table import_items (id ${t.id}, run_id integer not null references import_runs(id), file text not null,
        sha256 text, status text not null, reason text, source_id integer references sources(id), document_ids text, at text not null)`,
      `create table duplicates (id ${t.id}, document_id integer not null references documents(id), file text not null,
        sha256 text not null, part integer not null, reason text not null, run_id integer references import_runs(id), at text not null)`,
      ...searchIndexDdl,
    ],
  },
  {
    version: 2,
    name: 'supervision ledger (督办): units, accounts, sessions, tasks, progress, history, notices',
    statements: ({ types: t }) => [
      `create table units (id ${t.id}, name text not null unique, parent_id integer references units(id), created_at text not null)`,
      `create table accounts (id ${t.id}, name text not null unique, password_hash text not null, role text not null,
        unit_id integer references units(id), disabled integer not null default 0, created_at text not null)`,
      `create table sessions (id text primary key, account_id integer not null references accounts(id), csrf_token text not null,
        created_at text not null, expires_at text not null, revoked integer not null default 0)`,
      `create table tasks (id ${t.id}, jurisdiction text not null, year integer not null, document_id integer references documents(id),
        fact_id integer references facts(id), source_kind text not null, title text not null, source_sentence text,
        source_start integer, source_end integer, source_file_start ${t.bigint}, source_file_end ${t.bigint}, indicator text,
        figure_value ${t.real}, figure_unit text, figure_text text, firmness text, livelihood integer not null default 0,
        deadline_phrase text, deadline text not null, deadline_rule text, state text not null, lead_unit_id integer references units(id),
        progress_figure ${t.real}, last_progress_at text, assigned_at text, closed_at text, pending_deadline text, extension_reason text,
        unit_note text, internal_note text, archived integer not null default 0, version integer not null default 1,
        created_at text not null, updated_at text not null)`,
      `create index tasks_ledger on tasks (jurisdiction, year)`,
      `create table task_units (task_id integer not null references tasks(id), unit_id integer not null references units(id),
        role text not null, primary key (task_id, unit_id))`,
      `create table progress_reports (id ${t.id}, task_id integer not null references tasks(id), account_id integer references accounts(id),
        unit_id integer references units(id), report_date text not null, narrative text not null, figure ${t.real},
        evidence_json text not null, internal integer not null default 0, created_at text not null)`,
      `create index progress_task on progress_reports (task_id)`,
      `create table task_history (id ${t.id}, task_id integer not null references tasks(id), account_id integer references accounts(id),
        action text not null, at text not null, before_json text, after_json text, note text)`,
      `create index task_history_task on task_history (task_id, id)`,
      `create table notices (id ${t.id}, task_id integer not null references tasks(id), unit_id integer references units(id),
        account_id integer references accounts(id), kind text not null, text text not null, at text not null, read_at text)`,
      `create index notices_unit on notices (unit_id, at)`,
    ],
  },
  {
    version: 3,
    name: 'index duplicates by document (lists count them per row)',
    statements: () => ['create index duplicates_document on duplicates (document_id)'],
  },
  {
    version: 4,
    name: 'index documents by fingerprint and sketches by document (duplicate look-ups at import)',
    statements: () => ['create index documents_fingerprint on documents (fingerprint)', 'create index doc_sketches_document on doc_sketches (document_id)'],
  },
  {
    version: 5,
    name: 'substring (trigram) index for queries of three characters or more',
    statements: ({ trigramIndexDdl }) => [...trigramIndexDdl],
  },
  {
    version: 6,
    name: 'deputies\' votes on livelihood projects (票决) and suggestion/proposal handling (建议/提案)',
    statements: ({ types: t }) => [
      `create table vote_sessions (id ${t.id}, jurisdiction text not null, year integer not null, title text not null, seats integer not null,
        threshold text not null, document_id integer references documents(id), created_by integer references accounts(id),
        created_at text not null, updated_at text not null)`,
      `create table vote_candidates (id ${t.id}, session_id integer not null references vote_sessions(id), ord integer not null,
        title text not null, detail text, source_sentence text, document_id integer references documents(id), fact_id integer references facts(id),
        task_id integer references tasks(id), created_at text not null)`,
      `create index vote_candidates_session on vote_candidates (session_id, ord)`,
      `create table deputies (id ${t.id}, session_id integer not null references vote_sessions(id), ord integer not null, name text not null,
        delegation text, code_hash text not null unique, code_issued_at text not null)`,
      `create index deputies_session on deputies (session_id, ord)`,
      `create table vote_rounds (id ${t.id}, session_id integer not null references vote_sessions(id), round_no integer not null,
        kind text not null, seats integer, candidate_ids_json text not null, state text not null, opened_at text not null,
        closed_at text, result_json text, unique (session_id, round_no))`,
      // Who voted: no time, no choice. The ballot: no voter, no time, and a
      // random id, so neither the columns nor the order link the two.
      `create table vote_participation (round_id integer not null references vote_rounds(id), deputy_id integer not null references deputies(id),
        primary key (round_id, deputy_id))`,
      `create table ballots (id ${t.bigint} primary key, round_id integer not null references vote_rounds(id), choices_json text not null)`,
      `create index ballots_round on ballots (round_id)`,
      `create table proposals (id ${t.id}, jurisdiction text not null, year integer not null, kind text not null, number text not null,
        title text not null, proposers_json text not null, received_at text not null, assigned_at text, reply_deadline text, state text not null,
        reply_text text, replied_at text, satisfaction text, satisfaction_at text, follow_up text, version integer not null default 1,
        created_at text not null, updated_at text not null, unique (jurisdiction, year, kind, number))`,
      `create table proposal_units (proposal_id integer not null references proposals(id), unit_id integer not null references units(id),
        role text not null, primary key (proposal_id, unit_id))`,
      `create table proposal_history (id ${t.id}, proposal_id integer not null references proposals(id), account_id integer references accounts(id),
        action text not null, at text not null, note text)`,
      `create index proposal_history_proposal on proposal_history (proposal_id, id)`,
      `create table settings (key text primary key, value text not null, updated_at text not null)`,
    ],
  },
  {
    version: 7,
    name: 'covering index for search filters (documents rows carry the text and are large to visit)',
    statements: () => ['create index documents_filter on documents (id, report_year, level, jurisdiction)'],
  },
  {
    version: 8,
    name: 'imports by account (quota) and the reviewer\'s choice of the authoritative report for a place and year',
    statements: ({ types: t }) => [
      'alter table import_runs add column account_id integer references accounts(id)',
      `alter table import_runs add column bytes ${t.bigint} not null default 0`,
      'create index import_runs_account on import_runs (account_id, started_at)',
      `create table report_choices (jurisdiction text not null, report_year integer not null, document_id integer not null references documents(id),
        chosen_by integer references accounts(id), chosen_at text not null, note text, primary key (jurisdiction, report_year))`,
    ],
  },
  {
    version: 10,
    name: 'failed sign-in and voting-code attempts (shared by every server process) and the devices an account signed in from',
    statements: ({ types: t }) => [
      `create table auth_attempts (id ${t.id}, key text not null, at text not null)`,
      'create index auth_attempts_key on auth_attempts (key, at)',
      `create table login_devices (token_hash text primary key, account_id integer not null references accounts(id), created_at text not null, last_used_at text not null)`,
    ],
  },
  {
    version: 11,
    name: '票决 voting codes: reissues and refused reissues, for the deputy and the office to see',
    statements: ({ types: t }) => [
      `create table vote_code_events (id ${t.id}, session_id integer not null references vote_sessions(id), deputy_id integer not null references deputies(id),
        event text not null, round_id integer references vote_rounds(id), account_id integer references accounts(id), at text not null)`,
      'create index vote_code_events_deputy on vote_code_events (deputy_id, id)',
      'create index vote_code_events_session on vote_code_events (session_id, id)',
    ],
  },
  {
    version: 12,
    name: 'rulings: a reviewer\'s signed verdict on a scorecard item, keyed by place, year and the item\'s stable key, with an append-only history',
    statements: ({ types: t }) => [
      `create table rulings (id ${t.id}, jurisdiction text not null, year integer not null, item_key text not null, source text not null,
        promise text not null, plan_start integer not null, plan_end integer not null, plan_hash text not null, review_hash text not null,
        plan_document_id integer, review_document_id integer, machine_verdict text not null, verdict text not null, reason text,
        evidence_start integer, evidence_end integer, evidence_hash text, evidence_text text, account_id integer not null references accounts(id),
        ruled_at text not null, version integer not null default 1, created_at text not null, updated_at text not null,
        unique (jurisdiction, year, item_key))`,
      'create index rulings_plan_hash on rulings (plan_hash)',
      'create index rulings_review_hash on rulings (review_hash)',
      `create table ruling_history (id ${t.id}, ruling_id integer not null references rulings(id), version integer not null,
        account_id integer references accounts(id), at text not null, from_verdict text, verdict text not null, reason text, evidence_json text)`,
      'create index ruling_history_ruling on ruling_history (ruling_id, id)',
    ],
  },
  {
    version: 13,
    name: 'withdrawals of imported documents: who, when, what was removed, and what depended on it',
    statements: ({ types: t }) => [
      // No foreign key to documents or sources: the row outlives them (that is its point).
      `create table withdrawals (id ${t.id}, document_id integer not null, source_id integer not null, file_name text not null, sha256 text not null,
        jurisdiction text, report_year integer, account_id integer references accounts(id), actor text not null, at text not null, note text,
        forced integer not null default 0, removed_json text not null, dependents_json text not null)`,
      'create index withdrawals_at on withdrawals (at)',
    ],
  },
  {
    version: 14,
    name: 'one-time password reset codes: stored hashed, expiring, used once',
    statements: ({ types: t }) => [
      `create table reset_codes (id ${t.id}, account_id integer not null references accounts(id), code_hash text not null unique,
        created_by integer references accounts(id), created_at text not null, expires_at text not null, used_at text)`,
      'create index reset_codes_account on reset_codes (account_id)',
    ],
  },
  {
    version: 16,
    name: 'the ledger as a 台账: each task\'s 分管领导 (lead leader) and its 进展情况 (the latest progress report\'s words)',
    statements: () => [
      'alter table tasks add column lead_leader text',
      'alter table tasks add column progress_text text',
      // The words of each task's latest report (by date, then by order of writing), as addProgress keeps them from now on.
      `update tasks set progress_text = (select p.narrative from progress_reports p where p.task_id = tasks.id order by p.report_date desc, p.id desc limit 1)`,
    ],
  },
  {
    version: 18,
    name: 'draft review (完成情况报告): each task\'s year-end state with its reason and new deadline, and every generated draft with its sources and hash',
    statements: ({ types: t }) => [
      `create table task_year_end (task_id integer primary key references tasks(id), final_state text not null, reason text, new_deadline text,
        account_id integer references accounts(id), set_at text not null)`,
      `create table draft_reviews (id ${t.id}, jurisdiction text not null, year integer not null, format text not null, sha256 text not null,
        bytes ${t.bigint} not null, content_base64 text not null, draft_json text not null, account_id integer references accounts(id), generated_at text not null)`,
      'create index draft_reviews_ledger on draft_reviews (jurisdiction, year, id)',
    ],
  },
  {
    version: 21,
    name: 'the report list from an index: every column a document summary shows, in the list\'s order',
    statements: () => [
      // A SQLite row keeps a document's text before its counts: reading n_targets meant walking the text's
      // overflow pages, so a list of 50 read every stored text (all of them, to sort). This index holds the
      // summary columns in the list's order, so a page is read from it alone and stops at its limit.
      `create index documents_list on documents (report_year desc, jurisdiction, id, source_id, part, province, level, review_year, date,
        doc_type, script, n_targets, n_outcomes, n_commitments)`,
    ],
  },
  {
    version: 23,
    name: 'a source keeps the file as found, not its decoded text as well: each document already keeps its own stretch of that text',
    // Nothing read it back. SQLite rewrites the table to drop a column (once, as long as copying the files takes);
    // PostgreSQL marks it dropped and frees the space as rows are rewritten or vacuumed.
    statements: () => ['alter table sources drop column text'],
  },
  {
    version: 24,
    name: 'a source may keep the file as found brotli-compressed (a report as text shrinks to about a third); rows stored before stay as they are',
    // Not rewritten here: on SQLite the file would only shrink after a VACUUM, which copies the whole database.
    statements: () => ["alter table sources add column compression text not null default 'none'"],
  },
  {
    version: 25,
    name: 'a task\'s merge and split steps found by kind: reading a task looks them up without walking its whole history',
    statements: () => ['create index task_history_kind on task_history (task_id, action)'],
  },
  {
    version: 26,
    name: 'a task\'s progress reports indexed in date order: its detail reads the latest few and a new report reads back the latest, without sorting them all',
    // The new index begins with task_id, so it answers everything the one it replaces did.
    statements: () => ['create index progress_task_date on progress_reports (task_id, report_date, id)', 'drop index progress_task'],
  },
  {
    version: 30,
    name: 'sketches indexed with their document: the duplicate look-up at import reads the index alone',
    // A sketch hash of boilerplate wording is shared by thousands of reports (7,063 of 65,462 in the ×100
    // bench tier), and each report stored after them read every one of their rows from the table to learn its
    // document: work that grew with the square of the archive. The new index begins with hash, so it answers
    // everything the one it replaces did.
    statements: () => ['create index doc_sketches_hash_document on doc_sketches (hash, document_id)', 'drop index doc_sketches_hash'],
  },
  {
    version: 31,
    name: 'sketches of reports without a known place and year kept apart: a report that has both looks for a copy by its words only among those',
    // A report with a place and year (a key) is the same as another keyed report only when key or fingerprint
    // match, both found by their own indexes; its words matter only against reports without a key. The look-up
    // by sketch read every report sharing a boilerplate hash, keyed or not, and that set grows with the archive.
    // `keyless` is fixed at insert: a document's key never changes once stored.
    statements: () => [
      'alter table doc_sketches add column keyless integer not null default 0',
      "update doc_sketches set keyless = 1 where document_id in (select id from documents where substr(doc_key, 1, 3) = 'fp:')",
      'create index doc_sketches_keyless on doc_sketches (hash, document_id) where keyless = 1',
    ],
  },
];

/**
 * Step 9: sections were stored with spans into the source's text while facts
 * had spans into their document's; now both are relative to the document
 * (byte offsets into the file unchanged). Converted in batches by id.
 */
async function sectionsRelativeToDocument(db: Kysely<Database>): Promise<void> {
  for (let last = 0; ; ) {
    const rows = await db.selectFrom('documents').select(['id', 'start_offset', 'sections_json']).where('id', '>', last).orderBy('id').limit(500).execute();
    if (rows.length === 0) return;
    for (const r of rows) {
      const base = Number(r.start_offset);
      const sections = sectionsOf(r.sections_json, Number(r.id)).map((s) => ({ ...s, span: { ...s.span, start: s.span.start - base, end: s.span.end - base } }));
      await db.updateTable('documents').set({ sections_json: JSON.stringify(sections) }).where('id', '=', r.id).execute();
    }
    last = Number(rows[rows.length - 1].id);
  }
}

/**
 * Migrations each engine does its own way (Engine.ownSteps); the other engine
 * records the version as applied. Names stay as first recorded.
 */
const ENGINE_STEPS: readonly { readonly version: EngineStepVersion; readonly name: string }[] = [
  { version: 15, name: 'SQLite: index of one- and two-character grams (short queries in one look-up)' },
  {
    version: 17,
    name: 'PostgreSQL: array of one- and two-character grams per document with a GIN index; change counter for read caches in several processes',
  },
  {
    version: 19,
    name: 'PostgreSQL: adjacent character triples join each document\'s gram keys (3-character queries from the index alone), both search indexes rebuilt without a pending list (GIN fastupdate off), document texts compressed with lz4 where the server has it',
  },
  { version: 20, name: 'SQLite: a change counter for the read caches, raised only by changes to report data (PostgreSQL has had one since 17)' },
  {
    version: 22,
    name: 'SQLite: one gram index (each character; adjacent pairs in text order) answers every query, exactly; the trigram index and the earlier gram index are dropped',
  },
  {
    version: 27,
    name: 'SQLite: the gram index in two tables, the characters each document holds without positions and the pairs with them (the index 42 % smaller)',
  },
  { version: 28, name: 'SQLite: document texts kept as UTF-16 bytes (two bytes a Chinese character, not three: the documents table a quarter smaller)' },
  { version: 29, name: 'SQLite: the gram index merges its segments sixteen at a time, not four (each level of merging rewrites the whole index; fewer levels, less rewriting on large imports)' },
];

export const STEPS: readonly Step[] = [
  ...DDL.map((d): Step => ({
    version: d.version,
    name: d.name,
    async up(db, engine) {
      for (const stmt of d.statements(engine)) await sql.raw(stmt).execute(db);
    },
  })),
  { version: 9, name: 'section spans relative to their document, as fact spans are', up: sectionsRelativeToDocument },
  ...ENGINE_STEPS.map((s): Step => ({ ...s, up: async (db, engine) => engine.ownSteps[s.version]?.(db) })),
].sort((a, b) => a.version - b.version);

export const SCHEMA_VERSION = STEPS[STEPS.length - 1].version;
