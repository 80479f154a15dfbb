/**
 * SQLite via better-sqlite3: synchronous, in-process, the fastest embedded
 * driver for Node, and the one kysely supports natively. (@libsql/client
 * ships prebuilt but is async over a worker and adds a network-oriented
 * layer we do not need; the one-minute compile is paid once at install.)
 *
 * Full text: two FTS5 tables. A trigram index answers queries of three
 * characters or more as verbatim substrings; it cannot match shorter ones,
 * so a second table holds every character and every adjacent pair as a
 * token of its own (migration 15), and a 1- or 2-character query is one
 * token there: one posting list, no phrase to assemble.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AliasNode, FromNode, IdentifierNode, Kysely, RawNode, SelectQueryNode, SqliteDialect, TableNode, sql, type KyselyPlugin, type SqlBool } from 'kysely';
import type { Engine } from '../engine.js';
import { COUNTED_TABLES, StoreError } from '../engine.js';
import type { Database } from '../schema.js';
import { documentFilter } from '../filters.js';
import { gramToken, gramTokens, queryGram } from '../segment.js';

/**
 * Which index answers a query: three characters or more go to the trigram
 * index (a verbatim substring, few posting lists); one or two characters to
 * the gram index as one token. Both are quoted, so no query is syntax. The
 * trigram index folds case, so a query with letters that have case also
 * asks the text (`verbatim`), which keeps every answer a verbatim match.
 */
