/**
 * Brings a database to this Luoshi's schema with kysely's Migrator, over the
 * steps in steps.ts, all pending steps in one transaction that holds the
 * engine's migration lock (so two processes opening one database migrate one
 * after the other, and a killed migration leaves nothing half-done).
 *
 * schema_migrations, the first runner's record, is kept up to date beside
 * kysely's own table: databases it migrated (versions 1–8) are bridged by
 * marking those steps applied, and a Luoshi older than this one still sees
 * the newest version and refuses a schema newer than it knows.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Engine } from '../engine.js';
import { StoreError } from '../engine.js';
import type { Database } from '../schema.js';
import { SCHEMA_VERSION, STEPS, type Step } from './steps.js';

export { SCHEMA_VERSION };

/** kysely applies steps in name order: the zero-padded version keeps them in version order. */
export const stepName = (version: number) => String(version).padStart(4, '0');

const MIGRATION_TABLE = 'kysely_migration';

/** kysely's table, in the engine's schema (PostgreSQL: each suite or tenant its own). */
const migrationTable = (engine: Engine) => sql.table(engine.schema ? `${engine.schema}.${MIGRATION_TABLE}` : MIGRATION_TABLE);

function provider(engine: Engine): MigrationProvider {
  const migration = (s: Step): Migration => ({
    async up(db: Kysely<Database>) {
      await s.up(db, engine);
      await db.insertInto('schema_migrations').values({ version: s.version, name: s.name, applied_at: new Date().toISOString() }).execute();
    },
  });
  return { getMigrations: async () => Object.fromEntries(STEPS.map((s) => [stepName(s.version), migration(s)])) };
}

async function tableExists(db: Kysely<Database>, engine: Engine, name: string): Promise<boolean> {
  // The introspector lists every schema's tables: only the engine's own counts.
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.some((t) => t.name === name && (!engine.schema || t.schema === engine.schema));
}

/**
 * Refuses a database a newer Luoshi migrated, and marks the steps the first
 * runner applied as applied for kysely's Migrator. Returns the database's
 * schema version (0 for a new one).
 */
async function bridge(db: Kysely<Database>, engine: Engine): Promise<number> {
  await sql`create table if not exists schema_migrations (version integer primary key, name text not null, applied_at text not null)`.execute(db);
  const legacy = await db.selectFrom('schema_migrations').select(['version', 'applied_at']).orderBy('version').execute();
  const newest = Math.max(0, ...legacy.map((r) => Number(r.version)));
  const known = new Set(STEPS.map((s) => stepName(s.version)));
  const kyselyNames = (await tableExists(db, engine, MIGRATION_TABLE))
    ? (await sql<{ name: string }>`select name from ${migrationTable(engine)}`.execute(db)).rows.map((r) => r.name)
    : [];
  const unknown = kyselyNames.find((n) => !known.has(n));
  if (newest > SCHEMA_VERSION || unknown) {
    const theirs = unknown ? `step ${unknown}` : `version ${newest}`;
    throw new StoreError(`database ${engine.location} has schema ${theirs}, newer than this Luoshi (${SCHEMA_VERSION}); upgrade Luoshi`);
  }
  const missing = legacy.filter((r) => !kyselyNames.includes(stepName(Number(r.version))));
  if (missing.length === 0) return newest;
  // The same table kysely makes, so its Migrator finds it in place.
  await sql`create table if not exists ${migrationTable(engine)} (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(db);
  for (const r of missing) {
    await sql`insert into ${migrationTable(engine)} (name, timestamp) values (${stepName(Number(r.version))}, ${r.applied_at})`.execute(db);
  }
  return newest;
}

/** Applies pending steps; returns the versions applied. */
export async function migrate(engine: Engine): Promise<number[]> {
  return engine.db.connection().execute(async (conn) => {
    for (const stmt of engine.migrationLock) await sql.raw(stmt).execute(conn);
    try {
      const current = await bridge(conn, engine);
      // An upgrade may rebuild an index over every stored text (step 27 on SQLite: minutes for a national
      // archive), with nothing else to show for it: say so before the wait, not after.
      if (current > 0 && current < SCHEMA_VERSION) {
        process.stderr.write(`luoshi: upgrading ${engine.location} from schema ${current} to ${SCHEMA_VERSION}; on a large archive this may take minutes\n`);
      }
      // The transaction is ours (opened above with the lock), so the Migrator must not open another.
      const result = await new Migrator({ db: conn, provider: provider(engine), disableTransactions: true, migrationTableSchema: engine.schema }).migrateToLatest();
      if (result.error) {
        const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
        throw new StoreError(`cannot migrate database ${engine.location}${failed ? ` (step ${failed})` : ''}: ${(result.error as Error).message ?? String(result.error)}`);
      }
      await sql`commit`.execute(conn);
      return (result.results ?? []).map((r) => Number(r.migrationName));
    } catch (e) {
      await sql`rollback`.execute(conn);
      throw e;
    }
  });
}
