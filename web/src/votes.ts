/** 票决 API shapes: the server's own definitions (type-only imports, erased at build). */
import type { Rating } from '../../src/votes/tally';

export type { IssuedCodes, Lookup, Round, SessionDetail, VoteCandidate, VoteSession, VoteSessionSummary } from '../../src/votes/types';
export type { Rating, Tally } from '../../src/votes/tally';

export const RATINGS: Rating[] = ['satisfied', 'basically', 'dissatisfied'];
