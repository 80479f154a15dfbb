/**
 * 票决 records defined once: these zod schemas give the API's types (by
 * z.infer; the web app imports them with `import type` through ./types.ts),
 * request validation and the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { SATISFACTIONS } from '../vocab.js';
import { CODE_EVENTS, ROUND_KINDS, ROUND_STATES, THRESHOLDS } from './rules.js';

const Id = z.number().int().positive();
const Count = z.number().int().min(0);
/** votes / ballots, 4 decimals; null when nothing was cast. */
const Share = z.number().nullable();

export const Threshold = z.enum(THRESHOLDS);
export const RoundKind = z.enum(ROUND_KINDS);
export const Rating = z.enum(SATISFACTIONS);

// --- counting -------------------------------------------------------------------

export const SelectionRow = z.object({
  candidate_id: Id,
  title: z.string(),
  votes: Count,
  rank: z.number().int().positive().openapi({ description: 'competition rank: equal votes share a rank (1, 2, 2, 4)' }),
  share: Share,
  status: z.enum(['elected', 'tied', 'not_elected', 'below_threshold']),
});

export const TieGroup = z.object({
  votes: Count,
  candidate_ids: z.array(Id),
  decides_seats: z.boolean().openapi({ description: 'the group spans the last seat: not every member can win' }),
});

/** Candidates tied across the last seats compete for `seats_left` in a further round. */
export const Undecided = z.object({ candidate_ids: z.array(Id), seats_left: z.number().int().positive() }).nullable();

export const SelectionTally = z
  .object({
    kind: z.literal('selection'), seats: z.number().int().positive(), threshold: Threshold, roster: Count, ballots: Count, blank: Count,
    rows: z.array(SelectionRow), elected: z.array(Id), ties: z.array(TieGroup), undecided: Undecided,
  })
  .openapi('SelectionTally');

export const SatisfactionRow = z.object({
  candidate_id: Id,
  title: z.string(),
  satisfied: Count,
  basically: Count,
  dissatisfied: Count,
  abstained: Count.openapi({ description: 'ballots that did not rate this project' }),
  satisfaction_rate: Share.openapi({ description: '(满意 + 基本满意) / ratings — the 满意率 reports quote' }),
  satisfied_share: Share,
  basically_share: Share,
  dissatisfied_share: Share,
});

export const SatisfactionTally = z
  .object({ kind: z.literal('satisfaction'), roster: Count, ballots: Count, rows: z.array(SatisfactionRow) })
  .openapi('SatisfactionTally');

export const Tally = z.discriminatedUnion('kind', [SelectionTally, SatisfactionTally]);

/** A stored ballot: choices only (candidate ids chosen, or ratings by project id). */
export const BallotChoices = z.union([z.array(Id), z.record(z.string(), Rating)]);
export const StoredBallot = z.object({ id: z.number().int(), choices: BallotChoices });

// --- sessions, candidates, roster, rounds ----------------------------------------

export const VoteSession = z
  .object({
    id: Id, jurisdiction: z.string(), year: z.number().int(), title: z.string(),
    seats: z.number().int().positive().openapi({ description: 'how many projects the congress picks (each ballot chooses up to this many)' }),
    threshold: Threshold, document_id: Id.nullable(), created_at: z.string(), updated_at: z.string(),
  })
  .openapi('VoteSession');

export const VoteSessionSummary = VoteSession.extend({ candidates: Count, deputies: Count, rounds: Count }).openapi('VoteSessionSummary');

export const VoteCandidate = z
  .object({
    id: Id, session_id: Id, ord: z.number().int().positive(), title: z.string(), detail: z.string().nullable(), source_sentence: z.string().nullable(),
    document_id: Id.nullable(), fact_id: Id.nullable(), task_id: Id.nullable().openapi({ description: 'the ledger task made from it once adopted' }),
  })
  .openapi('VoteCandidate');

export const Deputy = z
  .object({ id: Id, session_id: Id, ord: z.number().int().positive(), name: z.string(), delegation: z.string().nullable().openapi({ description: '代表团' }) })
  .openapi('Deputy');

/** A deputy with the voting code just issued: the only answer a code ever appears in. */
export const DeputyWithCode = Deputy.extend({ code: z.string().openapi({ description: 'shown once; only its hash is stored' }) });

/** Deputies just added with their codes, and the same as a CSV file to print (built here, formulas neutralised). */
export const IssuedCodes = z.object({
  total: Count, items: z.array(DeputyWithCode), note: z.string(),
  codes_csv: z.string().openapi({ description: 'CSV (UTF-8 with BOM): 姓名, 代表团, 投票凭证码; a cell starting with = + - @ is quoted with \'' }),
});

