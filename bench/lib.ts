/**
 * Small helpers shared by the benchmark groups: figures, percentiles, peak
 * memory, child processes. Nothing here asserts a timing; it only measures.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH_DIR, '..');
export const CORPUS = process.env.LUOSHI_BENCH_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
export const PG_URL = process.env.LUOSHI_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export function round(v: number, digits = 3): number {
  if (!Number.isFinite(v)) return v;
  const p = 10 ** digits;
  return Math.round(v * p) / p;
}

export function figure(name: string, value: number, unit: string, baseline: number | null = null, ratio: number | null = null): Figure {
  return { name, value: round(value), unit, baseline: baseline === null ? null : round(baseline), ratio: ratio === null ? null : round(ratio) };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

function procStatus(field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Peak resident set size of this process so far, in bytes (VmHWM). */
export function peakRss(): number {
  return procStatus('VmHWM');
}

/** Resets VmHWM to the current RSS (Linux: "5" to clear_refs); false where not allowed. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export const MB = 1e6;

/**
 * Runs a bench script in a child Node process (with tsx), passing `args` as
 * JSON (a string as it is: `@file` for arguments too long for a command line); returns the last stdout line parsed as JSON. Stderr passes through.
 */
export function runChild<T>(script: string, args: unknown): Promise<T> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, script), typeof args === 'string' ? args : JSON.stringify(args)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return fail(new Error(`${script} exited with ${code}: ${last.slice(0, 500)}`));
      try {
        ok(JSON.parse(last) as T);
      } catch (e) {
        fail(new Error(`${script}: cannot parse its output: ${last.slice(0, 500)}`));
      }
    });
  });
}

export function log(msg: string): void {
  process.stderr.write(`bench: ${msg}\n`);
}
