/**
 * Hostile inputs (issue 15, item 3): each generated, then read through the
 * whole pipeline (processBytes) or the parser it attacks, in a child process of
 * its own so a heap blow-up or a hang costs only that case. Prints one JSON
 * line per case: wall time, the child's peak RSS after the input was built,
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
import { readFileSync } from 'node:fs';
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
  'text-conjuncts-96KB': { make: async () => ({ file: 'a.txt', bytes: Buffer.from(H.conjunctSubject(96 * 1024), 'utf8') }) },
  'candidates-200k-commas': {
    make: async () => ({ file: 'list.txt', bytes: Buffer.from(H.candidateCommas(200_000), 'utf8') }),
    run: async (i) => {
      const { parseCandidateList } = await import('../src/votes/candidates.js');
      return `${parseCandidateList(Buffer.from(i.bytes).toString('utf8')).length} candidates`;
    },
  },
};

async function child(name: string): Promise<void> {
  const c = CASES[name];
  const input = await c.make();
  (globalThis as { gc?: () => void }).gc?.(); // building the input is not what is measured
  const resetOk = resetPeakRss();
  const { processBytes, isFailure } = await import('../src/pipeline.js');
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

function runCase(name: string, timeoutS: number, heapMb: number): Promise<string> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', name], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutS * 1000);
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop();
      if (code === 0 && line) return resolve(line);
      const secs = Math.round((performance.now() - t0) / 1000);
      const why = signal === 'SIGKILL' ? `timeout after ${timeoutS} s` : /heap out of memory|Allocation failed/.test(err) ? `out of memory (${heapMb} MiB heap) after ${secs} s` : `exit ${code}: ${err.trim().split('\n').pop()}`;
      resolve(JSON.stringify({ case: name, outcome: why }));
    });
  });
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') await child(argv[1]);
else {
  const names = argv.length ? argv : Object.keys(CASES);
  const timeoutS = Number(process.env.LUOSHI_HOSTILE_TIMEOUT ?? 180);
  const heapMb = Number(process.env.LUOSHI_HOSTILE_HEAP_MB ?? 4096);
  for (const n of names) {
    if (!CASES[n]) throw new Error(`unknown case ${n}; cases: ${Object.keys(CASES).join(', ')}`);
    console.log(await runCase(n, timeoutS, heapMb));
  }
}
