/**
 * npm run bench                      all default groups (throughput, import, scale ×1 ×10, search + API load)
 * npm run bench -- --only NAME       one group: throughput | import | scale | search
 * npm run bench -- --only scale --scale 100   the ×100 tier (long; figures in bench/README.md); --engines postgres for PostgreSQL
 * npm run bench -- --only api --steps 1000,2000,5000,10000 --workers 2   stepped load of mixed reads (luoshi serve --workers N)
 * npm run bench -- --only mixed [--clients 200] [--seconds 60] [--engines sqlite,postgres]   reads + ledger edits,
 *          progress reports and ballots from closed-loop clients while `luoshi import` runs beside (bench/api.ts)
 * options: --runs N (throughput repetitions, default 3), --rate R and --seconds S (API load, default 500/s for 10 s;
 *          the mixed group's length, default 60 s), --keep DIR (keep each scale tier's SQLite database in DIR/x<factor>/
 *          for bench/measure-db.ts), --step-seconds S (each step of the api group, default 10), --workers N (server
 *          processes for api and mixed, default 2), --engines (api and scale: sqlite; mixed: sqlite,postgres), --no-import (mixed
 *          without the import beside, to compare), --encoding E (the Accept-Encoding the read loads send, default
 *          `gzip, deflate, br` as browsers do; `identity` asks for answers uncompressed)
 *
 * Prints one JSON line per figure ({name, value, unit, baseline, ratio}) on
 * stdout as it is measured, then a table. Progress goes to stderr.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import mammoth from 'mammoth';
import { Converter } from 'opencc-js';
import { expandPaths } from '../src/cli/files.js';
import { decodeBytes } from '../src/ingest/decode.js';
import { isFailure, processBytes, type FileResult } from '../src/pipeline.js';
import { openRepository } from '../src/store/repository.js';
import { openSqlite } from '../src/store/sqlite/engine.js';
import { startServer } from '../src/server/serve.js';
import { apiSteps, BROWSER_ENCODING, mixedLoad, type EngineName } from './api.js';
import { buildPool } from './generate.js';
import { CORPUS, MB, figure, log, median, runChild, type Figure } from './lib.js';
import type { SearchStats } from './search.js';
import type { WorkerArgs, WorkerResult } from './worker.js';

const GROUPS = ['throughput', 'import', 'scale', 'search', 'api', 'mixed'] as const;
type Group = (typeof GROUPS)[number];
/** Run only when asked for with --only: they start servers and hold load for minutes. */
const ON_REQUEST: readonly Group[] = ['api', 'mixed'];

function parseArgs(argv: string[]) {
  const opts = {
    only: undefined as Group | undefined, scale: [1, 10], runs: 3, rate: 500, seconds: undefined as number | undefined, keep: undefined as string | undefined,
    steps: [1000, 2000, 5000, 10000], stepSeconds: 10, workers: 2, engines: undefined as EngineName[] | undefined, clients: 200, importBeside: true,
    encoding: BROWSER_ENCODING,
  };
  const list = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--only') {
      const g = next();
      if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`unknown group ${g} (${GROUPS.join(', ')})`);
      opts.only = g as Group;
    } else if (a === '--scale') opts.scale = next().split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    else if (a === '--runs') opts.runs = Math.max(1, Number(next()));
    else if (a === '--keep') opts.keep = next();
    else if (a === '--rate') opts.rate = Number(next());
    else if (a === '--seconds') opts.seconds = Math.min(600, Number(next()));
    else if (a === '--steps') opts.steps = list(next()).map(Number).filter((n) => Number.isFinite(n) && n > 0);
    else if (a === '--step-seconds') opts.stepSeconds = Math.max(1, Number(next()));
    else if (a === '--workers') opts.workers = Math.max(1, Math.min(64, Math.round(Number(next()))));
    else if (a === '--no-import') opts.importBeside = false;
    else if (a === '--encoding') opts.encoding = next();
    else if (a === '--clients') opts.clients = Math.max(1, Math.round(Number(next())));
    else if (a === '--engines') {
      const e = list(next());
      for (const x of e) if (x !== 'sqlite' && x !== 'postgres') throw new Error(`unknown engine ${x} (sqlite, postgres)`);
      opts.engines = e as EngineName[];
    }
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const figures: Figure[] = [];
function emit(f: Figure): void {
  figures.push(f);
  process.stdout.write(JSON.stringify(f) + '\n');
}
const work = mkdtempSync(join(tmpdir(), 'luoshi-bench-run-'));

