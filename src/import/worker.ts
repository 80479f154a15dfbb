/**
 * The reading worker: runs in a worker thread of the reader pool, so a file
 * that takes too long or too much memory ends this thread, not the process.
 */
import { constants, setPriority } from 'node:os';
import type { Job } from './pool.js';
import { readForStore, type ReadResult } from './read.js';

/**
 * Reading is the CPU-heavy part of an import and never the part anyone waits
 * on interactively, so this thread gives way to the machine's other work —
 * above all a server answering requests: an import beside `luoshi serve`, or
 * the server's own upload pool. Measured (bench/README.md, "mixed"): at equal
 * priority an import beside 200 busy clients starved the servers into 10 s
 * timeouts; below normal, none, and an import alone on idle cores runs as fast.
 * Linux only: there a priority belongs to the thread that sets it; elsewhere
 * it would lower the whole process, the thread answering requests with it.
 */
if (process.platform === 'linux') {
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
