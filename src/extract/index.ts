/**
 * Facts of one document: a frozen pipeline of small pure passes,
 * structure → numbers → targets → outcomes → commitments.
 */
import type { Source } from '../ingest/source.js';
import { spanOf } from '../ingest/source.js';
import type { Commitment, Outcome, Section, Target } from '../model.js';
import { analyseStructure, withPlanAt } from './structure.js';
import { extractTargets } from './targets.js';
import { extractOutcomes } from './outcomes.js';
import { extractCommitments } from './commitments.js';

export interface ExtractInput {
  readonly source: Source;
  /** [start, end) of the document in the source's normalised text. */
  readonly start: number;
  readonly end: number;
  readonly reportYear: number | null;
  readonly reviewYear: number | null;
}

export interface Facts {
  readonly sections: Section[];
  readonly targets: Target[];
  readonly outcomes: Outcome[];
  readonly commitments: Commitment[];
}

const EMPTY: Facts = Object.freeze({ sections: [], targets: [], outcomes: [], commitments: [] }) as Facts;

export function extractFacts(input: ExtractInput): Facts {
  const { source } = input;
  const start = Math.max(0, Math.min(input.start, source.text.length));
  const end = Math.max(start, Math.min(input.end, source.text.length));
  if (end <= start) return { ...EMPTY };
  const text = source.text.slice(start, end);
  const first = analyseStructure(text, start, input.reportYear, input.reviewYear);
  const { targets, passage } = extractTargets(source, start, text, first);
  const structure = passage ? withPlanAt(first, start + passage.start) : first;
  const sections: Section[] = [];
  for (const h of structure.headings) {
    const part = structure.parts.find((p) => h.start >= p.start && h.start < p.end)?.kind ?? 'other';
    sections.push({ title: h.title, level: h.level, part, span: spanOf(source, h.start, h.end) });
  }
  for (const p of structure.parts) {
    if (p.kind === 'preamble') continue;
    if (!structure.headings.some((h) => h.start === p.start)) {
      const line = source.text.slice(p.start, source.text.indexOf('\n', p.start) < 0 ? end : Math.min(end, source.text.indexOf('\n', p.start)));
      sections.push({ title: line.trim().slice(0, 60), level: 0, part: p.kind, span: spanOf(source, p.start, p.start + line.length) });
    }
  }
  sections.sort((a, b) => a.span.start - b.span.start);
  const { outcomes } = extractOutcomes(source, start, text, structure, passage ? passage.start : null);
  const commitments = extractCommitments(source, start, text, structure, passage);
  return { sections, targets, outcomes, commitments };
}
