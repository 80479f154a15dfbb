/**
 * The pipeline's result as the store's input: identity fields flat, every
 * span made relative to its document (byte offsets into the file kept), and
 * the duplicate-detection keys computed and the file as found packed here,
 * off the writer's thread.
 */
import { flatIdentity } from '../identity-fields.js';
import type { ReportDocument, Span } from '../model.js';
import type { FileResult } from '../pipeline.js';
import { fingerprint, sketch } from '../store/identity.js';
import type { DocSpan, NewDocument, NewFact, NewFile } from '../store/input.js';
import { packSourceBytes } from '../store/source-bytes.js';

/** `span` minus the document's start: offsets into the document's own text. */
function relative(span: Span, base: number): DocSpan {
  return { start: span.start - base, end: span.end - base, sourceStart: span.sourceStart, sourceEnd: span.sourceEnd };
}

function without<T extends { span: Span }>(x: T): Omit<T, 'span'> {
  const { span: _span, ...rest } = x;
  return rest;
}

export function newDocument(doc: ReportDocument, sourceText: string): NewDocument {
  const base = doc.span.start;
  const { fields, evidence } = flatIdentity(doc.identity);
  const facts: NewFact[] = [
    ...doc.targets.map((t): NewFact => ({ fact: 'target', span: relative(t.span, base), data: without(t) })),
    ...doc.outcomes.map((o): NewFact => ({ fact: 'outcome', span: relative(o.span, base), data: without(o) })),
    ...doc.commitments.map((c): NewFact => ({ fact: 'commitment', span: relative(c.span, base), data: without(c) })),
  ];
  const text = sourceText.slice(doc.span.start, doc.span.end);
  return {
    part: doc.part,
    ...fields,
    start: doc.span.start,
    end: doc.span.end,
    evidence,
    sections: doc.sections.map((s) => ({ ...s, span: relative(s.span, base) })),
    facts,
    fingerprint: fingerprint(text),
    sketch: sketch(text),
  };
}

export function newFile(r: FileResult): NewFile {
  const s = r.source;
  return {
    source: {
      sha256: s.sha256, fileName: r.file, size: s.size, format: s.format, encoding: s.encoding, offsetUnit: s.offsetUnit,
      script: s.script, text: s.text, kept: packSourceBytes(s.bytes), warnings: r.diagnostics,
    },
    documents: r.documents.map((d) => newDocument(d, s.text)),
  };
}
