import { z } from 'zod';
import { BALLOT_KINDS, OUTCOME_RULES } from '@concerta/contracts';
import { named } from '../http/schemas.ts';
import { requiredReason, text } from '../http/input.ts';
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency.ts';
import { BALLOT_LOG_FORMAT } from './ballot-log.ts';

/** Request and answer shapes of the voting routes (they also make the OpenAPI document). */

const id = z.string().min(1).max(80);
const slug = z.string().min(1).max(80);

export const processParams = z.strictObject({ slug, processId: id });
export const tableParams = z.strictObject({ slug, processId: id, tableId: id });
export const poolParams = z.strictObject({ slug, processId: id, pool: id });

export const openVoteBody = z.strictObject({
  /** When the polls close: an ISO-8601 instant with its offset. */
  closesAt: z.iso.datetime({ offset: true }),
  /** Whether an online voter may replace their ballot (with its receipt) until the close; fixed at opening. */
  allowChanges: z.boolean(),
  reason: requiredReason,
});

export const closeVoteBody = z.strictObject({ reason: requiredReason });

const projectId = z.string().min(1).max(20);

export const ballotPartSchema = named('BallotPart', z.strictObject({
  /** The envelope: a zone id, or "municipality" for the district-wide rest. */
  pool: id,
  /** Project ids of the ballot paper (most preferred first for ranked ballots). */
  projects: z.array(projectId).max(100),
  /** Points aligned with the projects (cumulative and scoring ballots). */
  points: z.array(z.number().int().min(0).max(1000)).max(100).optional(),
}));

export const castBallotBody = z.strictObject({ parts: z.array(ballotPartSchema).min(1).max(20) });
export const changeBallotBody = z.strictObject({ receipt: text(40, 4), parts: z.array(ballotPartSchema).min(1).max(20) });
export const receiptQuery = z.strictObject({ code: text(40, 4), lang: z.enum(['es', 'en']).optional() });
export const myBallotQuery = z.strictObject({ receipt: text(40, 4), lang: z.enum(['es', 'en']).optional() });

/** A retried cast with the same key answers the first receipt (16 to 128 letters, digits, `.`, `_`, `:`, `-`; a UUID). */
export const castHeaders = z.object({ 'idempotency-key': z.string().regex(IDEMPOTENCY_KEY_PATTERN).optional() });

export const paperContentSchema = named('PaperContent', z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('valid'), parts: z.array(ballotPartSchema).min(1).max(20) }),
  z.strictObject({ kind: z.literal('blank') }),
  z.strictObject({ kind: z.literal('spoiled') }),
]));

/** The serial number printed on the paper ballot: letters, digits and dashes. */
const serial = z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/);

export const paperEntryBody = z.strictObject({ serial, content: paperContentSchema });
export const paperResolveBody = z.strictObject({ serial, content: paperContentSchema, reason: requiredReason });
export const markVoterBody = z.strictObject({ dni: z.string().regex(/^\d{8}$/, { message: 'dni' }) });

export const createTableBody = z.strictObject({
  name: text(80, 2),
  place: text(200, 2),
  facilitatorUserIds: z.array(id).min(1).max(10),
  reason: requiredReason.optional(),
});

const paperProject = z.object({
  projectId: z.string(), proposalId: z.string(), number: z.number(), title: z.string(), zoneId: z.string(), zoneName: z.string(), costCents: z.number(),
});
const paperPool = named('BallotEnvelope', z.object({ key: z.string(), zoneName: z.string().nullable(), budgetCents: z.number(), projects: z.array(paperProject) }));

const settingsSchema = z.object({
  ballotKind: z.enum(BALLOT_KINDS), maxChoices: z.number().nullable(), outcomeRule: z.enum(OUTCOME_RULES), threshold: z.number().nullable(), trainingRequiredToVote: z.boolean(),
});

export const turnoutSchema = named('Turnout', z.object({
  eligible: z.number(), voted: z.number(), online: z.number(), paper: z.number(),
  tables: z.array(z.object({ id: z.string(), name: z.string(), voters: z.number() })),
}));

const tableSchema = named('PollingTable', z.object({
  id: z.string(), name: z.string(), place: z.string(), facilitators: z.array(z.object({ id: z.string(), name: z.string() })),
}));

export const voteSchema = named('Vote', z.object({
  process: z.object({ id: z.string(), fiscalYear: z.number(), phase: z.string(), name: z.string() }),
  /** Null until an administrator opens the vote. */
  vote: z.object({
    id: z.string(), status: z.enum(['open', 'closed']), closesAt: z.string(), allowChanges: z.boolean(), openedAt: z.string(), closedAt: z.string().nullable(),
    /** Whether ballots are taken now (open and before its closing time). */
    takingBallots: z.boolean(),
    settings: settingsSchema, envelopes: z.array(paperPool),
  }).nullable(),
  turnout: turnoutSchema,
  tables: z.array(tableSchema),
}));