// --- the real corpus in memory ---------------------------------------------

let corpus: { file: string; bytes: Buffer }[] | undefined;
async function loadCorpus() {
  if (!corpus) {
    const files = await expandPaths([CORPUS]);
    corpus = await Promise.all(files.map(async (file) => ({ file, bytes: await readFile(file) })));
    log(`corpus: ${corpus.length} files, ${(corpus.reduce((s, c) => s + c.bytes.length, 0) / MB).toFixed(1)} MB from ${CORPUS}`);
  }
  return corpus;
}

let processed: FileResult[] | undefined;
/** CPU seconds (user + system) of this process since `from`: load from other processes does not count, as it does in wall time. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

async function pipelinePass(): Promise<{ seconds: number; cpu: number; results: FileResult[]; failed: number }> {
  const data = await loadCorpus();
  const results: FileResult[] = [];
  let failed = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const { file, bytes } of data) {
    const r = await processBytes(file, bytes);
    if (isFailure(r)) failed++;
    else results.push(r);
  }
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuSince(c0), results, failed };
}

const toSimplified = Converter({ from: 'tw', to: 'cn' });
/** The work no pipeline can skip: decode the bytes (same detection) and convert the script. */
async function baselinePass(): Promise<{ seconds: number; cpu: number }> {
  const data = await loadCorpus();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let chars = 0;
  for (const { file, bytes } of data) {
    let text: string;
    try {
      text = file.toLowerCase().endsWith('.docx') ? (await mammoth.extractRawText({ buffer: bytes })).value : decodeBytes(bytes, file).text.text;
    } catch {
      continue; // unreadable input: the pipeline refuses it too
    }
    chars += toSimplified(text).length;
  }
  if (chars === 0) throw new Error('baseline decoded nothing');
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuSince(c0) };
}

let pipelineMBps: number | null = null;

async function throughput(): Promise<void> {
  const data = await loadCorpus();
  const total = data.reduce((s, c) => s + c.bytes.length, 0);
  const pipe: number[] = [];
  const base: number[] = [];
  const pipeCpu: number[] = [];
  const baseCpu: number[] = [];
  for (let r = 0; r < opts.runs; r++) {
    const b = await baselinePass();
    base.push(b.seconds);
    baseCpu.push(b.cpu);
    const p = await pipelinePass();
    pipe.push(p.seconds);
    pipeCpu.push(p.cpu);
    processed = p.results;
    log(`throughput run ${r + 1}/${opts.runs}: pipeline ${p.seconds.toFixed(2)} s (${p.cpu.toFixed(2)} s CPU), baseline ${b.seconds.toFixed(2)} s (${b.cpu.toFixed(2)} s CPU)`);
  }
  const pt = median(pipe);
  const bt = median(base);
  pipelineMBps = total / MB / pt;
  emit(figure('throughput.corpus.size', total / MB, 'MB'));
  emit(figure('throughput.corpus.files', data.length, 'files'));
  emit(figure('throughput.corpus.documents', processed!.reduce((s, r) => s + r.documents.length, 0), 'docs'));
  emit(figure('throughput.pipeline.rate', total / MB / pt, 'MB/s', total / MB / bt, pt / bt));
  emit(figure('throughput.pipeline.time_median', pt, 's', bt, pt / bt));
  emit(figure('throughput.pipeline.time_min', Math.min(...pipe), 's', Math.min(...base), Math.min(...pipe) / Math.min(...base)));
  // CPU time of the process (GC threads included): what load from other jobs inflates least
  emit(figure('throughput.pipeline.cpu_median', median(pipeCpu), 's', median(baseCpu), median(pipeCpu) / median(baseCpu)));
  emit(figure('throughput.baseline_decode_opencc.rate', total / MB / bt, 'MB/s'));
  emit(figure('throughput.runs', opts.runs, 'runs'));
}

