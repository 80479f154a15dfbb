/**
 * The reading worker: runs in a worker thread of the reader pool, so a file
 * that takes too long or too much memory ends this thread, not the process.
 */
import { constants, setPriority } from 'node:os';
import { workerData } from 'piscina';
import type { Job, ThreadData } from './pool.js';
import { readForStore, type ReadResult } from './read.js';

/**
 * Reading is the CPU-heavy part of a batch import, which nobody waits on file
 * by file, so in a background pool this thread gives way to the machine's
 * other work — above all a server answering requests beside the import.
 * Measured (bench/README.md, "mixed"): at equal priority `luoshi import` beside
 * 200 busy clients starved the servers into 10 s timeouts; below normal, none,
 * and an import alone on idle cores runs as fast. Linux only: there a priority
 * belongs to the thread that sets it; elsewhere it would lower the whole
 * process, a server's thread answering requests with it.
 */
if ((workerData as ThreadData | undefined)?.background && process.platform === 'linux') {
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // A priority is a preference: reading goes on at the inherited one.
  }
}

export default function read(job: Job): Promise<ReadResult> {
  // The time budget starts now, not while this thread was loading.
  job.started.postMessage('started');
  job.started.close();
  return readForStore(job.task);
}
