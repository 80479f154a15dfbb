/**
 * Hostile inputs (issue 15, item 3): each generated, then read through the
 * whole pipeline (processBytes) or the parser it attacks, in a child process of
 * its own so a heap blow-up or a hang costs only that case (the input is
 * built by another process and read from a file, so building it is not
 * measured). Prints one JSON line per case: wall time, the child's peak RSS,
 * and how the input ended (documents read, or the failure's rule id).
 *
 *   npx tsx bench/hostile.ts                 # all cases
 *   npx tsx bench/hostile.ts html-unclosed   # some cases
 *
 * A case is stopped after LUOSHI_HOSTILE_TIMEOUT seconds (default 180) and
 * runs with a 4 GiB heap (LUOSHI_HOSTILE_HEAP_MB), so "before" figures of the
 * worst cases read as "timeout" or "out of memory" rather than taking the
 * machine down. Nothing here asserts anything.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakRss, resetPeakRss, ROOT } from './lib.js';
import * as H from '../test/helpers/hostile.js';

interface Input {
  readonly file: string;
  readonly bytes: Uint8Array;
}

const seedText = () => readFileSync(join(ROOT, '..', 'shared', 'seeds', '003_02169182387663be.txt'), 'utf8');

/** Each case builds its input; `run` (default: processBytes) consumes it. */
const CASES: Record<string, { make: () => Promise<Input>; run?: (i: Input) => Promise<string> }> = {
  'docx-5M-paragraphs': { make: async () => ({ file: 'a.docx', bytes: await H.docxManyParagraphs(5_000_000) }) },
  'docx-13M-runs': { make: async () => ({ file: 'a.docx', bytes: await H.docxManyRuns(13_000_000) }) },
  'docx-lying-size': { make: async () => ({ file: 'a.docx', bytes: await H.docxLyingSize(8_000_000) }) },
  'docx-60k-entries': { make: async () => ({ file: 'a.docx', bytes: H.docxManyEntries(60_000) }) },
  'docx-deep-nesting': { make: async () => ({ file: 'a.docx', bytes: await H.docxDeepNesting(100_000) }) },
  'html-unclosed-1.8MB': { make: async () => ({ file: 'a.html', bytes: H.htmlUnclosedNesting(1_800_000) }) },
  'text-one-line-31MiB': { make: async () => ({ file: 'a.txt', bytes: H.oneLineText(seedText(), 31 * 1024 * 1024) }) },
  'text-one-line-of-heads-1MiB': { make: async () => ({ file: 'a.txt', bytes: H.oneLineOfHeads(1024 * 1024) }) },
  'text-lines-without-stops-31MiB': { make: async () => ({ file: 'a.txt', bytes: H.linesWithoutStops(31 * 1024 * 1024) }) },
  'text-figures-joined-580KB': { make: async () => ({ file: 'a.txt', bytes: Buffer.from(H.figuresRunTogether(20_000), 'utf8') }) },
  'text-conjuncts-96KB': { make: async () => ({ file: 'a.txt', bytes: Buffer.from(H.conjunctSubject(96 * 1024), 'utf8') }) },
  'candidates-200k-commas': {
    make: async () => ({ file: 'list.txt', bytes: Buffer.from(H.candidateCommas(200_000), 'utf8') }),
    run: async (i) => {
      const { parseCandidateList } = await import('../src/votes/candidates.js');
      return `${parseCandidateList(Buffer.from(i.bytes).toString('utf8')).length} candidates`;
    },
  },
};

/** Builds a case's input into `path` (its own process: building is not what is measured). */
async function make(name: string, path: string): Promise<void> {
  const input = await CASES[name].make();
  writeFileSync(path, input.bytes);
  writeFileSync(`${path}.name`, input.file);
}

async function child(name: string, path: string): Promise<void> {
  const c = CASES[name];
  const input: Input = { file: readFileSync(`${path}.name`, 'utf8'), bytes: readFileSync(path) };
  const { processBytes, isFailure } = await import('../src/pipeline.js');
  const resetOk = resetPeakRss();
  const t0 = performance.now();
  let outcome: string;
  try {
    if (c.run) outcome = await c.run(input);
    else {
      const r = await processBytes(input.file, input.bytes);
      outcome = isFailure(r) ? `failure ${r.ruleId}: ${r.error}` : `${r.documents.length} document(s)`;
    }
  } catch (e) {
    outcome = `THROWN ${(e as Error).name}: ${(e as Error).message.slice(0, 160)}`;
  }
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ case: name, inputBytes: input.bytes.length, ms: Math.round(ms), peakRssMB: Math.round(peakRss() / 1048576), peakReset: resetOk, outcome }));
}

function node(args: string[], heapMb: number, timeoutS: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string; secs: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', fileURLToPath(import.meta.url), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutS * 1000);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err, secs: Math.round((performance.now() - t0) / 1000) });
    });
  });
}

async function runCase(name: string, timeoutS: number, heapMb: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-hostile-'));
  try {
    const path = join(dir, 'input');
    const made = await node(['--make', name, path], 4096, 600);
    if (made.code !== 0) return JSON.stringify({ case: name, outcome: `could not build the input: ${made.err.trim().split('\n').pop()}` });
    const r = await node(['--child', name, path], heapMb, timeoutS);
    const line = r.out.trim().split('\n').pop();
    if (r.code === 0 && line) return line;
    const why =
      r.signal === 'SIGKILL' ? `timeout after ${timeoutS} s` : /heap out of memory|Allocation failed/.test(r.err) ? `out of memory (${heapMb} MiB heap) after ${r.secs} s` : `exit ${r.code}: ${r.err.trim().split('\n').pop()}`;
    return JSON.stringify({ case: name, outcome: why });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--make') await make(argv[1], argv[2]);
else if (argv[0] === '--child') await child(argv[1], argv[2]);
else {
  const names = argv.length ? argv : Object.keys(CASES);
  const timeoutS = Number(process.env.LUOSHI_HOSTILE_TIMEOUT ?? 180);
  const heapMb = Number(process.env.LUOSHI_HOSTILE_HEAP_MB ?? 4096);
  for (const n of names) {
    if (!CASES[n]) throw new Error(`unknown case ${n}; cases: ${Object.keys(CASES).join(', ')}`);
    console.log(await runCase(n, timeoutS, heapMb));
  }
}
