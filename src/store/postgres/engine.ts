/**
 * PostgreSQL via node-postgres, for teams sharing one database. Full text:
 * a pg_trgm GIN index on the document text answers LIKE '%…%' for queries of
 * three characters and more; shorter ones fall back to a scan, which is
 * still exact.
 */
import { Kysely, PostgresDialect, sql, type SqlBool } from 'kysely';
import { documentFilter, escapeLike } from '../filters.js';
import pg from 'pg';
import type { Engine } from '../engine.js';
import type { Database } from '../schema.js';

// Counts come back as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
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
    writeBegin: 'begin',
    // One lock per schema: suites (or tenants) in other schemas migrate at the same time.
    migrationLock: ['begin', `select pg_advisory_xact_lock(hashtext('luoshi-migrate:' || current_schema()))`],
    types: { id: 'serial primary key', blob: 'bytea', real: 'double precision', bigint: 'bigint' },
    searchIndexDdl: ['create extension if not exists pg_trgm', 'create index documents_text_trgm on documents using gin (text gin_trgm_ops)'],
    trigramIndexDdl: [],
    async unindexDocument() {
      // The trigram index follows the documents table by itself.
    },
    async indexDocument() {
      // The trigram index follows the documents table by itself.
    },
    async matchDocuments(conn, query, limit) {
      const pattern = '%' + query.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
      const rows = await sql<{ id: number }>`select id from documents where text like ${pattern} order by id limit ${limit}`.execute(conn);
      return rows.rows.map((r) => Number(r.id));
    },
    async searchPage(conn, query, filter, limit, offset) {
      const pattern = '%' + escapeLike(query) + '%';
      const base = conn.selectFrom('documents as d').where(sql<SqlBool>`d.text like ${pattern} escape '\\'`).where(documentFilter(filter));
      const [rows, count] = await Promise.all([
        base.select('d.id').orderBy('d.report_year', 'desc').orderBy('d.id').limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { ids: rows.map((r) => Number(r.id)), total: Number(count.n) };
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
