import type { Source } from '../ingest/source.js';
import type { Commitment } from '../model.js';
import type { Structure } from './structure.js';
import type { TargetPassage } from './targets.js';

export function extractCommitments(_s: Source, _b: number, _t: string, _st: Structure, _p: TargetPassage | null): Commitment[] {
  return [];
}
