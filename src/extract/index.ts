/**
 * Facts of one document: structure, targets, outcomes, commitments.
 * Placeholder until the extraction passes land.
 */
import type { Source } from '../ingest/source.js';
import type { Commitment, Outcome, Section, Target } from '../model.js';

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

export function extractFacts(_input: ExtractInput): Facts {
  return { sections: [], targets: [], outcomes: [], commitments: [] };
}
