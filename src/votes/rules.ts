/**
 * 票决 vocabularies: pure constants with no imports, shared by the store's
 * row types, the zod schemas, the server and the web app.
 */

/** none: the top N win; majority_of_roster: a winner needs more than half of all deputies (全体代表过半数); majority_of_ballots: more than half of the ballots cast. */
export const THRESHOLDS = ['none', 'majority_of_roster', 'majority_of_ballots'] as const;
export type Threshold = (typeof THRESHOLDS)[number];

/** selection: 票决 of projects; satisfaction: the year-end 满意度测评 of the elected ones. */
export const ROUND_KINDS = ['selection', 'satisfaction'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const ROUND_STATES = ['open', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];


/** What the code log (凭证码记录) holds: a code reissued, or a reissue refused because a round was open. */
export const CODE_EVENTS = ['reissued', 'refused'] as const;
export type CodeEvent = (typeof CODE_EVENTS)[number];
