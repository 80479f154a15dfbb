/**
 * Split a source into documents and identify each one (who reports, which
 * year, what kind of text). Placeholder: one document per file.
 */
import type { Diagnostic } from '../ingest/diagnostics.js';
import type { Source } from '../ingest/source.js';
import type { DocumentIdentity } from '../model.js';

export interface DocumentSlice {
  /** 1-based order within the file. */
  readonly part: number;
  /** [start, end) in the source's normalised text. */
  readonly start: number;
  readonly end: number;
  readonly identity: DocumentIdentity;
}

export interface Identification {
  readonly documents: DocumentSlice[];
  /** Title contradictions, masked years, furniture removed… */
  readonly diagnostics: Diagnostic[];
}

export function splitAndIdentify(source: Source): Identification {
  const identity: DocumentIdentity = {
    jurisdiction: null,
    province: null,
    level: null,
    report_year: null,
    review_year: null,
    date: null,
    meeting: null,
    speaker: null,
    doc_type: { value: 'full', evidence: 'default', confidence: 0.1 },
    script: { value: source.script, evidence: 'character statistics', confidence: 0.9 },
  };
  return { documents: [{ part: 1, start: 0, end: source.text.length, identity }], diagnostics: [] };
}
