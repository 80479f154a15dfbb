/**
 * `luoshi import - --name NAME`: standard input imported as one file named
 * NAME, as an upload is (bytes and a name, no path), in a run of its own.
 */
import { importUpload, sharedReaderPool, type ImportReport } from '../import/index.js';
import type { Repository } from '../store/repository.js';

export async function importBytes(repo: Repository, name: string, bytes: Uint8Array): Promise<ImportReport> {
  const { run, ...item } = await importUpload(repo, { fileName: name, bytes }, sharedReaderPool());
  return { run, items: [item], newDocuments: item.newDocuments, duplicateDocuments: item.duplicateDocuments };
}
