/**
 * Import files into the store: read and extract each file, then store it in
 * one transaction. A file that cannot be read is recorded as failed and the
 * run goes on.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES } from '../ingest/source.js';
import { isFailure, processBytes, processFile, type FileFailure, type FileResult } from '../pipeline.js';
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

async function readIfSmall(file: string, maxBytes: number): Promise<Uint8Array | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() && info.size <= maxBytes ? await readFile(file) : undefined;
  } catch {
    return undefined; // the reading stage reports why
  }
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
      // Bytes already stored need no reading stage: re-running an import is cheap.
      const bytes = await readIfSmall(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
      const known = bytes ? await repo.importKnownFile(file, createHash('sha256').update(bytes).digest('hex'), runId) : undefined;
      let result = known;
      if (!result) {
        const processed: FileResult | FileFailure = bytes ? await processBytes(file, bytes) : await processFile(file, options);
        result = isFailure(processed) ? await repo.recordFailure(runId, file, processed.error) : await repo.importResult(processed, runId);
      }
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
