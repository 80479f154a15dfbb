/**
 * Import files into the store: read and extract each file, then store it in
 * one transaction. A file that cannot be read is recorded as failed and the
 * run goes on.
 */
import { isFailure, processFile } from '../pipeline.js';
import type { ImportItemResult, Repository, RunSummary } from './repository.js';

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
  readonly file: string;
  readonly result: ImportItemResult;
}

export interface ImportReport {
  readonly run: RunSummary;
  readonly items: ImportItemResult[];
  readonly newDocuments: number;
  readonly duplicateDocuments: number;
}

export async function importFiles(
  repo: Repository,
  files: string[],
  onProgress?: (p: ImportProgress) => void,
  options: { maxBytes?: number } = {},
): Promise<ImportReport> {
  const runId = await repo.startRun();
  const items: ImportItemResult[] = [];
  let status: 'done' | 'failed' = 'done';
  let run: RunSummary;
  try {
    for (const [i, file] of files.entries()) {
      const processed = await processFile(file, options);
      const result = isFailure(processed) ? await repo.recordFailure(runId, file, processed.error) : await repo.importResult(processed, runId);
      items.push(result);
      onProgress?.({ done: i + 1, total: files.length, file, result });
    }
  } catch (e) {
    status = 'failed';
    throw e;
  } finally {
    // Close the run even when a store error ends it early.
    run = await repo.finishRun(runId, status);
  }
  const sum = (k: 'newDocuments' | 'duplicateDocuments') => items.reduce((a, r) => a + r[k], 0);
  return { run, items, newDocuments: sum('newDocuments'), duplicateDocuments: sum('duplicateDocuments') };
}
