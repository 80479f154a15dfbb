/**
 * Building a CheckDocument from what the pipeline or the store holds.
 */
import type { ReportDocument } from '../model.js';
import type { DocumentDetail } from '../store/repository.js';
import type { CheckDocument } from './index.js';

/** From a freshly extracted document; `text` is the source's normalised text. */
export function fromExtracted(doc: ReportDocument, sourceText: string, label: string): CheckDocument {
  const base = doc.span.start;
  const rel = <T extends { span: { start: number; end: number } }>(x: T) => {
    const { span, ...rest } = x;
    return { ...rest, start: span.start - base, end: span.end - base };
  };
  return {
    label,
    jurisdiction: doc.identity.jurisdiction?.value ?? null,
    report_year: doc.identity.report_year?.value ?? null,
    text: sourceText.slice(doc.span.start, doc.span.end),
    sections: doc.sections.map((s) => ({ part: s.part, start: s.span.start - base })),
    targets: doc.targets.map(rel),
    outcomes: doc.outcomes.map(rel),
    commitments: doc.commitments.map(rel),
  };
}

/** From a stored document (facts keep what they say in `data`, their offsets relative to the document). */
export function fromStored(doc: DocumentDetail): CheckDocument {
  const located = <T extends { span: unknown }>(f: { data: T; start: number; end: number }) => {
    const { span: _span, ...rest } = f.data;
    return { ...rest, start: f.start, end: f.end };
  };
  return {
    id: doc.id,
    label: `${doc.jurisdiction ?? '?'} ${doc.report_year ?? '?'} (#${doc.id})`,
    jurisdiction: doc.jurisdiction,
    report_year: doc.report_year,
    text: doc.text,
    sections: doc.sections.map((s) => ({ part: s.part, start: s.span.start })),
    targets: doc.facts.flatMap((f) => (f.fact === 'target' ? [located(f)] : [])),
    outcomes: doc.facts.flatMap((f) => (f.fact === 'outcome' ? [located(f)] : [])),
    commitments: doc.facts.flatMap((f) => (f.fact === 'commitment' ? [located(f)] : [])),
  };
}
