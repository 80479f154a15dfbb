/**
 * The API under load (issue 18), against real `luoshi serve` processes:
 *
 * - `steps`: the real corpus in SQLite (or PostgreSQL) behind `luoshi serve
 *   --workers N`; mixed reads at each offered rate in turn (open loop,
 *   bench/load.ts), errors and latency per step.
 * - `mixed`: on each engine, `clients` browsers in a closed loop of reads,
 *   ledger task edits at the version read, progress reports and 票决 ballots
 *   (bench/mixed-load.ts) while `luoshi import` stores another quarter of
 *   the corpus into the same database (a quarter is stored before).
 *
 * Set-up goes through the CLI and the API as a user's would: `luoshi import`,
 * an administrator made in the store (as `luoshi admin create` does), then
 * sign-in, accounts, a unit, tasks assigned to it, a vote session with its
 * roster's codes and an open round — all over HTTP with the CSRF header.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createAdmin } from '../src/accounts/admin.js';
import { expandPaths } from '../src/cli/files.js';
import { openStore } from '../src/store/open.js';
import { Browser } from './http.js';
import { CORPUS, PG_URL, ROOT, figure, log, runChild, type Figure } from './lib.js';
import { KINDS, type MixedArgs, type MixedResult } from './mixed-load.js';

const BIN = join(ROOT, 'bin', 'luoshi.js');
const PASSWORD = 'Bench-pass-1!';
export type EngineName = 'sqlite' | 'postgres';

export interface ApiOptions {
  steps: number[];
  stepSeconds: number;
  workers: number;
  engines: EngineName[];
  clients: number;
  seconds: number;
  /** Whether `luoshi import` runs beside the mixed load (off only to compare). */
  importBeside: boolean;
  /** The Accept-Encoding of the stepped reads (BROWSER_ENCODING by default). */
  encoding: string;
}

/** What browsers (and most HTTP clients) send: a public portal's readers take answers compressed. */
export const BROWSER_ENCODING = 'gzip, deflate, br';

/** A fresh database: an SQLite file in a temp folder, or a PostgreSQL schema of its own; dropped by `dispose`. */
async function freshDatabase(engine: EngineName): Promise<{ db: string; dispose(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-bench-api-'));
    return { db: join(dir, 'luoshi.db'), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `luoshi_bench_api_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query('create extension if not exists pg_trgm');
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  return {
    db: url.toString(),
    dispose: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** Runs `luoshi ARGS`; resolves with its exit code and time (never rejects on a non-zero exit). */
function luoshi(args: string[]): Promise<{ code: number | null; seconds: number; stderr: string }> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-4000)));
    child.on('error', fail);
    child.on('close', (code) => ok({ code, seconds: (performance.now() - t0) / 1000, stderr }));
  });
}

interface Served { base: string; stop(): Promise<void>; restarts(): number; stderr(): string }

/** `luoshi serve --workers N` on 127.0.0.1 (any free port), trusting one proxy hop for the clients' addresses. */
function serve(db: string, workers: number): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', db, '--workers', String(workers), '--trust-proxy', '1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  let exited = false;
  child.on('exit', () => (exited = true));
  return new Promise((ok, fail) => {
    // Slow on a loaded machine: every worker compiles the sources (tsx) before it listens.
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      fail(new Error(`luoshi serve did not start: ${err}`));
    }, 600_000);
    let started = 0;
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString('utf8');
      const ports = [...err.matchAll(/serving .* on http:\/\/[^:]+:(\d+)/g)].map((m) => m[1]);
      // Every worker listening: node:cluster hands connections to all of them.
      if (ports.length >= workers && !started) {
        started = 1;
        clearTimeout(timer);
        ok({
          base: `http://127.0.0.1:${ports[0]}`,
          restarts: () => (err.match(/exited \(/g) ?? []).length,
          stderr: () => err,
          stop: async () => {
            if (exited) return;
            const gone = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            await gone;
          },
        });
      }
    });
    child.on('exit', (code) => fail(new Error(`luoshi serve exited with ${code}: ${err}`)));
  });
}

async function corpusFiles(): Promise<string[]> {
  return (await expandPaths([CORPUS])).sort();
}

/** Public reads of the real corpus, mixed: lists, searches, targets, documents, the health check. */
async function readPaths(b: Browser): Promise<string[]> {
  const ids = (await b.expect(200, 'GET', '/api/reports.json?_limit=40')).items.map((d: { id: number }) => d.id) as number[];
  const q = (s: string) => encodeURIComponent(s);
  return [
    '/api/reports.json', '/api/reports.json?level=prefecture&_limit=20', `/api/search.json?q=${q('农田')}`, `/api/search.json?q=${q('高标准农田建设')}`,
    '/api/targets.json?indicator=gdp', `/api/search.json?q=${q('就业')}&year_from=2015`, '/api/targets.json?indicator=gdp&year=2023', '/-/health',
    ...ids.slice(0, 8).map((id) => `/api/documents/${id}.json`),
  ];
}

