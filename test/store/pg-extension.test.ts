/**
 * PostgreSQL keeps an extension in one schema of a database: the schema first
 * on the search path of whoever created it. Tenants of one database each have
 * a schema of their own (`?schema=`), and each must be able to build its
 * trigram index wherever pg_trgm ended up. Runs in a database of its own, so
 * where pg_trgm lives there is the test's to decide.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/store/postgres/engine.js';
import { openRepository } from '../../src/store/repository.js';
import { newFile } from '../../src/import/index.js';
import { isFailure, processBytes } from '../../src/pipeline.js';
import { makeReport, PG_URL, STORES } from './stores.js';

const database = `luoshi_ext_${process.pid}_${randomBytes(3).toString('hex')}`;
const url = new URL(PG_URL);
url.pathname = `/${database}`;
const admin = () => new pg.Client({ connectionString: PG_URL });

describe.runIf(STORES.includes('postgres'))('schemas of one PostgreSQL database', () => {
  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`create database ${database}`);
    await c.end();
  });
  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`drop database if exists ${database} with (force)`);
    await c.end();
  });

  it('each open a store and search it, whichever schema pg_trgm was created in', async () => {
    // The first tenant creates pg_trgm itself: it lands in that tenant's schema.
    for (const schema of ['first', 'second', 'third']) {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      await c.query(`create schema ${schema}`);
      await c.end();
      const repo = await openRepository(openPostgres(url.toString(), { schema }));
      try {
        const r = await processBytes('a.txt', Buffer.from(makeReport(3)));
        if (isFailure(r)) throw new Error(r.error);
        await repo.storeFile(newFile(r), null);
        const found = await repo.search({ q: '高标准农田', limit: 5 });
        expect(found.total, schema).toBe(1);
      } finally {
        await repo.close();
      }
    }
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    const home = await c.query(`select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`);
    const indexes = await c.query(`select schemaname from pg_indexes where indexname = 'documents_text_trgm' order by schemaname`);
    await c.end();
    expect(home.rows.map((r) => r.nspname)).toEqual(['first']);
    expect(indexes.rows.map((r) => r.schemaname)).toEqual(['first', 'second', 'third']);
  });
});
