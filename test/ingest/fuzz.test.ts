/**
 * Fuzz test of the reader: a fixed seed, a few thousand inputs mutated from
 * the real seed reports (byte flips, truncations, splices, other encodings,
 * HTML and .docx shells, line-break damage), each run through the whole
 * pipeline (processBytes). What must hold for every input:
 *   - nothing escapes: unusable input is a FileFailure, never a throw;
 *   - no input runs past a coarse hang guard (not a performance claim);
 *   - every span lies in the text (facts inside their document), a fact's
 *     words are the text at its span, and its source offsets map back into
 *     the file: the original character at sourceStart is the one the span
 *     starts with, never the line break before it.
 * A failure names the input's index; FUZZ_ONLY=<index> reruns just that one.
 */
import { describe, expect, it } from 'vitest';
import { sourceOffset, type Source } from '../../src/ingest/source.js';
import type { Span } from '../../src/model.js';
import { isFailure, processBytes } from '../../src/pipeline.js';
import { makeFuzzInputs, type FuzzInput } from '../helpers/fuzz-inputs.js';

const COUNT = 2500;
const HANG_GUARD_MS = 5_000;

/** Every Span in a value, with the object that holds it. */
function spansIn(value: unknown, path: string, out: { path: string; span: Span; holder: Record<string, unknown> }[]): void {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, k) => spansIn(v, `${path}[${k}]`, out));
    return;
  }
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'span' && v && typeof v === 'object') out.push({ path, span: v as Span, holder: o });
    else spansIn(v, `${path}.${k}`, out);
  }
}

/** Is the original character at byte `at` a line break? */
function lineBreakAt(source: Source, at: number): boolean {
  const b = source.bytes;
  switch (source.encoding) {
    case 'utf-16le':
      return (b[at] === 0x0a || b[at] === 0x0d) && b[at + 1] === 0;
    case 'utf-16be':
      return b[at] === 0 && (b[at + 1] === 0x0a || b[at + 1] === 0x0d);
    case 'docx':
      return false;
    default:
      return b[at] === 0x0a || b[at] === 0x0d;
  }
}

function check(input: FuzzInput, source: Source, documents: unknown[]): string[] {
  const problems: string[] = [];
  const text = source.text;
  const spans: { path: string; span: Span; holder: Record<string, unknown> }[] = [];
  documents.forEach((d, k) => spansIn(d, `documents[${k}]`, spans));
  for (const { path, span, holder } of spans) {
    const where = `${path} [${span.start},${span.end}) source [${span.sourceStart},${span.sourceEnd})`;
    if (!(span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
      problems.push(`${where}: outside the text (${text.length})`);
      continue;
    }
    const docSpan = (documents[Number(/^documents\[(\d+)\]/.exec(path)![1])] as { span: Span }).span;
    if (/\.(targets|outcomes|commitments|sections)\[/.test(path) && (span.start < docSpan.start || span.end > docSpan.end)) {
      problems.push(`${where}: outside its document [${docSpan.start},${docSpan.end})`);
    }
    if (typeof holder.text === 'string' && holder.text !== text.slice(span.start, span.end)) {
      problems.push(`${where}: words ${JSON.stringify(holder.text)} ≠ text ${JSON.stringify(text.slice(span.start, span.end))}`);
    }
    const limit = source.offsetUnit === 'byte' ? source.bytes.length : Number.MAX_SAFE_INTEGER;
    if (!(span.sourceStart >= 0 && span.sourceStart <= span.sourceEnd && span.sourceEnd <= limit)) {
      problems.push(`${where}: source offsets outside the file (${source.bytes.length} bytes)`);
    }
    if (span.sourceStart !== sourceOffset(source, span.start)) problems.push(`${where}: sourceStart is not the start's origin`);
    if (span.end > span.start && text[span.start] !== '\n' && lineBreakAt(source, span.sourceStart)) {
      problems.push(`${where}: starts at a line break in the file, text ${JSON.stringify(text.slice(span.start, span.start + 12))}`);
    }
  }
  return problems.map((p) => `#${input.name} (${input.how}): ${p}`);
}

describe('reader fuzz', () => {
  it(`${COUNT} mutated inputs: no throw, no hang, valid spans`, async () => {
    const only = process.env.FUZZ_ONLY;
    const inputs = makeFuzzInputs(COUNT).filter((x) => !only || x.name.startsWith(`${only}.`));
    const problems: string[] = [];
    let read = 0;
    let spans = 0;
    for (const input of inputs) {
      const t0 = performance.now();
      let r;
      try {
        r = await processBytes(input.name, input.bytes);
      } catch (e) {
        problems.push(`#${input.name} (${input.how}): threw ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
        continue;
      }
      const ms = performance.now() - t0;
      if (ms > HANG_GUARD_MS) problems.push(`#${input.name} (${input.how}): took ${Math.round(ms)} ms`);
      if (isFailure(r)) {
        if (!r.error || !r.ruleId.startsWith('ingest/')) problems.push(`#${input.name}: failure without a reason: ${JSON.stringify(r)}`);
        continue;
      }
      read++;
      const found = check(input, r.source, r.documents);
      spans += r.documents.length;
      problems.push(...found);
    }
    // The mix must exercise the pipeline, not only its refusals.
    if (!only) expect(read).toBeGreaterThan(COUNT / 2);
    expect(spans).toBeGreaterThan(0);
    const affected = new Set(problems.map((p) => p.slice(0, p.indexOf(' ')))).size;
    expect({ affected, problems: problems.length, first: problems.slice(0, 20) }).toEqual({ affected: 0, problems: 0, first: [] });
  }, 300_000);
});
