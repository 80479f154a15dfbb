/**
 * Which database: `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise an
 * SQLite file given by --db, LUOSHI_DB, or the per-user data directory.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from './engine.js';
import { openPostgres } from './postgres/engine.js';
import { openRepository, type Repository } from './repository.js';
import { openSqlite } from './sqlite/engine.js';

export interface StoreOptions {
  /** SQLite file (or a postgres:// URL). */
  db?: string;
  env?: NodeJS.ProcessEnv;
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'luoshi', 'luoshi.db');
}

export function resolveStore(options: StoreOptions = {}): { kind: 'sqlite' | 'postgres'; target: string } {
  const env = options.env ?? process.env;
  const explicit = options.db ?? env.LUOSHI_DB;
  if (explicit && /^postgres(ql)?:\/\//.test(explicit)) return { kind: 'postgres', target: explicit };
  if (explicit) return { kind: 'sqlite', target: explicit };
  if (env.DATABASE_URL && /^postgres(ql)?:\/\//.test(env.DATABASE_URL)) return { kind: 'postgres', target: env.DATABASE_URL };
  return { kind: 'sqlite', target: defaultDbPath(env) };
}

export function openEngine(options: StoreOptions = {}): Engine {
  const { kind, target } = resolveStore(options);
  return kind === 'postgres' ? openPostgres(target) : openSqlite(target);
}

export async function openStore(options: StoreOptions = {}): Promise<Repository> {
  return openRepository(openEngine(options));
}
