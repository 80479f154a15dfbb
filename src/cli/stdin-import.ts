/**
 * `luoshi import - --name NAME`: standard input imported as one file named
 * NAME, as an upload is (bytes and a name, no path), in a run of its own.
 * BRIDGE: once the import orchestration takes bytes with a name (src/import's
 * importUpload on the restructure-store branch), this file becomes a call to it.
 */
import { createHash } from 'node:crypto';
import { isFailure, processBytes } from '../pipeline.js';
import type { ImportReport } from '../store/import.js';
import type { ImportItemResult, Repository, RunSummary } from '../store/repository.js';

export async function importBytes(repo: Repository, name: string, bytes: Uint8Array): Promise<ImportReport> {
  const runId = await repo.startRun();
  let status: 'done' | 'failed' = 'failed';
  let item: ImportItemResult;
  let run: RunSummary;
  try {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const known = await repo.importKnownFile(name, sha256, runId);
    if (known) item = known;
    else {
      const processed = await processBytes(name, bytes);
      item = isFailure(processed) ? await repo.recordFailure(runId, name, processed.error) : await repo.importResult(processed, runId);
    }
    status = 'done';
  } finally {
    run = await repo.finishRun(runId, status);
  }
  return { run, items: [item], newDocuments: item.newDocuments, duplicateDocuments: item.duplicateDocuments };
}
