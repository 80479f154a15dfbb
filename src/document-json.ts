/**
 * The JSON shape of a document as printed by `luoshi extract --json`: the
 * identity fields flat, with the field names of the gold labels, and each
 * field's evidence and confidence beside them under `evidence`.
 */
import type { Diagnostic } from './ingest/diagnostics.js';
import { flatIdentity, type Evidence, type IdentityFields } from './identity-fields.js';
import type { FileResult } from './pipeline.js';
import type { ReportDocument } from './model.js';

export type DocumentJson = { part: number } & IdentityFields & {
  evidence: Evidence;
  span: ReportDocument['span'];
  sections: ReportDocument['sections'];
  targets: ReportDocument['targets'];
  outcomes: ReportDocument['outcomes'];
  commitments: ReportDocument['commitments'];
};

export function documentJson(doc: ReportDocument): DocumentJson {
  const { fields, evidence } = flatIdentity(doc.identity);
  return {
    part: doc.part,
    ...fields,
    evidence,
    span: doc.span,
    sections: doc.sections,
    targets: doc.targets,
    outcomes: doc.outcomes,
    commitments: doc.commitments,
  };
}

export interface FileJson {
  file: string;
  sha256?: string;
  encoding?: string;
  format?: string;
  documents: DocumentJson[];
  warnings: Diagnostic[];
  error?: string;
}

export function fileJson(r: FileResult): FileJson {
  return {
    file: r.file,
    sha256: r.source.sha256,
    encoding: r.source.encoding,
    format: r.source.format,
    documents: r.documents.map(documentJson),
    warnings: r.diagnostics,
  };
}
