/**
 * Judging one promise by the review's observations. A promise is settled
 * only by an observation of the same subject, kind and period: wording may
 * choose among those, never across them. What has only a related
 * observation is not_comparable with that observation shown; what has none
 * is not_reported. A reading that is not sure enough says needs_review.
 */
export { REVIEW_THRESHOLD, type Judgement, type PromiseFigure } from './judging.js';
export { qualitativeSubject } from './judge-words.js';
export { judgeTarget, planPeriodWords } from './judge-target.js';
export { judgeCommitment, namesObject } from './judge-commitment.js';
