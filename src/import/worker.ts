/**
 * The reading worker: runs in a worker thread of the reader pool, so a file
 * that takes too long or too much memory ends this thread, not the process.
 */
import type { Job } from './pool.js';
import { readForStore, type ReadResult } from './read.js';

export default function read(job: Job): Promise<ReadResult> {
  // The time budget starts now, not while this thread was loading.
  job.started.postMessage('started');
  job.started.close();
  return readForStore(job.task);
}
