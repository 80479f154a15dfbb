/**
 * Reading and extraction in worker threads (piscina), with a budget per file:
 * a time limit (the thread running an over-time file is ended) and a heap
 * limit per thread (`resourceLimits`; a file that needs more ends its thread).
 * Either way only that file fails, with a reason that says which budget; the
 * pool starts a fresh thread for the next file. The caller's thread stays free
 * for storing (the CLI) or for answering other requests (the server).
 *
 * The time budget counts from when a thread starts on the file (it says so on
 * a port of its own), not while the file waits or a fresh thread loads.
 *
 * Not bounded by the heap limit: memory outside the JavaScript heap (typed
 * arrays). The readers bound what they allocate from the input's size.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { readForStore, type FailureKind, type ReadFailure, type ReadResult, type ReadTask } from './read.js';

export interface PoolOptions {
  /**
   * Worker threads (default: one fewer than the machine's cores, at least one:
   * the calling thread stores, and each thread pays its own warm-up — the
   * converters' tables, the JIT — so threads beyond the cores only cost);
   * 0 reads on the calling thread, without budgets.
   */
  readonly workers?: number;
  /** Time one file may take, in ms (default 60 s). */
  readonly timeBudgetMs?: number;
  /** Heap one thread may use, in MiB (default 1024). */
  readonly memoryBudgetMb?: number;
  /** Files that may wait for a thread before new ones are refused as busy (default: unbounded). */
  readonly maxQueue?: number;
  /** The module each thread runs, default export `(job: Job) => Promise<ReadResult>` (default: the reading worker). */
  readonly workerFile?: string;
  /**
   * Threads read below normal priority, giving way to the machine's other
   * work (Linux; see src/import/worker.ts). For batch imports, which nobody
   * waits on file by file; not for a server's uploads, whose reader a user
   * waits on and whose time budget counts wall time (default: false).
   */
  readonly background?: boolean;
}

/** What each thread is started with (piscina's `workerData`). */
export interface ThreadData {
  readonly background: boolean;
}

export interface ReaderPool {
  /** Threads reading at once. */
  readonly size: number;
  read(task: ReadTask): Promise<ReadResult>;
  destroy(): Promise<void>;
}

/** What a thread is handed: the file, and a port to say when it starts on it. */
export interface Job {
  readonly task: ReadTask;
  readonly started: MessagePort;
}

export const DEFAULT_TIME_BUDGET_MS = 60_000;
export const DEFAULT_MEMORY_BUDGET_MB = 1024;

const WORKER = fileURLToPath(new URL('./worker-entry.mjs', import.meta.url));

function failure(task: ReadTask, kind: FailureKind, reason: string): ReadResult {
  const f: ReadFailure = { file: 'path' in task ? task.path : task.fileName, kind, reason, ruleId: `import/${kind === 'time' ? 'time-budget' : kind === 'memory' ? 'memory-budget' : kind === 'busy' ? 'busy' : 'worker-crash'}` };
  return { ok: false, failure: f };
}

/** Reads on the calling thread: for callers that want no threads (and accept no budgets). */
function inlinePool(): ReaderPool {
  return { size: 1, read: readForStore, destroy: async () => {} };
}

export function createReaderPool(options: PoolOptions = {}): ReaderPool {
  const workers = options.workers ?? Math.max(1, availableParallelism() - 1);
  if (workers <= 0) return inlinePool();
  const timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const memoryBudgetMb = options.memoryBudgetMb ?? DEFAULT_MEMORY_BUDGET_MB;
  const piscina = new Piscina<Job, ReadResult>({
    filename: options.workerFile ?? WORKER,
    minThreads: 0,
    maxThreads: workers,
    // Threads stay while files keep coming; an idle server gives the memory back.
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: memoryBudgetMb },
    workerData: { background: options.background ?? false } satisfies ThreadData,
  });
  let running = 0;
  const waiting: (() => void)[] = [];
  const maxQueue = options.maxQueue ?? Infinity;

  async function run(task: ReadTask): Promise<ReadResult> {
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, timeBudgetMs);
    });
    try {
      return await piscina.run({ task, started: port2 }, { signal: abort.signal, transferList: [port2] });
    } catch (e) {
      const err = e as Error & { code?: string };
      // A background thread on a saturated machine may run out of wall time without being at fault: say so.
      if (timedOut) return failure(task, 'time', `reading took longer than the time budget of ${timeBudgetMs / 1000} s per file${options.background ? ' (reading gives way to other work here: if this machine was busy, import the file again when it is quieter)' : ''}`);
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return failure(task, 'memory', `reading needed more than the memory budget of ${memoryBudgetMb} MiB per file`);
      // A reader bug (an exception) or a thread that died: this file fails, the next gets a fresh thread.
      return failure(task, 'crash', `the reader failed on this file: ${err.message.split('\n')[0]}`);
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  return {
    size: workers,
    async read(task) {
      if (running < workers) running++;
      else if (waiting.length >= maxQueue) return failure(task, 'busy', `too many files are being read (${waiting.length} waiting); try again shortly`);
      // A finishing file hands its slot over directly, so no newcomer slips in between.
      else await new Promise<void>((go) => waiting.push(go));
      try {
        return await run(task);
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
    async destroy() {
      await piscina.destroy();
    },
  };
}
