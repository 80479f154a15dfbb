/**
 * SQLite via better-sqlite3: synchronous, in-process, the fastest embedded
 * driver for Node, and the one kysely supports natively. (@libsql/client
 * ships prebuilt but is async over a worker and adds a network-oriented
 * layer we do not need; the one-minute compile is paid once at install.)
 *
 * Full text: two contentless FTS5 tables (migration 27; see gramColumns).
 * `doc_char` holds which characters each document has, without positions
 * (detail=none): a query of one character is its one token. `doc_pair` holds
 * every adjacent pair of characters in text order, with positions: a query of
 * two characters is one token, of more the phrase of its pairs. Both answer
 * from the index alone, exactly, case kept; matches are ranked by how often
 * the query occurs (bm25 over `doc_pair`'s positions, or from the texts, see
 * rankByText: one character always so, as `doc_char` keeps no counts).
 * Before, one table held both columns with positions (migration 22): the
 * characters' positions were 43 % of the index and served only ranking.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AliasNode, FromNode, IdentifierNode, Kysely, RawNode, SelectQueryNode, SqliteDialect, TableNode, sql, type KyselyPlugin, type SqlBool } from 'kysely';
import type { Engine } from '../engine.js';
import { COUNTED_TABLES, StoreError, storedTexts } from '../engine.js';
import type { Database } from '../schema.js';
import { documentFilter } from '../filters.js';
import { WriteLockBusy } from '../transaction.js';
import { gramColumns, gramMatch } from '../segment.js';
import { rankByText } from './relevance.js';
import { holdsText, utf16Bytes, type StoredText } from '../document-text.js';

/** The gram index's table for each column gramColumns writes (migration 27). */
const GRAM_TABLE = { chars: 'doc_char', pairs: 'doc_pair' } as const;
/** Segments of a gram table merged at once (FTS5's `automerge`; migration 29 says why). */
export const GRAM_AUTOMERGE = 16;

async function insertGrams(conn: Kysely<Database>, documentId: number, text: string): Promise<void> {
  const g = gramColumns(text);
  await sql`insert into doc_char(rowid, chars) values (${documentId}, ${g.chars})`.execute(conn);
  await sql`insert into doc_pair(rowid, pairs) values (${documentId}, ${g.pairs})`.execute(conn);
}

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

/** SQLite's own wait for a lock, for statements outside writeTransaction (which waits without holding the process). */
const BUSY_TIMEOUT_MS = 5000;

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

/**
 * The same for a query of one character, which only the texts can rank (its
 * table keeps no counts): reading and counting a text costs 0.05–0.1 ms, so
 * this bounds the ranking at 10–20 ms. A character in more reports than this
 * is a broad query, listed newest first as broad queries are.
 */
export const CHAR_RANK_LIMIT = 200;

/**
 * What reading one report's text to count a query in it costs, about (measured
 * here: 0.07 ms for the real corpus's 46 KB reports, 0.1 ms for the ×100
 * tier's 116 KB), against which a search weighs the pass over the index it
 * would otherwise run for bm25 (see rankByText).
 */
const TEXT_READ_MS = 0.1;

export interface SqliteOptions {
  /**
   * How matches are put in bm25's order: by bm25() over the index, by their
   * texts (rankByText), or (`auto`, the default) whichever costs less for the
   * query at hand. Both give the same order; tests pin one to check each.
   */
  readonly ranking?: 'auto' | 'index' | 'text';
}

/** The query where its matches can be ranked from the texts: one phrase, no whitespace (see gramMatch's `verbatim`). */
function textPhrase(m: { verbatim?: string }, query: string): string | undefined {
  return m.verbatim === undefined ? query.trim() : undefined;
}