// --- stepped load of mixed reads ---------------------------------------------------

interface LoadResult { sent: number; completed: number; errors: number; non2xx: number; unfinished: number; achievedRate: number; p50: number; p95: number; p99: number; max: number }

export async function apiSteps(o: ApiOptions, emit: (f: Figure) => void): Promise<void> {
  for (const engine of o.engines) {
    const database = await freshDatabase(engine);
    let server: Served | undefined;
    try {
      log(`api steps (${engine}): luoshi import of the real corpus`);
      const imp = await luoshi(['import', '--db', database.db, ...(await corpusFiles())]);
      log(`api steps (${engine}): import took ${imp.seconds.toFixed(0)} s (exit ${imp.code})`);
      server = await serve(database.db, o.workers);
      const agent = new http.Agent({ keepAlive: true });
      const paths = await readPaths(new Browser(new URL(server.base), agent, '127.0.0.1'));
      agent.destroy();
      const mixed = Array.from({ length: 64 }, (_, i) => paths[(i * 5) % paths.length]);
      // Warm-up: every path through every worker once or twice (read caches, prepared statements).
      const headers = { 'accept-encoding': o.encoding };
      await runChild<LoadResult>('load.ts', { base: server.base, paths: mixed, rate: 100, seconds: 3, headers });
      for (const rate of o.steps) {
        log(`api steps (${engine}): ${rate} req/s of mixed reads for ${o.stepSeconds} s, ${o.workers} server process(es)`);
        const r = await runChild<LoadResult>('load.ts', { base: server.base, paths: mixed, rate, seconds: o.stepSeconds, sockets: 256, headers });
        const n = `api.${engine}.workers_${o.workers}${o.encoding === BROWSER_ENCODING ? '' : `.encoding_${o.encoding.replace(/[^a-z0-9]+/gi, '_')}`}.step_${rate}`;
        emit(figure(`${n}.offered`, rate, 'req/s'));
        emit(figure(`${n}.rate_answered`, r.achievedRate, 'req/s', rate, r.achievedRate / rate));
        emit(figure(`${n}.requests`, r.sent, 'req'));
        emit(figure(`${n}.errors`, r.errors + r.unfinished, 'req'));
        emit(figure(`${n}.non2xx`, r.non2xx, 'req'));
        emit(figure(`${n}.latency.p50`, r.p50, 'ms'));
        emit(figure(`${n}.latency.p95`, r.p95, 'ms'));
        emit(figure(`${n}.latency.p99`, r.p99, 'ms'));
      }
      emit(figure(`api.${engine}.workers_${o.workers}.server_restarts`, server.restarts(), 'processes'));
    } finally {
      await server?.stop();
      await database.dispose();
    }
  }
}

// --- mixed reads and writes beside an import ----------------------------------------

/** Accounts, a unit, tasks assigned to it and an open vote round with its roster's codes, over HTTP. */
async function setUpWorld(base: string, deputies: number): Promise<Omit<MixedArgs, 'base' | 'clients' | 'seconds' | 'mix'>> {
  const agent = new http.Agent({ keepAlive: true });
  const url = new URL(base);
  const root = new Browser(url, agent, '10.0.0.1');
  root.timeoutMs = 300_000;
  await root.login('root', PASSWORD);
  const unit = (await root.expect(201, 'POST', '/api/ledger/units', { name: '压测牵头单位', parent_id: null })).unit.id as number;
  const sessions: [string, string][][] = [[...root.cookies]];
  for (let i = 1; i <= 3; i++) {
    await root.expect(201, 'POST', '/api/ledger/accounts', { name: `clerk${i}`, password: PASSWORD, role: 'supervisor', unit_id: null });
    const b = new Browser(url, agent, `10.0.0.${1 + i}`);
    b.timeoutMs = 300_000;
    await b.login(`clerk${i}`, PASSWORD);
    sessions.push([...b.cookies]);
  }
  const tasks: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = (await root.expect(201, 'POST', '/api/ledger/tasks', { jurisdiction: '压测市', year: 2026, title: `压测重点任务${i + 1}：完成年度建设目标`, deadline_phrase: '年底前' })).task;
    const v = (await root.expect(200, 'PUT', `/api/ledger/tasks/${t.id}`, { version: t.version, lead_unit_id: unit })).task.version;
    await root.expect(200, 'POST', `/api/ledger/tasks/${t.id}/actions/assign`, { version: v });
    tasks.push(t.id);
  }
  const s = (await root.expect(201, 'POST', '/api/votes/sessions', { jurisdiction: '压测市', year: 2026, title: '压测民生实事票决', seats: 3 })).session.id as number;
  const candidateIds = (await root.expect(201, 'POST', `/api/votes/sessions/${s}/candidates`, { items: Array.from({ length: 8 }, (_, i) => ({ title: `民生实事候选项目${i + 1}` })) })).items.map((c: { id: number }) => c.id) as number[];
  const codes: string[] = [];
  for (let left = deputies; left > 0; left -= 5000) {
    const items = Array.from({ length: Math.min(5000, left) }, (_, i) => ({ name: `代表${deputies - left + i + 1}`, delegation: `第${(i % 6) + 1}代表团` }));
    codes.push(...(await root.expect(201, 'POST', `/api/votes/sessions/${s}/deputies`, { items })).items.map((d: { code: string }) => d.code));
  }
  const roundId = (await root.expect(201, 'POST', `/api/votes/sessions/${s}/rounds`, {})).round.id as number;
  const readPathsList = [...(await readPaths(root)), '/api/ledger/tasks?_limit=20', `/api/ledger/tasks/${tasks[0]}`, '/api/public/votes/sessions'];
  agent.destroy();
  return { sessions, tasks, roundId, candidateIds, codes, readPaths: readPathsList };
}