export const myVoteSchema = named('MyVote', z.object({
  voteStatus: z.enum(['not_opened', 'open', 'closed']),
  takingBallots: z.boolean(),
  closesAt: z.string().nullable(),
  allowChanges: z.boolean(),
  eligible: z.boolean(),
  /** Why not: no approved registration in the process, or training not completed where the process requires it. */
  reason: z.enum(['not_registered', 'not_trained']).nullable(),
  trainingRequired: z.boolean(),
  sessionsAttended: z.number(),
  sessionsRequired: z.number(),
  agentName: z.string().nullable(),
  voted: z.object({ channel: z.enum(['online', 'paper']), votedAt: z.string() }).nullable(),
  ballotKind: z.enum(BALLOT_KINDS).nullable(),
  maxChoices: z.number().nullable(),
  envelopes: z.array(paperPool),
}));

export const receiptSchema = named('BallotReceipt', z.object({ receipt: z.string(), castAt: z.string() }));
export const changedSchema = z.object({ castAt: z.string(), changes: z.number() });
/** What a receipt code tells anyone: that its ballot was recorded, and counted once the vote closed; never its content. */
export const receiptCheckSchema = named('ReceiptCheck', z.object({
  castAt: z.string(), changes: z.number(), counted: z.boolean(),
}));
/** The signed-in voter's own online ballot. */
export const myBallotSchema = named('MyBallot', z.object({
  castAt: z.string(), changes: z.number(), counted: z.boolean(), parts: z.array(ballotPartSchema),
}));

const paperBallotSchema = named('PaperBallot', z.object({
  serial: z.string(), state: z.enum(['awaiting_second', 'counted', 'mismatch', 'resolved']), content: paperContentSchema.nullable(),
  entries: z.array(z.object({ entryNo: z.number(), content: paperContentSchema, enteredByName: z.string(), enteredAt: z.string(), reason: z.string().nullable(), mine: z.boolean() })),
}));

export const tableDetailSchema = named('PollingTableDetail', z.object({
  table: tableSchema,
  voteStatus: z.enum(['open', 'closed']),
  envelopes: z.array(paperPool),
  ballotKind: z.enum(BALLOT_KINDS),
  voters: z.number(),
  figures: z.object({ typed: z.number(), counted: z.number(), valid: z.number(), blank: z.number(), spoiled: z.number(), mismatches: z.number(), awaitingSecond: z.number() }),
  ballots: z.array(paperBallotSchema),
  /** Votes per project at this table: only once the vote is closed. */
  tally: z.array(z.object({ pool: z.string(), projectId: z.string(), votes: z.number() })).nullable(),
}));

export const markedSchema = z.object({ agentId: z.string(), fullName: z.string() });

const resultProject = z.object({
  projectId: z.string(), proposalId: z.string(), number: z.number(), title: z.string(), zoneName: z.string(), costCents: z.number(),
  votes: z.number(), points: z.number(), funded: z.boolean(), fundedOrder: z.number().nullable(), explanation: z.array(z.string()),
});

export const resultsSchema = named('VoteResults', z.object({
  closedAt: z.string(), ballotKind: z.enum(BALLOT_KINDS), outcomeRule: z.enum(OUTCOME_RULES),
  turnout: z.object({ eligible: z.number(), voted: z.number(), online: z.number(), paper: z.number(), blank: z.number(), spoiled: z.number() }),
  envelopes: z.array(z.object({
    key: z.string(), zoneName: z.string().nullable(), budgetCents: z.number(), spentCents: z.number(), ballots: z.number(),
    projects: z.array(resultProject), pabulibUrl: z.string(),
  })),
}));

const logEntry = z.object({
  seq: z.number(), ballot: paperContentSchema.optional(), receipt: z.string().optional(), prevHash: z.string(), hash: z.string(),
});

/** The public download of a closed vote's ballot log (docs/verify-vote.md); `concerta verify-vote` reads it. */
export const ballotLogExportSchema = named('BallotLogExport', z.object({
  format: z.literal(BALLOT_LOG_FORMAT),
  municipality: z.string(), processId: z.string(), fiscalYear: z.number(), voteId: z.string(), openedAt: z.string(), closedAt: z.string(),
  settings: settingsSchema, envelopes: z.array(paperPool),
  /** Counted ballots sorted by content, then the online receipts' hashes sorted; each entry chained to the one before. */
  entries: z.array(logEntry),
  head: z.string(),
  /** The result published at the close, as the count kept it. */
  result: z.object({ rule: z.enum(OUTCOME_RULES), ballotKind: z.enum(BALLOT_KINDS), pools: z.array(z.unknown()) }),
  /** The close's entry of the municipality's audit log: it names the head and the result's digest. */
  anchor: z.object({
    scope: z.string(), seq: z.number(), at: z.string(), actorId: z.string().nullable(), action: z.string(), entityType: z.string(),
    entityId: z.string().nullable(), reason: z.string().nullable(), data: z.record(z.string(), z.unknown()), prevHash: z.string(), hash: z.string(),
  }),
}));