export function openSqlite(file: string, options: SqliteOptions = {}): Engine {
  const ranking = options.ranking ?? 'auto';
  /** Whether ranking `n` matches by their texts beats spending `indexMs` on the index instead. */
  const textCheaper = (n: number, indexMs: number) => ranking === 'text' || (ranking === 'auto' && n * TEXT_READ_MS < indexMs);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // A deleted row's bytes are overwritten, not left in free space (see forgetHistory).
    raw.pragma('secure_delete = ON');
    // SQL's question of a text kept as UTF-16 bytes (document-text.ts), which instr would answer in bytes.
    raw.function('holds_text', { deterministic: true }, (text: unknown, q: unknown) => (holdsText(text as StoredText, String(q)) ? 1 : 0));
  } catch (e) {
    throw new StoreError(`cannot open SQLite database ${file}: ${(e as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statementCache(raw) }) });
  // The read cache asks for the change token once per read. Through kysely that costs tens of µs (compile,
  // the connection's queue); the same statement on the connection itself costs a few. It may go straight to
  // the connection only while no transaction is open on it: then every change made through it is committed
  // and the read sees the latest commit of any connection, just what kysely's read gives after waiting for
  // the transaction to end. Prepared once the table is known to exist (a read through kysely has found it).
  let counterNow: BetterSqlite3.Statement | undefined;
  return {
    name: 'sqlite',
    db,
    location: file,
    migrationLock: ['begin immediate'],
    async beginWrite(conn) {
      // Without SQLite's own wait, which would hold this whole process: writeTransaction waits between tries.
      raw.pragma('busy_timeout = 0');
      try {
        await sql`begin immediate`.execute(conn);
      } catch (e) {
        throw (e as { code?: string }).code === 'SQLITE_BUSY' ? new WriteLockBusy() : e;
      } finally {
        raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      }
    },
    types: { id: 'integer primary key autoincrement', blob: 'blob', real: 'real', bigint: 'integer' },
    searchIndexDdl: [`create virtual table doc_fts using fts5(body, content='', tokenize='unicode61 remove_diacritics 0')`],
    // Left unfilled: migration 22 drops it, and 27 indexes every stored document in the gram tables.
    trigramIndexDdl: [`create virtual table doc_tri using fts5(body, content='', tokenize='trigram')`],
    ownSteps: {
      async 15(conn) {
        // Once: the per-character index gave way to a gram index here; migration 22 builds the one now used.
        await sql`drop table doc_fts`.execute(conn);
      },
      async 20(conn) {
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
      async 22(conn) {
        // This step built one gram table, doc_gram; step 27, which always follows it, indexes every document
        // anew in the tables that replaced it. So only the indexes it replaced are left to drop here.
        await sql`drop table doc_tri`.execute(conn);
        await sql`drop table if exists doc_bi`.execute(conn);
      },
      async 27(conn) {
        // Which characters a document holds answers a one-character query exactly: no positions (detail=none).
        // Pairs keep them (detail=full, the default): phrases of pairs need them, and bm25 counts occurrences.
        await sql`create virtual table doc_char using fts5(chars, content='', detail=none, tokenize='unicode61 remove_diacritics 0')`.execute(conn);
        await sql`create virtual table doc_pair using fts5(pairs, content='', tokenize='unicode61 remove_diacritics 0')`.execute(conn);
        for await (const d of storedTexts(conn)) await insertGrams(conn, d.id, d.text);
        await sql`drop table if exists doc_gram`.execute(conn);
      },
      async 28(conn) {
        // Texts stored before are rewritten in the form new ones take (document-text.ts); the pages they
        // leave are reused by later imports, or given back by VACUUM.
        for await (const d of storedTexts(conn)) await conn.updateTable('documents').set({ text: utf16Bytes(d.text) }).where('id', '=', d.id).execute();
      },
      async 29(conn) {
        // FTS5 writes each transaction's terms as a new segment and merges segments a level up once a level
        // holds `automerge` of them (4 by default), so every level rewrites the whole index once. A national
        // archive stores in ~4,000 transactions: six levels at 4, three at 16. Queries then read more, smaller
        // segments; the bench's search figures at ×10 and ×100 show what that costs. Kept in each table's own
        // config, so it holds for every connection and process.
        for (const t of Object.values(GRAM_TABLE)) await sql`insert into ${sql.table(t)}(${sql.ref(t)}, rank) values ('automerge', ${sql.lit(GRAM_AUTOMERGE)})`.execute(conn);
      },
    },
    async changeToken() {
      if (counterNow && !raw.inTransaction) {
        try {
          return String(counterNow.get() ?? 0);
        } catch {
          // busy or closed: as below
        }
      }
      // Through kysely, so it waits for this process's open transaction (and never reads its uncommitted count).
      const row = await sql<{ n: number }>`select n from change_counter where id = 1`.execute(db);
      counterNow ??= raw.prepare('select n from change_counter where id = 1').pluck();
      return String(row.rows[0]?.n ?? 0);
    },
    textColumns(text) {
      // UTF-16 bytes (see document-text.ts); the gram tables index texts outside the documents table.
      return { text: utf16Bytes(text) };
    },
    async indexDocument(trx, documentId, text) {
      await insertGrams(trx, documentId, text);
    },
    async unindexDocument(trx, documentId, text) {
      // A contentless FTS5 table keeps no copy of the text: a row is deleted by repeating what was inserted.
      const g = gramColumns(text);
      await sql`insert into doc_char(doc_char, rowid, chars) values ('delete', ${documentId}, ${g.chars})`.execute(trx);
      await sql`insert into doc_pair(doc_pair, rowid, pairs) values ('delete', ${documentId}, ${g.pairs})`.execute(trx);
    },
    async matchDocuments(conn, query, limit) {
      const m = gramMatch(query);
      if (!m) return [];
      const t = sql.table(GRAM_TABLE[m.column]);
      // doc_char has no counts to rank by: its matches come in id order.
      const order = m.column === 'pairs' ? sql`f.rank` : sql`f.rowid`;
      const rows = m.verbatim
        ? await sql<{ id: number }>`select f.rowid as id from ${t} f join documents d on d.id = f.rowid where ${t} match ${m.match} and holds_text(d.text, ${m.verbatim}) order by ${order} limit ${limit}`.execute(conn)
        : await sql<{ id: number }>`select f.rowid as id from ${t} f where ${t} match ${m.match} order by ${order} limit ${limit}`.execute(conn);
      return rows.rows.map((r) => Number(r.id));
    },
    async searchPage(conn, query, filter, limit, offset) {
      const m = gramMatch(query);
      if (!m) return { ids: [], total: 0 };
      // A document row holds the text, so visiting rows to filter costs a page read each
      // (100 ms for 40k matches at ×100); the covering index answers the filter alone (10 ms).
      // SQLite's planner prefers the rowid look-up, hence the hint, which kysely cannot spell.
      // The FTS table is not in the typed schema: join through raw SQL, filter with the shared clause.
      const filtered = conn.withPlugin(filterIndexHint).selectFrom('documents as d').where(documentFilter(filter));
      // doc_char keeps no counts to rank by (see GRAM_TABLE): its matches are ranked from their texts only.
      const byIndex = m.column === 'pairs';
      const t = sql.table(GRAM_TABLE[m.column]);
      const base = filtered
        .innerJoin(sql<{ rowid: number; rank: number }>`(select rowid, ${byIndex ? sql`rank` : sql`0`} as rank from ${t} where ${t} match ${m.match})`.as('f'), (j) =>
          j.onRef(sql.ref('f.rowid'), '=', 'd.id'),
        )
        .$if(m.verbatim !== undefined, (qb) => qb.where(sql<SqlBool>`holds_text(d.text, ${m.verbatim})`));
      // Up to RANK_LIMIT matches (CHAR_RANK_LIMIT for one character) are ranked by relevance (bm25), broader lists are newest first
      // (as on PostgreSQL): bm25 over every match of a broad query costs more than the rest of it
      // (35–180 ms for 40k documents at ×100). bm25's first call also matches the query over the
      // whole index once (for its idf), which for a phrase costs as much as the search itself; a
      // few matches are ranked from their texts instead (rankByText: the same order), the pass
      // just timed telling what the index would cost.
      // When at most RANK_LIMIT documents pass the filter (a narrow filter, a small archive: a
      // count on the covering index that stops after RANK_LIMIT + 1 tells), the matches cannot be
      // more, so the first pass finds them all. Otherwise one pass gives the newest-first page and
      // the count (a window over all rows), and only a count of at most RANK_LIMIT is ranked.
      const phrase = ranking === 'index' && byIndex ? undefined : textPhrase(m, query);
      /** Whether `n` matches are ranked from their texts, the index's pass having cost `indexMs`. */
      const fromTexts = (n: number, indexMs: number) => !byIndex || textCheaper(n, indexMs);
      const rankedPage = async (total: number) => ({
        ids: (await base.select('d.id').orderBy(sql`f.rank`).orderBy('d.id').limit(limit).offset(offset).execute()).map((r) => Number(r.id)),
        total,
      });
      const textPage = async (found: number[], phrase: string) => ({
        ids: (await rankByText(conn, GRAM_TABLE.pairs, found, phrase)).slice(offset, offset + limit),
        total: found.length,
      });
      const rankLimit = byIndex ? RANK_LIMIT : CHAR_RANK_LIMIT;
      const passing = await sql<{ n: number }>`select count(*) as n from (${filtered.select(sql.lit(1).as('x')).limit(rankLimit + 1)})`.execute(conn);
      if (Number(passing.rows[0].n) <= rankLimit) {
        if (!phrase && byIndex) {
          const all = await base.select(['d.id', sql<number>`f.rank`.as('rank')]).limit(RANK_LIMIT + 1).execute();
          // More only if an import came between the count and this pass: then as below.
          if (all.length <= RANK_LIMIT) {
            all.sort((a, b) => a.rank - b.rank || Number(a.id) - Number(b.id));
            return { ids: all.slice(offset, offset + limit).map((r) => Number(r.id)), total: all.length };
          }
        } else if (phrase) {
          const t0 = performance.now();
          const found = (await base.select('d.id').limit(rankLimit + 1).execute()).map((r) => Number(r.id));
          const matchMs = performance.now() - t0;
          // bm25 would match twice more: for the idf, and for the ranks. More than the limit: as below.
          if (found.length <= rankLimit) return fromTexts(found.length, 2 * matchMs) ? textPage(found, phrase) : rankedPage(found.length);
        }
      }
      const t0 = performance.now();
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
      if (total > rankLimit || total === 0) return { ids: newest.map((r) => Number(r.id)), total };
      // Ranking from the texts needs every match's id, one more pass: worth it if the texts cost less than bm25's second.
      if (phrase && fromTexts(total, performance.now() - t0)) return textPage((await base.select('d.id').execute()).map((r) => Number(r.id)), phrase);
      return byIndex ? rankedPage(total) : { ids: newest.map((r) => Number(r.id)), total };
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
