/**
 * One uploaded file into the store (the server's POST /api/import): the same
 * steps as a CLI import of one file, as a run of its own that names the
 * account and the bytes handed in (the import quota counts them). Reading runs
 * in the reader pool, off the request thread, within its budgets.
 */
import type { Diagnostic } from '../ingest/diagnostics.js';
import type { ImportItemResult, Repository, RunSummary } from '../store/repository.js';
import { sha256Of, storePrepared } from './files.js';
import type { ReaderPool } from './pool.js';
import type { FailureKind } from './read.js';

export interface Upload {
  /** The name the file came with (decides .docx/.html handling); a name, not a path. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** The account that uploads it (recorded on the run, for the quota). */
  readonly accountId?: number;
}

export type UploadResult = ImportItemResult & {
  /** Documents found in the file (new or already stored). */
  readonly documents: number;
  /** What the reader repaired or doubted (info-level notes left out). */
  readonly warnings: Diagnostic[];
  /** For a failed file: its content, or which budget it went over (time/memory → 413, unreadable → 422, busy → 503). */
  readonly failure?: { readonly kind: FailureKind; readonly ruleId: string };
};

/** An upload's result with the run it was stored in (the CLI's `import -` prints it as a run summary). */
export type UploadRun = UploadResult & { readonly run: RunSummary };

export async function importUpload(repo: Repository, upload: Upload, pool: ReaderPool): Promise<UploadRun> {
  const { fileName, bytes } = upload;
  const runId = await repo.startRun(upload.accountId === undefined ? undefined : { accountId: upload.accountId, bytes: bytes.length });
  let status: 'done' | 'failed' = 'failed';
  let result: UploadResult;
  let run: RunSummary;
  try {
    const sha256 = sha256Of(bytes);
    if (await repo.knowsFile(sha256)) {
      const item = await storePrepared(repo, runId, fileName, { known: { file: fileName, sha256 } });
      result = { ...item, documents: item.documentIds.length, warnings: [] };
    } else {
      const read = await pool.read({ fileName, bytes, sha256 });
      const item = await storePrepared(repo, runId, fileName, { read });
      result = read.ok
        ? { ...item, documents: read.file.documents.length, warnings: read.file.source.warnings.filter((w) => w.severity !== 'info') }
        : { ...item, documents: 0, warnings: [], failure: { kind: read.failure.kind, ruleId: read.failure.ruleId } };
    }
    status = 'done';
  } finally {
    // Closes the run even when storing failed (the error goes on to the caller).
    run = await repo.finishRun(runId, status);
  }
  return { ...result, run };
}