export const Round = z
  .object({
    id: Id, session_id: Id, round_no: z.number().int().positive(), kind: RoundKind, seats: z.number().int().positive().nullable(),
    candidate_ids: z.array(Id), state: z.enum(ROUND_STATES), opened_at: z.string(), closed_at: z.string().nullable(),
    turnout: Count.openapi({ description: 'ballots cast so far (a count is not a secret)' }),
  })
  .openapi('Round');

export const SessionResult = z
  .object({ elected: z.array(Id), undecided: Undecided, selection_rounds: Count, satisfaction: SatisfactionTally.nullable() })
  .openapi('SessionResult');

export const KeptTally = z.object({ round: Round, tally: Tally });

/** What GET /api/votes/sessions/{id} answers. */
export const SessionDetail = z.object({
  session: VoteSession, candidates: z.array(VoteCandidate), deputies: Count, rounds: z.array(Round), result: SessionResult, tallies: z.array(KeptTally),
});

/** The public form: no internal candidate fields, no roster. */
export const PublicSession = VoteSession.pick({ id: true, jurisdiction: true, year: true, title: true, seats: true, threshold: true });
export const PublicCandidate = VoteCandidate.pick({ id: true, ord: true, title: true, detail: true, task_id: true });
export const PublicSessionSummary = VoteSessionSummary.pick({ id: true, jurisdiction: true, year: true, title: true, seats: true, candidates: true, deputies: true, rounds: true });
export const PublicSessionDetail = SessionDetail.extend({ session: PublicSession, candidates: z.array(PublicCandidate) });

/** An entry of the code log (凭证码记录): a code reissued, or a reissue refused because a round was open. */
export const CodeEventItem = z
  .object({
    id: Id, deputy_id: Id, deputy: z.string(), event: z.enum(CODE_EVENTS), round_no: z.number().int().nullable().openapi({ description: 'the open round a reissue was refused in' }),
    by: z.string().nullable().openapi({ description: 'the account that asked' }), at: z.string(),
  })
  .openapi('CodeEvent');

/** What POST /api/votes/lookup answers a deputy. */
export const Lookup = z.object({
  deputy: Deputy.pick({ name: true, delegation: true }),
  session: VoteSession.pick({ id: true, jurisdiction: true, year: true, title: true, seats: true }),
  round: Round.pick({ id: true, round_no: true, kind: true, seats: true }).nullable(),
  voted: z.boolean(),
  candidates: z.array(VoteCandidate.pick({ id: true, ord: true, title: true, detail: true })),
  code_events: z.array(CodeEventItem.pick({ event: true, round_no: true, by: true, at: true })).openapi({ description: 'every reissue of this deputy\'s code, and every refused one' }),
});

export const Participation = z.object({ voted: Count, not_voted: Count, voters: z.array(Deputy), absent: z.array(Deputy) });

// --- requests -------------------------------------------------------------------

const Year = z.number().int().min(1949).max(2100);

export const SessionCreate = z
  .object({
    jurisdiction: z.string().trim().min(1).max(50), year: Year, title: z.string().trim().min(1).max(200),
    seats: z.number().int().min(1).max(200), threshold: Threshold.default('none'), document_id: Id.nullable().optional(),
  })
  .strict();

const CandidateItem = z.object({ title: z.string().trim().min(1).max(500), detail: z.string().max(5000).nullable().optional() }).strict();

export const CandidatesAdd = z
  .union([
    z.object({ items: z.array(CandidateItem).min(1).max(500) }).strict(),
    z.object({ text: z.string().min(1).max(200_000).openapi({ description: 'a pasted list: one per line, or ①…⑩ run together' }) }).strict(),
    z.object({ document_id: Id.openapi({ description: 'take a stored report\'s livelihood projects (民生实事)' }) }).strict(),
  ])
  .openapi({ description: 'send items, text or document_id' });

const Person = z.object({ name: z.string().trim().min(1).max(50), delegation: z.string().trim().max(100).nullable().optional() }).strict();

export const RosterAdd = z
  .union([z.object({ items: z.array(Person).min(1).max(5000) }).strict(), z.object({ text: z.string().min(1).max(500_000).openapi({ description: 'lines pasted from a spreadsheet: 姓名, 代表团' }) }).strict()])
  .openapi({ description: 'send items or text' });

export const RoundOpen = z
  .object({ kind: RoundKind.default('selection'), candidate_ids: z.array(Id).max(500).optional(), seats: z.number().int().min(1).optional() })
  .strict();

const Code = z.string().trim().min(6).max(40).openapi({ description: 'the deputy\'s voting code (投票凭证码); case, spaces and dashes do not matter' });

export const CodeBody = z.object({ code: Code }).strict();

export const BallotCast = z
  .object({ code: Code, choices: z.union([z.array(z.number().int()).max(500), z.record(z.string(), z.string())]).openapi({ description: 'candidate ids (selection), or project id → satisfied | basically | dissatisfied' }) })
  .strict();
