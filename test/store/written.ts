/**
 * Reports of text written for a test, stored as a processed report would be:
 * the source and document fields of a real processed report, one document
 * holding the whole text, no facts and no sections.
 */
import { createHash } from 'node:crypto';
import { newFile } from '../../src/import/index.js';
import { isFailure, processBytes } from '../../src/pipeline.js';
import type { NewDocument, NewFile } from '../../src/store/input.js';
import { makeReport } from './stores.js';

export type WrittenFile = (fileName: string, text: string, doc?: Partial<Pick<NewDocument, 'jurisdiction' | 'level' | 'report_year'>>) => NewFile;

export async function writtenFiles(): Promise<WrittenFile> {
  const base = await processBytes('base.txt', Buffer.from(makeReport(1)));
  if (isFailure(base)) throw new Error(base.error);
  const shape = newFile(base);
  return (fileName, text, doc = {}) => {
    const sha256 = createHash('sha256').update(`${fileName}:${text}`).digest('hex');
    return {
      source: { ...shape.source, sha256, fileName, text, bytes: Buffer.from(text), size: Buffer.byteLength(text) },
      documents: [{ ...shape.documents[0], ...doc, start: 0, end: text.length, sections: [], facts: [], fingerprint: `fp${sha256}`, sketch: [] }],
    };
  };
}
