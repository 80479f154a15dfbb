/**
 * PostgreSQL via node-postgres, for teams sharing one database. Full text:
 * each document's array of gram keys (every character, adjacent pair and
 * adjacent triple; migrations 17 and 19) with a GIN index answers queries of
 * one to three characters exactly without reading text, and gives longer
 * queries the candidates (documents holding every triple) whose texts are
 * then searched. A pg_trgm GIN index answers LIKE '%…%' (search within parts).
 */
import { Kysely, PostgresDialect, sql, type SqlBool } from 'kysely';
import { documentFilter } from '../filters.js';
import pg from 'pg';
import { COUNTED_TABLES, storedTexts, type Engine } from '../engine.js';
import type { Database } from '../schema.js';
import { sharedRead } from '../shared-read.js';
import { gramKeysOf, gramNumber, gramsOf, queryGramKeys } from '../segment.js';

// Counts come back as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Stores a document's distinct grams (migration 17: see gramsOf) in its row, for the GIN index. */
async function setGrams(conn: Kysely<Database>, documentId: number, text: string): Promise<void> {
  const grams = new Set<number>();
  for (const g of gramsOf(text)) grams.add(gramNumber(g));
  await sql`update documents set grams = ${[...grams]}::bigint[] where id = ${documentId}`.execute(conn);
}

/** A document row's gram keys (from migration 19: characters, pairs and triples, see gramKeysOf): written with a new row, or into a stored one. */
function gramKeyColumn(text: string): { grams: string[] } {
  return { grams: [...gramKeysOf(text)] };
}

async function setGramKeys(conn: Kysely<Database>, documentId: number, text: string): Promise<void> {
  await conn.updateTable('documents').set(gramKeyColumn(text)).where('id', '=', documentId).execute();
}

/**
 * The change counter: one row raised once by each transaction that changed a
 * counted table. The trigger is deferred to commit, so the row lock is the
 * last one a transaction takes (no lock-order deadlock with the rows it
 * wrote) and is held only while it commits; counts follow commit order. A
 * per-row trigger that returns at once after the first row keeps an import
 * of thousands of facts at one update.
 */
