/**
 * The shapes 票决 answers with, as TypeScript types inferred from the zod
 * schemas (./schema.ts). The web app imports these names with `import type`.
 */
import type { z } from '@hono/zod-openapi';
import type * as S from './schema.js';

export type { CodeEvent, RoundKind, Threshold } from './rules.js';
export type Rating = z.infer<typeof S.Rating>;

export type SelectionRow = z.infer<typeof S.SelectionRow>;
export type SelectionStatus = SelectionRow['status'];
export type TieGroup = z.infer<typeof S.TieGroup>;
export type SelectionTally = z.infer<typeof S.SelectionTally>;
export type SatisfactionRow = z.infer<typeof S.SatisfactionRow>;
export type SatisfactionTally = z.infer<typeof S.SatisfactionTally>;
export type Tally = z.infer<typeof S.Tally>;
export type BallotChoices = z.infer<typeof S.BallotChoices>;
export type StoredBallot = z.infer<typeof S.StoredBallot>;

export type VoteSession = z.infer<typeof S.VoteSession>;
/** A session in a list, with how much it holds. */
export type VoteSessionSummary = z.infer<typeof S.VoteSessionSummary>;
export type VoteCandidate = z.infer<typeof S.VoteCandidate>;
export type Deputy = z.infer<typeof S.Deputy>;
export type DeputyWithCode = z.infer<typeof S.DeputyWithCode>;
export type Round = z.infer<typeof S.Round>;
export type SessionResult = z.infer<typeof S.SessionResult>;
export type KeptTally = z.infer<typeof S.KeptTally>;
/** What GET /api/votes/sessions/{id} answers (the public form drops internal candidate fields). */
export type SessionDetail = z.infer<typeof S.SessionDetail>;
/** What POST /api/votes/lookup answers a deputy. */
export type Lookup = z.infer<typeof S.Lookup>;
export type Participation = z.infer<typeof S.Participation>;
export type CodeEventItem = z.infer<typeof S.CodeEventItem>;
export type IssuedCodes = z.infer<typeof S.IssuedCodes>;

export type SessionCreate = z.infer<typeof S.SessionCreate>;
export type RoundOpen = z.infer<typeof S.RoundOpen>;
