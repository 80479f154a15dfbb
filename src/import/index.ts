/**
 * Import orchestration, above the reading pipeline and the store: hash once,
 * skip bytes already stored, read and extract in worker threads within a
 * time and memory budget per file, and hand the store its own typed input.
 */
export { batchHasRoom, importFiles, type ImportOptions, type ImportProgress, type ImportReport } from './files.js';
export { importUpload, type Upload, type UploadResult } from './upload.js';
export { createReaderPool, DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_MS, type PoolOptions, type ReaderPool } from './pool.js';
export type { FailureKind, ReadFailure, ReadResult, ReadTask } from './read.js';
export { newDocument, newFile } from './to-store.js';

import { createReaderPool, type ReaderPool } from './pool.js';

let shared: ReaderPool | undefined;

/**
 * One pool for the whole process (the server's uploads): threads start on the
 * first file and are let go when idle, so an idle process can exit.
 */
export function sharedReaderPool(): ReaderPool {
  shared ??= createReaderPool({ timeBudgetMs: 30_000, memoryBudgetMb: 512, maxQueue: 64 });
  return shared;
}