async function changeCounter(conn: Kysely<Database>): Promise<void> {
  await sql`create table change_counter (id integer primary key, n bigint not null)`.execute(conn);
  await sql`insert into change_counter (id, n) values (1, 0)`.execute(conn);
  await sql.raw(`create function luoshi_count_change() returns trigger language plpgsql as $$
    begin
      if coalesce(current_setting('luoshi.counted', true), '') = '1' then return null; end if;
      perform set_config('luoshi.counted', '1', true);
      update change_counter set n = n + 1 where id = 1;
      return null;
    end $$`).execute(conn);
  for (const t of COUNTED_TABLES) {
    await sql.raw(`create constraint trigger ${t}_changed after insert or update or delete on ${t} deferrable initially deferred for each row execute function luoshi_count_change()`).execute(conn);
  }
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * The trigram index, its operator class named with the schema pg_trgm lives in. An extension lives in one
 * schema of a database, created in the first schema on the search path of whoever created it — for a
 * first import with `?schema=`, that import's own schema — and another schema's search path
 * (`schema,public`) does not reach it there.
 */
function trigramIndex(options: string): string {
  const home = `(select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm')`;
  return `do $$ begin execute format('create index documents_text_trgm on documents using gin (text %I.gin_trgm_ops)${options}', ${home}); end $$`;
}

/** `schema` keeps each test suite (or tenant) in its own namespace. */
export function openPostgres(url: string, options: { schema?: string } = {}): Engine {
  // `?schema=NAME` in the URL is ours, not a server parameter: take it out.
  const parsed = new URL(url);
  const fromUrl = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  url = parsed.toString();
  const schema = options.schema ?? fromUrl;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: 8, ...(schema ? { options: `-c search_path=${schema},public` } : {}) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    name: 'postgres',
    db,
    location: redactUrl(url),
    schema: schema ?? 'public',
    async beginWrite(conn) {
      await sql`begin`.execute(conn);
    },
    // One lock per schema: suites (or tenants) in other schemas migrate at the same time.
    migrationLock: ['begin', `select pg_advisory_xact_lock(hashtext('luoshi-migrate:' || current_schema()))`],
    types: { id: 'serial primary key', blob: 'bytea', real: 'double precision', bigint: 'bigint' },
    searchIndexDdl: ['create extension if not exists pg_trgm', trigramIndex('')],
    trigramIndexDdl: [],
    async unindexDocument() {
      // The trigram index follows the documents table by itself.
    },
    ownSteps: {
      async 17(conn) {
        await sql`alter table documents add column grams bigint[]`.execute(conn);
        for await (const d of storedTexts(conn)) await setGrams(conn, d.id, d.text);
        // Built after the fill: one sort instead of a GIN insert per row.
        await sql`create index documents_grams on documents using gin (grams)`.execute(conn);
        // Last: its deferred triggers would leave events pending on documents, and CREATE INDEX refuses a table with those.
        await changeCounter(conn);
      },
      async 19(conn) {
        // Both search indexes are built again after the rows are rewritten (one sort each instead of
        // an insert per row), without fast update: GIN's pending list, which every search reads in
        // full until a vacuum (or 4 MB more) merges it, held ~500 pages per index after an import
        // of a few hundred reports. Entries now go straight into each index.
        await sql`drop index documents_text_trgm`.execute(conn);
        await sql`drop index documents_grams`.execute(conn);
        // Snippets split the page's texts and longer queries re-check candidates: lz4 decompresses
        // several times faster than pglz. Servers built without lz4 keep pglz.
        const lz4 = (await sql<{ ok: boolean }>`select 'lz4' = any(enumvals) as ok from pg_settings where name = 'default_toast_compression'`.execute(conn)).rows[0]?.ok === true;
        if (lz4) await sql`alter table documents alter column text set compression lz4`.execute(conn);
        // Triples join the grams, so a query of three characters needs no text either; each stored
        // text is rewritten (text || '' is a new value, compressed the column's way).
        for await (const d of storedTexts(conn)) {
          await setGramKeys(conn, d.id, d.text);
          if (lz4) await sql`update documents set text = text || '' where id = ${d.id}`.execute(conn);
        }
        // The rewrites left change-counter events pending on documents, and CREATE INDEX refuses a
        // table with those: they fire now.
        await sql`set constraints all immediate`.execute(conn);
        await sql.raw(trigramIndex(' with (fastupdate = off)')).execute(conn);
        await sql`create index documents_grams on documents using gin (grams) with (fastupdate = off)`.execute(conn);
      },
    },
    // A round trip each: asks made while one is out share the next (see sharedRead).
    changeToken: sharedRead(async () => {
      const row = await sql<{ n: number }>`select n from change_counter where id = 1`.execute(db);
      return String(row.rows[0]?.n ?? 0);
    }),
    textColumns(text) {
      // Text, which the search reads in SQL (strpos); TOAST compresses it.
      return { text, ...gramKeyColumn(text) };
    },
    async indexDocument() {
      // Both indexes follow the documents table: the trigram index by itself, the gram index by the row's keys (textColumns).
    },
    async matchDocuments(conn, query, limit) {
      const pattern = '%' + query.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
      const rows = await sql<{ id: number }>`select id from documents where text like ${pattern} order by id limit ${limit}`.execute(conn);
      return rows.rows.map((r) => Number(r.id));
    },
    async searchPage(conn, query, filter, limit, offset) {
      const q = query.trim();
      const { keys, exact } = queryGramKeys(q);
      // One to three characters: the gram array's GIN index answers exactly (containment is not
      // lossy, so no row's text is read). Longer: the documents holding every triple of the query
      // are the candidates, and only their texts are searched (strpos: no index takes it).
      //
      // The planner does not count detoasting a row's gram array or text, nor does it estimate
      // containment in an array well (it guesses a handful of rows). Left to choose, it scans
      // documents by a filter's own index (the years, the level) and decompresses the gram array
      // of every row in range (35–75 ms for 54 of the corpus' reports), or scans them all when
      // unfiltered (0.8 s for 200 reports). So the order is fixed: the gram index finds the hits
      // (a materialized CTE, which the planner may not fold into the outer query) with only the
      // small columns a filter reads; the filter runs on those; texts are read last, one per
      // remaining hit (a correlated subquery is run per row, never turned into a join that could
      // read every text). Seq scans are off for this transaction so the CTE takes the index.
      return conn.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const base = trx
          .with(
            (cte) => cte('hits').materialized(),
            (db) => db.selectFrom('documents').where(sql<SqlBool>`grams @> ${keys}::bigint[]`).select(['id', 'report_year', 'level', 'jurisdiction']),
          )
          .selectFrom('hits as d')
          .where(documentFilter(filter))
          .$if(!exact, (qb) => qb.where(sql<SqlBool>`strpos((select t.text from documents t where t.id = d.id), ${q}) > 0`));
        // The page and the count in one pass: the candidates are found (and re-checked) once.
        const rows = await base.select(['d.id', sql<number>`count(*) over ()`.as('n')]).orderBy('d.report_year', 'desc').orderBy('d.id').limit(limit).offset(offset).execute();
        const total = rows.length ? Number(rows[0].n) : Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        return { ids: rows.map((r) => Number(r.id)), total };
      });
    },
    async forgetHistory(tables) {
      // Dead tuples keep their xmin and place until vacuumed; VACUUM cannot run inside a transaction.
      try {
        await sql`vacuum ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
      } catch (e) {
        process.stderr.write(`luoshi: vacuum ${tables.join(', ')} failed: ${(e as Error).message}\n`);
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
