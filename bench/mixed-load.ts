/**
 * Closed-loop mixed read/write load, run as its own process: `clients`
 * browsers, each sending its next request as soon as the last is answered,
 * for `seconds`. Each step is one of
 *   read      a public read (reports, search, targets, a document) or a signed-in ledger read
 *   edit      read a task, then PUT it at the version read (409 when another client changed it
 *             in between: the expected answer to a stale version, counted apart from errors)
 *   progress  a progress report on a task
 *   vote      a 票决 ballot cast with a voting code not used before
 * Errors: connection errors, no answer within 10 s, and any other status than
 * the one expected (a 409 on an edit excepted). Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Browser } from './http.js';
import { percentile } from './lib.js';
import { Wire } from './wire.js';

export interface MixedArgs {
  base: string;
  clients: number;
  seconds: number;
  /** Cookies of signed-in sessions; client i uses session i mod n. */
  sessions: [string, string][][];
  tasks: number[];
  roundId: number;
  candidateIds: number[];
  codes: string[];
  readPaths: string[];
  /** Weights of read, edit, progress, vote. */
  mix: [number, number, number, number];
}

export const KINDS = ['read', 'edit', 'progress', 'vote'] as const;
type Kind = (typeof KINDS)[number];

export interface KindStats { requests: number; ok: number; conflicts: number; errors: number; p50: number; p95: number; p99: number; max: number }
export interface MixedResult {
  seconds: number;
  requests: number;
  rate: number;
  errors: number;
  conflicts: number;
  p50: number; p95: number; p99: number; max: number;
  kinds: Record<Kind, KindStats>;
  status: Record<string, number>;
  errorSamples: string[];
  codesLeft: number;
  /** CPU seconds (user + system) this load generator spent: it shares the cores with the servers. */
  clientCpu: number;
  /** Per read path: how many, p50 and p95 ms (the slow ones are what to look at). */
  readPaths: Record<string, { requests: number; p50: number; p95: number }>;
}

// Run as a script (bench/api.ts imports the types and KINDS only).
if (/mixed-load\.ts$/.test(process.argv[1] ?? '')) {
  // Thousands of voting codes do not fit in an argument: `@file` names a JSON file instead.
  const arg = process.argv[2];
  const a = JSON.parse(arg.startsWith('@') ? readFileSync(arg.slice(1), 'utf8') : arg) as MixedArgs;
  const base = new URL(a.base);
  if (!['127.0.0.1', 'localhost'].includes(base.hostname)) throw new Error('mixed-load: only loopback addresses');
  const lat: Record<Kind, number[]> = { read: [], edit: [], progress: [], vote: [] };
  const byPath = new Map<string, number[]>();
  const cpu0 = process.cpuUsage();
  const count: Record<Kind, { ok: number; conflicts: number; errors: number }> = { read: { ok: 0, conflicts: 0, errors: 0 }, edit: { ok: 0, conflicts: 0, errors: 0 }, progress: { ok: 0, conflicts: 0, errors: 0 }, vote: { ok: 0, conflicts: 0, errors: 0 } };
  const status: Record<string, number> = {};
  const errorSamples: string[] = [];
  let nextCode = 0;
  const wires: Wire[] = [];
  const total = a.mix.reduce((s, w) => s + w, 0);

  /** One request, timed and counted under `kind`; the answer, or undefined after an error. */
  async function timed(kind: Kind, b: Browser, method: 'GET' | 'POST' | 'PUT', path: string, expected: number, json?: unknown): Promise<{ status: number; text: string } | undefined> {
    const t0 = performance.now();
    try {
      const r = await b.send(method, path, json);
      const ms = performance.now() - t0;
      lat[kind].push(ms);
      if (kind === 'read') {
        const key = path.replace(/\/\d+(?=[/.?]|$)/g, '/N');
        let xs = byPath.get(key);
        if (!xs) byPath.set(key, (xs = []));
        xs.push(ms);
      }
      status[r.status] = (status[r.status] ?? 0) + 1;
      if (r.status === expected) count[kind].ok++;
      else if (r.status === 409 && kind === 'edit') count[kind].conflicts++;
      else {
        count[kind].errors++;
        if (errorSamples.length < 20) errorSamples.push(`${method} ${path} → ${r.status} ${r.text.slice(0, 200)}`);
        return undefined;
      }
      return r;
    } catch (e) {
      lat[kind].push(performance.now() - t0);
      count[kind].errors++;
      status.error = (status.error ?? 0) + 1;
      if (errorSamples.length < 20) errorSamples.push(`${method} ${path} → ${(e as Error).message} (sent at ${((t0 - start) / 1000).toFixed(1)} s)`);
      return undefined;
    }
  }

  async function client(i: number, until: number): Promise<void> {
    const wire = new Wire(base.hostname, Number(base.port || 80));
    wires.push(wire);
    const b = new Browser(base, wire, `10.${100 + (i >> 8)}.${i & 255}.${1 + (i % 250)}`);
    for (const [k, v] of a.sessions[i % a.sessions.length]) b.cookies.set(k, v);
    let n = i;
    while (performance.now() < until) {
      n++;
      let pick = ((n * 7919 + i * 104729) % 1000) / 1000 * total;
      let kind: Kind = 'read';
      for (let k = 0; k < KINDS.length; k++) {
        if (pick < a.mix[k]) { kind = KINDS[k]; break; }
        pick -= a.mix[k];
      }
      if (kind === 'vote' && nextCode >= a.codes.length) kind = 'read';
      const task = a.tasks[(n * 31 + i) % a.tasks.length];
      if (kind === 'read') await timed('read', b, 'GET', a.readPaths[(n * 13 + i) % a.readPaths.length], 200);
      else if (kind === 'edit') {
        const got = await timed('read', b, 'GET', `/api/ledger/tasks/${task}`, 200);
        if (got) {
          const version = (JSON.parse(got.text) as { task: { version: number } }).task.version;
          await timed('edit', b, 'PUT', `/api/ledger/tasks/${task}`, 200, { version, internal_note: `压测修改 ${i}-${n}` });
        }
      } else if (kind === 'progress') {
        await timed('progress', b, 'POST', `/api/ledger/tasks/${task}/progress`, 201, { report_date: '2026-06-30', narrative: `第${i}号客户端第${n}次报送进展`, figure: n % 100 });
      } else {
        const code = a.codes[nextCode++];
        await timed('vote', b, 'POST', `/api/votes/rounds/${a.roundId}/ballots`, 201, { code, choices: [a.candidateIds[n % a.candidateIds.length]] });
      }
    }
  }

  const start = performance.now();
  const until = start + a.seconds * 1000;
  await Promise.all(Array.from({ length: a.clients }, (_, i) => client(i, until)));
  const seconds = (performance.now() - start) / 1000;
  for (const w of wires) w.close();
  const stats = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99), max: xs.reduce((m, x) => Math.max(m, x), xs.length ? -Infinity : NaN) });
  const all = KINDS.flatMap((k) => lat[k]);
  const kinds = Object.fromEntries(KINDS.map((k) => [k, { requests: lat[k].length, ...count[k], ...stats(lat[k]) }])) as Record<Kind, KindStats>;
  const out: MixedResult = {
    seconds, requests: all.length, rate: all.length / seconds,
    errors: KINDS.reduce((s, k) => s + count[k].errors, 0), conflicts: count.edit.conflicts,
    ...stats(all), kinds, status, errorSamples, codesLeft: a.codes.length - nextCode,
    clientCpu: ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(cpu0)),
    readPaths: Object.fromEntries([...byPath].map(([k, xs]) => [k, { requests: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95) }])),
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}
