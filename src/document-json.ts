/**
 * The JSON shape of a document as printed by `luoshi extract --json`: the
 * identity fields flat, with the field names of the gold labels, and each
 * field's evidence and confidence beside them under `evidence`.
 */
import type { Diagnostic } from './ingest/diagnostics.js';
import type { FileResult } from './pipeline.js';
import type { DocumentIdentity, ReportDocument } from './model.js';

const IDENTITY_FIELDS = [
  'jurisdiction', 'province', 'level', 'report_year', 'review_year', 'date', 'meeting', 'speaker', 'doc_type', 'script',
] as const satisfies readonly (keyof DocumentIdentity)[];

export interface DocumentJson {
  part: number;
  jurisdiction: string | null;
  province: string | null;
  level: string | null;
  report_year: number | null;
  review_year: number | null;
  date: string | null;
  meeting: string | null;
  speaker: string | null;
  doc_type: string;
  script: string;
  evidence: Record<string, { evidence: string; confidence: number }>;
  span: ReportDocument['span'];
  sections: ReportDocument['sections'];
  targets: ReportDocument['targets'];
  outcomes: ReportDocument['outcomes'];
  commitments: ReportDocument['commitments'];
}

export function documentJson(doc: ReportDocument): DocumentJson {
  const evidence: DocumentJson['evidence'] = {};
  const flat: Record<string, unknown> = {};
  for (const f of IDENTITY_FIELDS) {
    const v = doc.identity[f];
    flat[f] = v ? v.value : null;
    if (v) evidence[f] = { evidence: v.evidence, confidence: v.confidence };
  }
  return {
    part: doc.part,
    ...(flat as Omit<DocumentJson, 'part' | 'evidence' | 'span' | 'sections' | 'targets' | 'outcomes' | 'commitments'>),
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
