/**
 * The real command line in a child process (`node bin/luoshi.js …`), as a
 * user or a script meets it: exit code, stdout, stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve(__dirname, '../../bin/luoshi.js');
export const SEEDS = resolve(__dirname, '../../../shared/seeds');
/** The 四平市 report given in 2023 (promises for 2023) and the one given in 2024 (its review). */
export const PLAN_2023 = join(SEEDS, '000_a1392cf4c794e201.txt');
export const REVIEW_2024 = join(SEEDS, '004_7053f82eff3fb455.txt');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly stdin?: string | Uint8Array;
  /** Added to an environment with an English locale and no database of the user's. */
  readonly env?: Record<string, string>;
}

/** A fresh folder for a test's database and files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'luoshi-cli-'));
}

export function luoshi(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(LANG|LANGUAGE|LC_\w+|LUOSHI_\w+|DATABASE_URL)$/.test(k)) env[k] = v;
  // A database nobody uses, so a test that forgets --db never touches the user's.
  env.LUOSHI_DB = join(tempDir(), 'default.db');
  Object.assign(env, { LANG: 'C.UTF-8' }, options.env);
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.on('error', () => {}); // a command that never reads its input closes it early
  child.stdin.end(options.stdin ?? '');
  return new Promise((ok, fail) => {
    child.on('error', fail);
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
}

/** Every object key in a JSON value, at any depth. */
export function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}