export async function mixedLoad(o: ApiOptions, emit: (f: Figure) => void): Promise<void> {
  const files = await corpusFiles();
  // A quarter stored before the load, the next quarter imported beside it (the rest is left out: time).
  const quarter = files.length >> 2;
  for (const engine of o.engines) {
    const database = await freshDatabase(engine);
    let server: Served | undefined;
    try {
      log(`mixed (${engine}): luoshi import of a quarter of the corpus (${quarter} files) before the load`);
      const pre = await luoshi(['import', '--db', database.db, ...files.slice(0, quarter)]);
      log(`mixed (${engine}): took ${pre.seconds.toFixed(0)} s (exit ${pre.code})`);
      const repo = await openStore({ db: database.db });
      await createAdmin(repo, 'root', PASSWORD);
      await repo.close();
      server = await serve(database.db, o.workers);
      const world = await setUpWorld(server.base, Math.max(500, o.clients * o.seconds));
      log(`mixed (${engine}): ${o.clients} clients for ${o.seconds} s (reads, task edits, progress reports, ballots), ${o.workers} server process(es), ${o.importBeside ? `luoshi import of ${quarter} more files beside` : 'no import beside'}`);
      const beside = o.importBeside ? luoshi(['import', '--db', database.db, ...files.slice(quarter, 2 * quarter)]) : Promise.resolve({ code: null, seconds: 0, stderr: '' });
      const args: MixedArgs = { base: server.base, clients: o.clients, seconds: o.seconds, mix: [60, 15, 15, 10], ...world };
      const argsFile = join(tmpdir(), `luoshi-bench-mixed-${process.pid}.json`);
      writeFileSync(argsFile, JSON.stringify(args));
      const r = await runChild<MixedResult>('mixed-load.ts', '@' + argsFile).finally(() => rmSync(argsFile, { force: true }));
      const imp = await beside;
      const n = `mixed.${engine}.clients_${o.clients}${o.importBeside ? '' : '.no_import'}`;
      emit(figure(`${n}.requests`, r.requests, 'req'));
      emit(figure(`${n}.rate`, r.rate, 'req/s'));
      emit(figure(`${n}.errors`, r.errors, 'req'));
      emit(figure(`${n}.stale_409`, r.conflicts, 'req'));
      emit(figure(`${n}.latency.p50`, r.p50, 'ms'));
      emit(figure(`${n}.latency.p95`, r.p95, 'ms'));
      emit(figure(`${n}.latency.p99`, r.p99, 'ms'));
      for (const k of KINDS) {
        const s = r.kinds[k];
        emit(figure(`${n}.${k}.requests`, s.requests, 'req'));
        emit(figure(`${n}.${k}.errors`, s.errors, 'req'));
        emit(figure(`${n}.${k}.p50`, s.p50, 'ms'));
        emit(figure(`${n}.${k}.p95`, s.p95, 'ms'));
        emit(figure(`${n}.${k}.p99`, s.p99, 'ms'));
      }
      if (o.importBeside) {
        emit(figure(`${n}.import_beside.time`, imp.seconds, 's'));
        emit(figure(`${n}.import_beside.exit_code`, imp.code ?? -1, 'code'));
      }
      emit(figure(`${n}.server_restarts`, server.restarts(), 'processes'));
      emit(figure(`${n}.client_cpu`, r.clientCpu, 's'));
      log(`mixed (${engine}) reads by path (requests, p50 / p95 ms):\n  ${Object.entries(r.readPaths).sort((x, y) => y[1].p95 - x[1].p95).map(([p, s]) => `${p}  ${s.requests}  ${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}`).join('\n  ')}`);
      if (r.errorSamples.length) log(`mixed (${engine}) errors, first ones:\n  ${r.errorSamples.join('\n  ')}`);
      log(`mixed (${engine}) statuses: ${JSON.stringify(r.status)}; import beside: exit ${imp.code}, ${imp.seconds.toFixed(0)} s${imp.code ? `\n${imp.stderr.slice(-1000)}` : ''}`);
      if (server.restarts()) log(`mixed (${engine}) server stderr:\n${server.stderr().slice(-3000)}`);
    } finally {
      await server?.stop();
      await database.dispose();
    }
  }
}
