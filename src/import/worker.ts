/**
 * The reading worker: runs in a worker thread of the reader pool, so a file
 * that takes too long or too much memory ends this thread, not the process.
 */
import { readForStore, type ReadResult, type ReadTask } from './read.js';

export default function read(task: ReadTask): Promise<ReadResult> {
  return readForStore(task);
}