function matchFor(query: string): { table: 'doc_tri' | 'doc_bi'; match: string; verbatim?: string } | undefined {
  const q = query.trim();
  const gram = queryGram(q);
  if (gram) return { table: 'doc_bi', match: '"' + gramToken(gram) + '"' };
  if (!q) return undefined;
  return { table: 'doc_tri', match: '"' + q.replace(/"/g, '""') + '"', ...(q.toLowerCase() !== q.toUpperCase() ? { verbatim: q } : {}) };
}

/** Documents whose grams are indexed per batch when the gram index is built on a stored corpus. */
const GRAM_BATCH = 200;

/**
 * Puts SQLite's INDEXED BY hint on `documents as d` in a query's FROM, which
 * kysely has no syntax for; the query stays typed against the real table.
 */
const filterIndexHint: KyselyPlugin = {
  transformQuery({ node }) {
    if (!SelectQueryNode.is(node) || !node.from) return node;
    const froms = node.from.froms.map((f) =>
      AliasNode.is(f) && TableNode.is(f.node) && f.node.table.identifier.name === 'documents' && IdentifierNode.is(f.alias) && f.alias.name === 'd'
        ? RawNode.createWithSql('documents as d indexed by documents_filter')
        : f,
    );
    return { ...node, from: FromNode.create(froms) };
  },
  async transformResult({ result }) {
    return result;
  },
};

/** Prepared statements kept per connection (see statementCache). */
const STATEMENTS_KEPT = 256;

/**
 * kysely's SQLite driver prepares every query anew, and preparing costs as
 * much as running a small query: a document read runs nine statements. The
 * same SQL text is the same statement, so one prepared statement per text is
 * kept (least recently used dropped past the limit). SQLite re-prepares a
 * kept statement itself when the schema changes; one still iterating (a
 * streamed query) is never handed out twice.
 */
export function statementCache(raw: BetterSqlite3.Database, kept = STATEMENTS_KEPT): { prepare(sql: string): BetterSqlite3.Statement; close(): void } {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(text) {
      const found = statements.get(text);
      if (found && !found.busy) {
        statements.delete(text);
        statements.set(text, found);
        return found;
      }
      const made = raw.prepare(text);
      statements.set(text, made);
      if (statements.size > kept) statements.delete(statements.keys().next().value!);
      return made;
    },
    close: () => raw.close(),
  };
}

/** Up to this many matching documents, search results are ranked by relevance (bm25). */
export const RANK_LIMIT = 2000;

export function openSqlite(file: string): Engine {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // A deleted row's bytes are overwritten, not left in free space (see forgetHistory).
    raw.pragma('secure_delete = ON');
  } catch (e) {
    throw new StoreError(`cannot open SQLite database ${file}: ${(e as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statementCache(raw) }) });
  return {
    name: 'sqlite',
    db,
    location: file,
    migrationLock: ['begin immediate'],
    writeBegin: 'begin immediate',
    types: { id: 'integer primary key autoincrement', blob: 'blob', real: 'real', bigint: 'integer' },
    searchIndexDdl: [`create virtual table doc_fts using fts5(body, content='', tokenize='unicode61 remove_diacritics 0')`],
    trigramIndexDdl: [`create virtual table doc_tri using fts5(body, content='', tokenize='trigram')`, `insert into doc_tri(rowid, body) select id, text from documents`],
    async searchTuneStep() {
      // PostgreSQL's step: SQLite's FTS5 indexes have no pending list and its pages no compression.
    },
    scaleStep: {
      version: 15,
      async up(conn) {
        // detail=full keeps each gram's positions, so bm25 ranks by how often the query occurs, as the
        // per-character phrase did; the per-character index it replaces is dropped (its space comes back on VACUUM).
        await sql`create virtual table doc_bi using fts5(body, content='', tokenize='unicode61 remove_diacritics 0')`.execute(conn);
        for (let last = 0; ; ) {
          const rows = await conn.selectFrom('documents').select(['id', 'text']).where('id', '>', last).orderBy('id').limit(GRAM_BATCH).execute();
          if (rows.length === 0) break;
          for (const r of rows) await sql`insert into doc_bi(rowid, body) values (${r.id}, ${gramTokens(r.text)})`.execute(conn);
          last = Number(rows[rows.length - 1].id);
        }
        await sql`drop table doc_fts`.execute(conn);
      },
    },
    async counterStep(conn) {
      await sql`create table change_counter (id integer primary key, n integer not null)`.execute(conn);
      await sql`insert into change_counter (id, n) values (1, 0)`.execute(conn);
      // SQLite has row triggers only: the counter rises once per changed row, inside the writing transaction
      // (which already holds the write lock), so it is committed, or rolled back, with the change.
      for (const t of COUNTED_TABLES) {
        for (const event of ['insert', 'update', 'delete']) {
          await sql.raw(`create trigger ${t}_${event}_counted after ${event} on ${t} begin update change_counter set n = n + 1 where id = 1; end`).execute(conn);
        }
      }
    },
    async changeToken() {
      // Through kysely, so it waits for this process's open transaction (and never reads its uncommitted count).
      const row = await sql<{ n: number }>`select n from change_counter where id = 1`.execute(db);
      return String(row.rows[0]?.n ?? 0);
    },
    async indexDocument(trx, documentId, text) {
      await sql`insert into doc_bi(rowid, body) values (${documentId}, ${gramTokens(text)})`.execute(trx);
      await sql`insert into doc_tri(rowid, body) values (${documentId}, ${text})`.execute(trx);
    },
    async unindexDocument(trx, documentId, text) {
      // Contentless FTS5 tables keep no copy of the text: a row is deleted by repeating what was inserted.
      await sql`insert into doc_bi(doc_bi, rowid, body) values ('delete', ${documentId}, ${gramTokens(text)})`.execute(trx);
      await sql`insert into doc_tri(doc_tri, rowid, body) values ('delete', ${documentId}, ${text})`.execute(trx);
    },
    async matchDocuments(conn, query, limit) {
      const m = matchFor(query);
      if (!m) return [];
      const rows = m.verbatim
        ? await sql<{ id: number }>`select f.rowid as id from ${sql.table(m.table)} f join documents d on d.id = f.rowid where ${sql.table(m.table)} match ${m.match} and instr(d.text, ${m.verbatim}) > 0 order by f.rank limit ${limit}`.execute(conn)
        : await sql<{ id: number }>`select rowid as id from ${sql.table(m.table)} where ${sql.table(m.table)} match ${m.match} order by rank limit ${limit}`.execute(conn);
      return rows.rows.map((r) => Number(r.id));
    },
    async searchPage(conn, query, filter, limit, offset) {
      const m = matchFor(query);
      if (!m) return { ids: [], total: 0 };
      // A document row holds the text, so visiting rows to filter costs a page read each
      // (100 ms for 40k matches at ×100); the covering index answers the filter alone (10 ms).
      // SQLite's planner prefers the rowid look-up, hence the hint, which kysely cannot spell.
      // The FTS tables are not in the typed schema: join through raw SQL, filter with the shared clause.
      const base = conn
        .withPlugin(filterIndexHint)
        .selectFrom('documents as d')
        .innerJoin(sql<{ rowid: number; rank: number }>`(select rowid, rank from ${sql.table(m.table)} where ${sql.table(m.table)} match ${m.match})`.as('f'), (j) => j.onRef(sql.ref('f.rowid'), '=', 'd.id'))
        .where(documentFilter(filter))
        .$if(m.verbatim !== undefined, (qb) => qb.where(sql<SqlBool>`instr(d.text, ${m.verbatim}) > 0`));
      // One pass over the matches gives the newest-first page and the count (a window over
      // all rows); bm25 over every match costs more than the rest of a broad query (35–180 ms
      // for 40k documents at ×100), so only up to RANK_LIMIT matches are ranked, in a second,
      // small query. Broader lists stay newest first, as on PostgreSQL.
      const newest = await base
        .select(['d.id', sql<number>`count(*) over ()`.as('n')])
        .orderBy('d.report_year', 'desc')
        .orderBy('d.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      const total = newest.length
        ? Number(newest[0].n)
        : Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      if (total > RANK_LIMIT || total === 0) return { ids: newest.map((r) => Number(r.id)), total };
      const ranked = await base.select('d.id').orderBy(sql`f.rank`).orderBy('d.id').limit(limit).offset(offset).execute();
      return { ids: ranked.map((r) => Number(r.id)), total };
    },
    async forgetHistory() {
      // The WAL holds every page version since the last checkpoint: fold it into the file and empty it.
      try {
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      } catch (e) {
        process.stderr.write(`luoshi: WAL checkpoint failed: ${(e as Error).message}\n`);
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