// --- import of the real corpus ------------------------------------------------

const realRuns = new Map<string, Promise<WorkerResult>>();
const keepDir = join(work, 'real-sqlite');
/** The real corpus through `importFiles`; `workers` 0 reads on the storing thread (as every import did before the pool). */
function realImport(engine: 'sqlite' | 'postgres', workers?: number): Promise<WorkerResult> {
  const key = `${engine}:${workers ?? 'default'}`;
  let p = realRuns.get(key);
  if (!p) {
    log(`import: real corpus into ${engine} (read in ${workers === 0 ? 'the storing thread' : `${workers ?? 'default'} worker threads`}, child process)`);
    // The default run's SQLite database is kept for the search group.
    const keep = engine === 'sqlite' && workers === undefined;
    if (keep) mkdirSync(keepDir, { recursive: true });
    const args: WorkerArgs = { engine, source: 'corpus', search: workers === undefined, searchBudgetMs: 3000, workers, ...(keep ? { keepDir } : {}) };
    p = runChild<WorkerResult>('worker.ts', args);
    realRuns.set(key, p);
  }
  return p;
}

async function importGroup(): Promise<void> {
  for (const engine of ['sqlite', 'postgres'] as const) {
    let r: WorkerResult;
    let inline: WorkerResult | undefined;
    try {
      // Reading on the storing thread first: the baseline of the pool's speed-up, in the same run.
      inline = await realImport(engine, 0).catch((e: Error) => (log(`import into ${engine}, no workers, failed: ${e.message}`), undefined));
      r = await realImport(engine);
    } catch (e) {
      log(`import into ${engine} failed: ${(e as Error).message}`);
      continue;
    }
    const mbps = r.inputBytes / MB / r.seconds;
    const inlineMBps = inline ? inline.inputBytes / MB / inline.seconds : null;
    // Baseline: the same import reading on the storing thread; ratio = the worker pool's speed-up.
    emit(figure(`import.${engine}.rate`, mbps, 'MB/s', inlineMBps, inlineMBps ? mbps / inlineMBps : null));
    if (inline) emit(figure(`import.${engine}.no_workers.rate`, inlineMBps!, 'MB/s', pipelineMBps, pipelineMBps ? pipelineMBps / inlineMBps! : null));
    emit(figure(`import.${engine}.docs_per_s`, r.documents / r.seconds, 'docs/s'));
    emit(figure(`import.${engine}.time`, r.seconds, 's', inline?.seconds ?? null, inline ? r.seconds / inline.seconds : null));
    emit(figure(`import.${engine}.documents`, r.documents, 'docs'));
    emit(figure(`import.${engine}.peak_rss`, r.peakRssBytes / MB, 'MB', inline ? inline.peakRssBytes / MB : null, inline ? r.peakRssBytes / inline.peakRssBytes : null));
    emit(figure(`import.${engine}.db_size`, r.dbBytes / MB, 'MB', r.inputBytes / MB, r.dbBytes / r.inputBytes));
  }
}

// --- scale tiers ------------------------------------------------------------------

function emitSearch(prefix: string, stats: SearchStats[] | undefined, base?: SearchStats[]): void {
  for (const s of stats ?? []) {
    const b = base?.find((x) => x.name === s.name);
    emit(figure(`${prefix}.${s.name}.p50`, s.p50, 'ms', b?.p50 ?? null, b ? s.p50 / b.p50 : null));
    emit(figure(`${prefix}.${s.name}.p95`, s.p95, 'ms', b?.p95 ?? null, b ? s.p95 / b.p95 : null));
    emit(figure(`${prefix}.${s.name}.p99`, s.p99, 'ms', b?.p99 ?? null, b ? s.p99 / b.p99 : null));
    emit(figure(`${prefix}.${s.name}.hits`, s.hits, 'docs'));
  }
}

async function scale(): Promise<void> {
  if (!processed) {
    log('scale: processing the real corpus once to cut it into sections');
    processed = (await pipelinePass()).results;
  }
  const realBytes = (await loadCorpus()).reduce((s, c) => s + c.bytes.length, 0);
  const pool = buildPool(processed);
  const poolFile = join(work, 'pool.json');
  writeFileSync(poolFile, JSON.stringify(pool));
  log(`scale: pool of ${pool.segments.length} sections from ${pool.templates.length} files`);
  // Each engine's tiers compare with its own first tier.
  const tiers = new Map<EngineName, WorkerResult[]>();
  for (const factor of opts.scale) for (const engine of opts.engines ?? ['sqlite']) {
    log(`scale ×${factor}: store import, pre-extracted, into ${engine} (child process)`);
    const r = await runChild<WorkerResult>('worker.ts', { engine, source: 'generated', factor, poolFile, targetBytes: factor * realBytes, search: true, searchBudgetMs: factor >= 100 ? 8000 : 5000, keepDir: opts.keep && engine === 'sqlite' ? join(opts.keep, `x${factor}`) : undefined } satisfies WorkerArgs);
    const done = tiers.get(engine) ?? [];
    tiers.set(engine, done);
    const b = done[0];
    const n = `scale.x${factor}.${engine}`;
    const rel = (v: number, bv: number | undefined) => [bv ?? null, bv ? v / bv : null] as const;
    emit(figure(`${n}.input_size`, r.inputBytes / MB, 'MB'));
    emit(figure(`${n}.documents`, r.documents, 'docs', ...rel(r.documents, b?.documents)));
    emit(figure(`${n}.store_import_pre_extracted.time`, r.seconds, 's', ...rel(r.seconds, b?.seconds)));
    emit(figure(`${n}.store_import_pre_extracted.docs_per_s`, r.documents / r.seconds, 'docs/s', ...rel(r.documents / r.seconds, b ? b.documents / b.seconds : undefined)));
    emit(figure(`${n}.store_import_pre_extracted.rate`, r.inputBytes / MB / r.seconds, 'MB/s'));
    emit(figure(`${n}.peak_rss`, r.peakRssBytes / MB, 'MB', ...rel(r.peakRssBytes / MB, b ? b.peakRssBytes / MB : undefined)));
    emit(figure(`${n}.db_size`, r.dbBytes / MB, 'MB', ...rel(r.dbBytes / MB, b ? b.dbBytes / MB : undefined)));
    // What each table costs against the input (issue 18: "say what each index costs"); tables under 1 % of the file as one.
    const tables = Object.entries(r.tableBytes ?? {}).sort((x, y) => y[1] - x[1]);
    const small = tables.filter(([, v]) => v < r.dbBytes / 100);
    for (const [name, v] of [...tables.filter(([, v]) => v >= r.dbBytes / 100), ...(small.length ? [['other', small.reduce((sum, [, x]) => sum + x, 0)] as const] : [])]) {
      emit(figure(`${n}.db_size.${name}`, v / MB, 'MB', r.inputBytes / MB, v / r.inputBytes));
    }
    emitSearch(`${n}.search`, r.search, b?.search);
    done.push(r);
  }
}

// --- search latency and API load on the real corpus -------------------------------------

async function search(): Promise<void> {
  for (const engine of ['sqlite', 'postgres'] as const) {
    try {
      emitSearch(`search.real.${engine}`, (await realImport(engine)).search);
    } catch (e) {
      log(`search on ${engine} failed: ${(e as Error).message}`);
    }
  }
  const r = await realImport('sqlite');
  const repo = await openRepository(openSqlite(r.dbFile!));
  const server = await startServer(repo, 0, '127.0.0.1');
  try {
    const port = (server.address() as { port: number }).port;
    const ids = (await repo.listDocuments({}, { limit: 40, offset: 0 })).items.map((d) => d.id);
    const q = (s: string) => encodeURIComponent(s);
    const paths = [
      '/api/reports.json', '/api/reports.json?level=prefecture&_limit=20', `/api/search.json?q=${q('农田')}`, `/api/search.json?q=${q('高标准农田建设')}`,
      '/api/targets.json?indicator=gdp', `/api/search.json?q=${q('就业')}&year_from=2015`, '/api/targets.json?indicator=gdp&year=2023', '/-/health',
      ...ids.slice(0, 8).map((id) => `/api/documents/${id}.json`),
    ];
    // Interleave so every second of load mixes every kind of read.
    const mixed = Array.from({ length: 64 }, (_, i) => paths[(i * 5) % paths.length]);
    const seconds = Math.min(60, opts.seconds ?? 10);
    log(`api: ${opts.rate} req/s of mixed reads for ${seconds} s from a second process on 127.0.0.1:${port}`);
    const res = await runChild<{ sent: number; completed: number; errors: number; non2xx: number; unfinished: number; achievedRate: number; p50: number; p95: number; p99: number; max: number }>(
      'load.ts', { base: `http://127.0.0.1:${port}`, paths: mixed, rate: opts.rate, seconds, headers: { 'accept-encoding': opts.encoding } },
    );
    emit(figure('api.sqlite.rate_answered', res.achievedRate, 'req/s', opts.rate, res.achievedRate / opts.rate));
    emit(figure('api.sqlite.requests', res.sent, 'req'));
    emit(figure('api.sqlite.errors', res.errors + res.unfinished, 'req'));
    emit(figure('api.sqlite.non2xx', res.non2xx, 'req'));
    emit(figure('api.sqlite.latency.p50', res.p50, 'ms'));
    emit(figure('api.sqlite.latency.p95', res.p95, 'ms'));
    emit(figure('api.sqlite.latency.p99', res.p99, 'ms'));
    emit(figure('api.sqlite.latency.max', res.max, 'ms'));
  } finally {
    await new Promise((ok) => server.close(ok));
    await repo.close();
  }
}

function table(rows: Figure[]): string {
  const fmt = (v: number | null) => (v === null ? '' : Number.isInteger(v) ? String(v) : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
  const cells = [['figure', 'value', 'unit', 'baseline', 'ratio'], ...rows.map((f) => [f.name, fmt(f.value), f.unit, fmt(f.baseline), fmt(f.ratio)])];
  const w = cells[0].map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => (i === 0 || i === 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' | ') + ' |';
  return [line(cells[0]), '|' + w.map((n, i) => (i === 0 || i === 2 ? '-'.repeat(n + 2) : '-'.repeat(n + 1) + ':')).join('|') + '|', ...cells.slice(1).map(line)].join('\n');
}

const t0 = performance.now();
try {
  const load = { steps: opts.steps, stepSeconds: opts.stepSeconds, workers: opts.workers, clients: opts.clients, importBeside: opts.importBeside, encoding: opts.encoding };
  const run: Record<Group, () => Promise<void>> = {
    throughput, import: importGroup, scale, search,
    api: () => apiSteps({ ...load, engines: opts.engines ?? ['sqlite'], seconds: 0 }, emit),
    mixed: () => mixedLoad({ ...load, engines: opts.engines ?? ['sqlite', 'postgres'], seconds: opts.seconds ?? 60 }, emit),
  };
  for (const g of GROUPS) {
    if (opts.only ? opts.only !== g : ON_REQUEST.includes(g)) continue;
    if (!opts.only && g === 'scale' && opts.scale.some((f) => f >= 100)) log('note: ×100 takes long; see bench/README.md');
    log(`group ${g}`);
    await run[g]();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write('\n' + table(figures) + '\n');
log(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
