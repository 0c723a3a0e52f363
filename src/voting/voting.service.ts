import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseHandle, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/policy.ts';
import { memberWithRole } from '../accounts/accounts.queries.ts';
import { appendAudit, canonicalJson } from '../audit/audit-log.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { latestProvisionalList } from '../prioritization/prioritization.queries.ts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { agentOfUser, findApprovedAgentByDni } from '../registration/registration.queries.ts';
import { eligibleVoters, isTrained, sessionsAttendedBy } from '../training/training.queries.ts';
import { AppError } from '../shared/errors.ts';
import { newId, now } from '../shared/clock.ts';
import * as repo from './voting.repository.ts';
import {
  checkBallot, computeResult, DISTRICT_POOL, poolsOffered, votingSettingsOf, type BallotPart, type PaperContent, type PaperPool, type VotingSettings,
} from './voting.ts';
import { paperBallots, type PaperBallot } from './paper.ts';
import { BALLOT_LOG_FORMAT, buildBallotLog, receiptHash, resultDigest, voterTag, type BallotLogExport } from './ballot-log.ts';
import { idempotencyKeyHash, openReceipt, requestMac, sealReceipt } from './idempotency.ts';
import { findAuditEntry } from '../audit/audit-log.ts';

export { receiptHash };

/** Use cases of the vote. Each write checks, then writes and audits in one transaction under the vote's (or process's) lock. */

async function requireVote(db: Executor, municipalityId: string, processId: string): Promise<repo.Vote> {
  const v = await repo.findVote(db, municipalityId, processId);
  if (!v) throw new AppError('VOTE_NOT_OPENED', {});
  return v;
}

/** The ballot paper: the latest provisional list's funded and alternate entries of each envelope, at their adjusted cost. */
export async function ballotPaper(db: Executor, municipalityId: string, processId: string): Promise<PaperPool[]> {
  const list = await latestProvisionalList(db, municipalityId, processId);
  if (!list) return [];
  return list.result.pools.map((pool) => ({
    key: pool.key, zoneName: pool.zoneName, budgetCents: pool.budgetCents,
    projects: pool.entries.filter((e) => (e.status === 'funded' || e.status === 'alternate') && e.costCents !== null).map((e) => ({
      projectId: String(e.number).padStart(4, '0'), proposalId: e.proposalId, number: e.number, title: e.title, zoneId: e.zoneId, zoneName: e.zoneName, costCents: e.costCents!,
    })),
  })).filter((p) => p.projects.length > 0 && p.budgetCents > 0);
}

/** An administrator opens the vote during Formalization, with its closing time; its settings and ballot paper freeze. */
export async function openVote(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: { closesAt: string; allowChanges: boolean; reason: string }): Promise<repo.Vote> {
  await handle.db.transaction().execute(async (trx) => {
    const process = await lockProcess(trx, handle.dialect, municipalityId, processId, 'update');
    if (process.phase !== 'formalization') throw new AppError('PHASE_CLOSED', { expected: 'formalization', phase: process.phase });
    const existing = await repo.findVote(trx, municipalityId, processId);
    if (existing) throw new AppError('VOTE_ALREADY_OPENED', { openedAt: existing.openedAt });
    const at = now();
    const closesAt = new Date(input.closesAt).toISOString();
    if (closesAt <= at) throw new AppError('VOTE_CLOSE_IN_PAST', { closesAt: input.closesAt }, 'closesAt');
    const paper = await ballotPaper(trx, municipalityId, processId);
    if (paper.length === 0) throw new AppError('VOTE_NO_LIST', {});
    const id = newId();
    const settings = votingSettingsOf(process.rules);
    await repo.insertVote(trx, municipalityId, { id, processId, closesAt, allowChanges: input.allowChanges, settings, paper, openedAt: at, openedBy: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'vote.open', entityType: 'vote', entityId: id, reason: input.reason,
      data: { processId, closesAt, allowChanges: input.allowChanges, settings, envelopes: paper.map((p) => ({ key: p.key, budgetCents: p.budgetCents, projects: p.projects.map((x) => x.number) })) },
    });
  }).catch(async (err: unknown) => {
    // Two administrators opening at the same moment: the one-vote-per-process key lets the first in.
    if (isUniqueViolation(err)) throw new AppError('VOTE_ALREADY_OPENED', { openedAt: (await repo.findVote(handle.db, municipalityId, processId))?.openedAt ?? '' });
    throw err;
  });
  return requireVote(handle.db, municipalityId, processId);
}

/** Whether the vote takes ballots now: open, and before its closing time. */
function assertTakingBallots(vote: repo.Vote | null, at: string): asserts vote is repo.Vote {
  if (!vote) throw new AppError('VOTE_NOT_OPENED', {});
  if (vote.status === 'closed' || at >= vote.closesAt) throw new AppError('VOTE_CLOSED', { closesAt: vote.closesAt });
}

export type Ineligibility = 'not_registered' | 'not_trained';

export interface Eligibility {
  agent: { id: string; fullName: string; zoneId: string } | null;
  eligible: boolean;
  reason: Ineligibility | null;
  attended: number;
  required: number;
  trainingRequired: boolean;
}

/** Whether an agent may vote, and why not: approved in the process, and trained where the process requires it. */
async function eligibilityOf(db: Executor, municipalityId: string, process: Process, agent: { id: string; fullName: string; zoneId: string } | null, trainingRequired: boolean): Promise<Eligibility> {
  const required = process.rules.minTrainingSessions;
  if (!agent) return { agent: null, eligible: false, reason: 'not_registered', attended: 0, required, trainingRequired };
  const attended = (await sessionsAttendedBy(db, municipalityId, process.id, agent.id)).length;
  if (trainingRequired && !(await isTrained(db, municipalityId, process.id, agent.id))) {
    return { agent, eligible: false, reason: 'not_trained', attended, required, trainingRequired };
  }
  return { agent, eligible: true, reason: null, attended, required, trainingRequired };
}

function assertEligible(e: Eligibility): asserts e is Eligibility & { agent: NonNullable<Eligibility['agent']> } {
  if (!e.agent) throw new AppError('VOTER_NOT_REGISTERED', {});
  if (e.reason === 'not_trained') throw new AppError('VOTER_NOT_TRAINED', { name: e.agent.fullName, attended: e.attended, required: e.required });
}

function alreadyVoted(name: string, channel: 'online' | 'paper'): AppError {
  return new AppError('ALREADY_VOTED', channel === 'online'
    ? { name, how_es: 'en línea', how_en: 'online' }
    : { name, how_es: 'en una mesa de votación', how_en: 'at a polling table' });
}

/** A receipt code people can copy: 16 letters and digits in groups of four (80 bits). */
export function newReceipt(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** What a signed-in person sees on their voting page: the vote, whether they may vote and why not, whether they voted. */
export async function myVote(db: Executor, actor: Actor, municipalityId: string, processId: string) {
  const process = await requireProcess(db, municipalityId, processId);
  const vote = await repo.findVote(db, municipalityId, processId);
  const profile = await agentOfUser(db, municipalityId, processId, actor.userId);
  const agent = profile && profile.status === 'approved' ? { id: profile.id, fullName: profile.fullName, zoneId: profile.zoneId } : null;
  const trainingRequired = vote ? vote.settings.trainingRequiredToVote : process.rules.trainingRequiredToVote;
  const eligibility = await eligibilityOf(db, municipalityId, process, agent, trainingRequired);
  const voted = agent ? await repo.findVoter(db, municipalityId, processId, agent.id) : null;
  return { process, vote, eligibility, voted, pools: vote && agent ? poolsOffered(vote.paper, agent.zoneId) : [] };
}

/**
 * An eligible agent casts their one ballot online, checked and written in one transaction; they get a receipt code.
 * With an idempotency key, a retry of the same request (the same key, vote and ballot) answers the first receipt,
 * from any server process and after a restart; the key reused for another request is refused.
 */
export async function castOnline(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, parts: BallotPart[], idempotencyKey?: string): Promise<{ receipt: string; castAt: string }> {
  const receipt = newReceipt();
  const at = now();
  const keyHash = idempotencyKey === undefined ? null : idempotencyKeyHash(idempotencyKey);
  const mac = idempotencyKey === undefined ? null : requestMac(idempotencyKey, { processId, parts });
  /** The first answer to this key, if a cast with it committed: the same receipt, or a refusal if the request differs. */
  const replay = async (db: Executor): Promise<{ receipt: string; castAt: string } | null> => {
    if (keyHash === null || idempotencyKey === undefined) return null;
    const first = await repo.findIdempotentCast(db, municipalityId, actor.userId, keyHash);
    if (!first) return null;
    if (first.requestMac !== mac) throw new AppError('IDEMPOTENCY_KEY_REUSED', {}, 'idempotency-key');
    return { receipt: openReceipt(idempotencyKey, first.receiptBox), castAt: first.castAt };
  };
  let answer: { receipt: string; castAt: string } = { receipt, castAt: at };
  await handle.db.transaction().execute(async (trx) => {
    const vote = await repo.lockVote(trx, handle.dialect, municipalityId, processId, 'share');
    const again = await replay(trx);
    if (again) { answer = again; return; }
    assertTakingBallots(vote, at);
    const process = await requireProcess(trx, municipalityId, processId);
    const profile = await agentOfUser(trx, municipalityId, processId, actor.userId);
    const e = await eligibilityOf(trx, municipalityId, process, profile && profile.status === 'approved' ? profile : null, vote.settings.trainingRequiredToVote);
    assertEligible(e);
    const before = await repo.findVoter(trx, municipalityId, processId, e.agent.id);
    if (before) {
      // The same request sent at the same moment may have committed since the first look (PostgreSQL reads each
      // statement's committed data): its answer, then, not a refusal.
      const late = await replay(trx);
      if (late) { answer = late; return; }
      throw alreadyVoted(e.agent.fullName, before.channel);
    }
    const kept = checkBallot(poolsOffered(vote.paper, e.agent.zoneId), vote.settings, parts);
    await repo.insertVoter(trx, municipalityId, { processId, agentId: e.agent.id, voteId: vote.id, channel: 'online', tableId: null, at, by: actor.userId });
    await repo.insertOnlineBallot(trx, municipalityId, { id: newId(), voteId: vote.id, receiptHash: receiptHash(receipt), voterTag: voterTag(e.agent.id, receipt), parts: kept, at });
    if (keyHash !== null && idempotencyKey !== undefined) {
      await repo.insertIdempotentCast(trx, municipalityId, actor.userId, keyHash, { voteId: vote.id, requestMac: mac!, receiptBox: sealReceipt(idempotencyKey, receipt), castAt: at });
    }
    // The audit names the voter (who voted is no secret), never the content.
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'vote.cast_online', entityType: 'vote', entityId: vote.id, reason: null,
      data: { processId, agentId: e.agent.id, channel: 'online' },
    });
  }).catch(async (err: unknown) => {
    // Two requests at the same moment: the database's key on who voted lets one through; the other gets the coded
    // error, or, when it was a retry of the same request, the first one's receipt.
    if (isUniqueViolation(err)) {
      const again = await replay(handle.db);
      if (again) { answer = again; return; }
      const profile = await agentOfUser(handle.db, municipalityId, processId, actor.userId);
      const voter = profile ? await repo.findVoter(handle.db, municipalityId, processId, profile.id) : null;
      throw alreadyVoted(profile?.fullName ?? '', voter?.channel ?? 'online');
    }
    throw err;
  });
  return answer;
}

/** The voter replaces their online ballot, with its receipt code, until the close, where the vote allows it. */
export async function changeOnline(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, receipt: string, parts: BallotPart[]): Promise<{ castAt: string; changes: number }> {
  const at = now();
  let changes = 0;
  await handle.db.transaction().execute(async (trx) => {
    const vote = await repo.lockVote(trx, handle.dialect, municipalityId, processId, 'share');
    assertTakingBallots(vote, at);
    if (!vote.allowChanges) throw new AppError('VOTE_CHANGES_NOT_ALLOWED', {});
    const profile = await agentOfUser(trx, municipalityId, processId, actor.userId);
    const voter = profile ? await repo.findVoter(trx, municipalityId, processId, profile.id) : null;
    const ballot = await repo.findOnlineBallot(trx, municipalityId, vote.id, receiptHash(receipt));
    // Only the voter who holds the receipt changes the ballot: someone else's code is unknown here.
    if (!profile || !voter || voter.channel !== 'online' || !ballot || ballot.voterTag !== voterTag(profile.id, receipt)) throw new AppError('VOTE_RECEIPT_UNKNOWN', {}, 'receipt');
    const kept = checkBallot(poolsOffered(vote.paper, profile.zoneId), vote.settings, parts);
    await repo.replaceOnlineBallot(trx, municipalityId, ballot.id, kept, at);
    changes = ballot.changes + 1;
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'vote.change_online', entityType: 'vote', entityId: vote.id, reason: null,
      data: { processId, agentId: profile.id, changes },
    });
  });
  return { castAt: at, changes };
}

/**
 * Anyone holding a receipt code learns whether its ballot was recorded and, once the vote is closed, counted: never
 * what it says, so a receipt cannot prove a vote to a buyer.
 */
export async function checkReceipt(db: Executor, municipalityId: string, processId: string, receipt: string) {
  const vote = await requireVote(db, municipalityId, processId);
  const ballot = await repo.findOnlineBallot(db, municipalityId, vote.id, receiptHash(receipt));
  if (!ballot) throw new AppError('VOTE_RECEIPT_UNKNOWN', {}, 'receipt');
  return { vote, castAt: ballot.castAt, changes: ballot.changes, counted: vote.status === 'closed' };
}

/** The signed-in voter sees their own online ballot, with its receipt code (someone else's code is unknown to them). */
export async function myBallot(db: Executor, actor: Actor, municipalityId: string, processId: string, receipt: string) {
  const vote = await requireVote(db, municipalityId, processId);
  const profile = await agentOfUser(db, municipalityId, processId, actor.userId);
  const ballot = await repo.findOnlineBallot(db, municipalityId, vote.id, receiptHash(receipt));
  if (!profile || !ballot || ballot.voterTag !== voterTag(profile.id, receipt)) throw new AppError('VOTE_RECEIPT_UNKNOWN', {}, 'receipt');
  return { castAt: ballot.castAt, changes: ballot.changes, counted: vote.status === 'closed', parts: ballot.parts };
}

export interface Turnout {
  eligible: number;
  voted: number;
  online: number;
  paper: number;
  tables: { id: string; name: string; voters: number }[];
}

/** Who may vote and who did, live: no result in it. */
export async function turnout(db: Executor, municipalityId: string, processId: string, vote: repo.Vote | null): Promise<Turnout> {
  const eligible = (await eligibleVoters(db, municipalityId, processId)).length;
  if (!vote) return { eligible, voted: 0, online: 0, paper: 0, tables: [] };
  const counts = await repo.voterCounts(db, municipalityId, vote.id);
  const tables = await repo.listPollingTables(db, municipalityId, vote.id);
  const online = counts.filter((c) => c.channel === 'online').reduce((s, c) => s + c.n, 0);
  const paper = counts.filter((c) => c.channel === 'paper').reduce((s, c) => s + c.n, 0);
  return {
    eligible, voted: online + paper, online, paper,
    tables: tables.map((t) => ({ id: t.id, name: t.name, voters: counts.find((c) => c.tableId === t.id)?.n ?? 0 })),
  };
}

/** An administrator sets up a polling table with its place and (at least two) facilitators. */
export async function createPollingTable(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: { name: string; place: string; facilitatorUserIds: string[]; reason?: string | undefined }): Promise<repo.PollingTable> {
  const ids = [...new Set(input.facilitatorUserIds)];
  if (ids.length < 2) throw new AppError('TABLE_NEEDS_TWO_FACILITATORS', {}, 'facilitatorUserIds');
  const id = newId();
  await handle.db.transaction().execute(async (trx) => {
    const vote = await repo.lockVote(trx, handle.dialect, municipalityId, processId, 'share');
    if (!vote) throw new AppError('VOTE_NOT_OPENED', {});
    if (vote.status === 'closed') throw new AppError('VOTE_ALREADY_CLOSED', { closedAt: vote.closedAt });
    for (const u of ids) {
      if (!(await memberWithRole(trx, municipalityId, u, ['facilitator', 'administrator']))) throw new AppError('UNKNOWN_REFERENCE', { what: 'facilitator', value: u }, 'facilitatorUserIds');
    }
    await repo.insertPollingTable(trx, municipalityId, { id, voteId: vote.id, name: input.name, place: input.place, facilitatorIds: ids, at: now(), by: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'vote.table_create', entityType: 'polling_table', entityId: id, reason: input.reason ?? null,
      data: { processId, voteId: vote.id, name: input.name, place: input.place, facilitatorUserIds: ids },
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw new AppError('TABLE_NAME_TAKEN', { name: input.name }, 'name');
    throw err;
  });
  return (await repo.listPollingTables(handle.db, municipalityId, (await requireVote(handle.db, municipalityId, processId)).id)).find((t) => t.id === id)!;
}

export async function pollingTables(db: Executor, municipalityId: string, processId: string): Promise<repo.PollingTable[]> {
  const vote = await repo.findVote(db, municipalityId, processId);
  return vote ? repo.listPollingTables(db, municipalityId, vote.id) : [];
}

async function requireTable(db: Executor, municipalityId: string, vote: repo.Vote, tableId: string): Promise<repo.PollingTable> {
  const t = (await repo.listPollingTables(db, municipalityId, vote.id)).find((x) => x.id === tableId);
  if (!t) throw new AppError('NOT_FOUND', { what: `polling table ${tableId}` });
  return t;
}

/** The table's facilitators act at their table; an administrator may read every table. */
function assertAtTable(actor: Actor, table: repo.PollingTable): void {
  if (!table.facilitators.some((f) => f.id === actor.userId)) throw new AppError('NOT_TABLE_FACILITATOR', { table: table.name });
}

/** At the table, a facilitator marks an agent (by DNI, against the list of who may vote) as having voted on paper. */
export async function markPaperVoter(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, tableId: string, dni: string): Promise<{ agentId: string; fullName: string }> {
  const at = now();
  let marked: { agentId: string; fullName: string } | null = null;
  await handle.db.transaction().execute(async (trx) => {
    const vote = await repo.lockVote(trx, handle.dialect, municipalityId, processId, 'share');
    assertTakingBallots(vote, at);
    const table = await requireTable(trx, municipalityId, vote, tableId);
    assertAtTable(actor, table);
    const process = await requireProcess(trx, municipalityId, processId);
    const agent = await findApprovedAgentByDni(trx, municipalityId, processId, dni);
    if (!agent) throw new AppError('VOTER_NOT_ON_LIST', { dni }, 'dni');
    const e = await eligibilityOf(trx, municipalityId, process, agent, vote.settings.trainingRequiredToVote);
    assertEligible(e);
    const before = await repo.findVoter(trx, municipalityId, processId, agent.id);
    if (before) throw alreadyVoted(agent.fullName, before.channel);
    await repo.insertVoter(trx, municipalityId, { processId, agentId: agent.id, voteId: vote.id, channel: 'paper', tableId, at, by: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'vote.mark_paper', entityType: 'polling_table', entityId: tableId, reason: null,
      data: { processId, agentId: agent.id, channel: 'paper' },
    });
    marked = { agentId: agent.id, fullName: agent.fullName };
  }).catch(async (err: unknown) => {
    if (isUniqueViolation(err)) {
      const agent = await findApprovedAgentByDni(handle.db, municipalityId, processId, dni);
      const voter = agent ? await repo.findVoter(handle.db, municipalityId, processId, agent.id) : null;
      throw alreadyVoted(agent?.fullName ?? dni, voter?.channel ?? 'paper');
    }
    throw err;
  });
  return marked!;
}

/** A paper ballot's content, checked against the whole ballot paper: at most one zone's envelope besides the district-wide one. */
function checkPaperContent(vote: repo.Vote, content: PaperContent): PaperContent {
  if (content.kind !== 'valid') return { kind: content.kind };
  const zones = content.parts.filter((p) => p.pool !== DISTRICT_POOL && p.projects.length > 0);
  if (zones.length > 1) throw new AppError('BALLOT_TWO_ZONES', {}, 'content');
  const parts = checkBallot(vote.paper, vote.settings, content.parts);
  return { kind: 'valid', parts: [...parts].sort((a, b) => (a.pool < b.pool ? -1 : a.pool > b.pool ? 1 : 0)) };
}

/**
 * A facilitator of the table types a paper ballot, found by the serial number printed on it: the first entry, or the
 * second by another facilitator. The ballot counts when both match; otherwise it waits in the table's mismatch list.
 */
export async function enterPaperBallot(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, tableId: string, input: { serial: string; content: PaperContent }): Promise<PaperBallot> {
  return writeEntry(handle, actor, municipalityId, processId, tableId, input.serial, async (trx, vote, table, entries) => {
    if (entries.length >= 2) throw new AppError(entries.length === 2 && paperBallots(entries)[0]!.state === 'mismatch' ? 'PAPER_NOT_IN_MISMATCH' : 'PAPER_ALREADY_COUNTED', { serial: input.serial }, 'serial');
    if (entries.some((e) => e.enteredBy === actor.userId)) throw new AppError('PAPER_SAME_TYPIST', { serial: input.serial }, 'serial');
    if (entries.length === 0) {
      const voters = (await repo.voterCounts(trx, municipalityId, vote.id)).find((c) => c.tableId === table.id)?.n ?? 0;
      const ballots = new Set((await repo.paperEntries(trx, municipalityId, [table.id])).map((e) => e.serial)).size + 1;
      if (ballots > voters) throw new AppError('PAPER_MORE_BALLOTS_THAN_VOTERS', { table: table.name, voters, ballots }, 'serial');
    }
    return { entryNo: (entries.length + 1) as 1 | 2, content: checkPaperContent(vote, input.content), reason: null };
  });
}

/** A facilitator of the table resolves a mismatch against the paper: a third entry, with the reason. */
export async function resolvePaperBallot(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, tableId: string, input: { serial: string; content: PaperContent; reason: string }): Promise<PaperBallot> {
  return writeEntry(handle, actor, municipalityId, processId, tableId, input.serial, async (_trx, vote, _table, entries) => {
    if (paperBallots(entries)[0]?.state !== 'mismatch') throw new AppError('PAPER_NOT_IN_MISMATCH', { serial: input.serial }, 'serial');
    return { entryNo: 3, content: checkPaperContent(vote, input.content), reason: input.reason };
  });
}

async function writeEntry(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, tableId: string, serial: string,
  decide: (trx: Executor, vote: repo.Vote, table: repo.PollingTable, entries: repo.PaperEntry[]) => Promise<{ entryNo: 1 | 2 | 3; content: PaperContent; reason: string | null }>): Promise<PaperBallot> {
  await handle.db.transaction().execute(async (trx) => {
    const vote = await repo.lockVote(trx, handle.dialect, municipalityId, processId, 'share');
    if (!vote) throw new AppError('VOTE_NOT_OPENED', {});
    // Paper ballots are counted after the polls close, until the administrator closes the vote.
    if (vote.status === 'closed') throw new AppError('VOTE_ALREADY_CLOSED', { closedAt: vote.closedAt });
    const table = await requireTable(trx, municipalityId, vote, tableId);
    assertAtTable(actor, table);
    const entries = await repo.paperEntries(trx, municipalityId, [tableId], serial);
    const { entryNo, content, reason } = await decide(trx, vote, table, entries);
    const id = newId();
    await repo.insertPaperEntry(trx, municipalityId, { id, tableId, serial, entryNo, content, enteredBy: actor.userId, enteredAt: now(), reason });
    // The audit keeps who typed which entry of which serial; the content stays in the table's entries.
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: entryNo === 3 ? 'vote.paper_resolve' : 'vote.paper_entry', entityType: 'polling_table', entityId: tableId, reason,
      data: { processId, serial, entryNo, digest: createHash('sha256').update(canonicalJson(content)).digest('hex') },
    });
  }).catch((err: unknown) => {
    // Two entries of one serial at the same moment, or one person typing both: the table's keys refuse the second.
    if (isUniqueViolation(err)) throw new AppError('PAPER_SAME_TYPIST', { serial }, 'serial');
    throw err;
  });
  return paperBallots(await repo.paperEntries(handle.db, municipalityId, [tableId], serial))[0]!;
}

/** A table's ballots as typed, with the state of each (for its facilitators and administrators). */
export async function tableBallots(db: Executor, actor: Actor, municipalityId: string, processId: string, tableId: string) {
  const vote = await requireVote(db, municipalityId, processId);
  const table = await requireTable(db, municipalityId, vote, tableId);
  if (!can(actor, 'vote.manage', municipalityId)) assertAtTable(actor, table);
  const entries = await repo.paperEntries(db, municipalityId, [tableId]);
  const voters = (await repo.voterCounts(db, municipalityId, vote.id)).find((c) => c.tableId === tableId)?.n ?? 0;
  return { vote, table, voters, entries, ballots: paperBallots(entries) };
}

/** Every paper ballot that counts (both entries match, or a mismatch resolved), by table. */
async function countedPaper(db: Executor, municipalityId: string, vote: repo.Vote): Promise<PaperBallot[]> {
  const tables = await repo.listPollingTables(db, municipalityId, vote.id);
  return paperBallots(await repo.paperEntries(db, municipalityId, tables.map((t) => t.id)));
}

/**
 * An administrator closes the vote at or after its closing time, once every paper ballot is settled: each envelope's
 * election runs the outcome rule, and the result is kept with the close, audited.
 */
export async function closeVote(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, reason: string): Promise<repo.Vote> {
  await handle.db.transaction().execute(async (trx) => {
    await lockProcess(trx, handle.dialect, municipalityId, processId);
    const vote = await repo.lockVote(trx, handle.dialect, municipalityId, processId, 'update');
    if (!vote) throw new AppError('VOTE_NOT_OPENED', {});
    if (vote.status === 'closed') throw new AppError('VOTE_ALREADY_CLOSED', { closedAt: vote.closedAt });
    const at = now();
    if (at < vote.closesAt) throw new AppError('VOTE_NOT_DUE', { closesAt: vote.closesAt });
    const paper = await countedPaper(trx, municipalityId, vote);
    const pending = paper.filter((b) => b.state === 'mismatch' || b.state === 'awaiting_second').length;
    if (pending > 0) throw new AppError('VOTE_PAPER_PENDING', { count: pending });
    const ballots = await countedBallots(trx, municipalityId, vote, paper);
    const result = computeResult(vote.paper, vote.settings, ballots);
    const log = await writeBallotLog(trx, municipalityId, vote.id, paper);
    await repo.closeVote(trx, municipalityId, vote.id, at, actor.userId, result, log.head);
    const t = await turnout(trx, municipalityId, processId, vote);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'vote.close', entityType: 'vote', entityId: vote.id, reason,
      data: {
        processId, turnout: { eligible: t.eligible, online: t.online, paper: t.paper }, ballots: ballots.length,
        resultDigest: resultDigest(result), ballotLog: log.summary,
        funded: result.pools.map((p) => ({ envelope: p.key, projects: p.projects.filter((x) => x.funded).map((x) => x.number) })),
      },
    });
  });
  return requireVote(handle.db, municipalityId, processId);
}

/**
 * Writes the ballot log of a vote at its close: every online ballot in its final form and every settled paper ballot
 * (blank and spoiled too), then the online receipts' hashes (see ballot-log.ts). Returns the head and what the close's
 * audit entry records of it.
 */
export async function writeBallotLog(trx: Executor, municipalityId: string, voteId: string, paper: readonly PaperBallot[]) {
  const online = (await repo.onlineContents(trx, municipalityId, voteId)).map((parts): PaperContent => ({ kind: 'valid', parts }));
  const onPaper = paper.flatMap((b) => (b.content ? [b.content] : []));
  const receipts = await repo.onlineReceiptHashes(trx, municipalityId, voteId);
  const { entries, head } = buildBallotLog(voteId, [...online, ...onPaper], receipts);
  await repo.insertBallotLog(trx, municipalityId, voteId, entries);
  return { head, summary: { head, entries: entries.length, ballots: online.length + onPaper.length, receipts: receipts.length } };
}

/**
 * The public download of a closed vote: the ballot paper, the settings, the ballot log with its head, the result and
 * the close's audit entry that anchors them. Refused before the close.
 */
export async function ballotLogExport(db: Executor, m: { id: string; slug: string }, process: Pick<Process, 'id' | 'fiscalYear'>): Promise<BallotLogExport> {
  const vote = await requireVote(db, m.id, process.id);
  if (vote.status !== 'closed' || !vote.result) throw new AppError('RESULTS_NOT_YET', { closesAt: vote.closesAt });
  const anchor = await findAuditEntry(db, m.id, 'vote.close', vote.id);
  if (!vote.ballotLogHead || !anchor) throw new AppError('VOTE_NO_BALLOT_LOG', {});
  return {
    format: BALLOT_LOG_FORMAT, municipality: m.slug, processId: process.id, fiscalYear: process.fiscalYear, voteId: vote.id,
    openedAt: vote.openedAt, closedAt: vote.closedAt!, settings: vote.settings, envelopes: vote.paper,
    entries: await repo.ballotLog(db, m.id, vote.id), head: vote.ballotLogHead, result: vote.result, anchor,
  };
}

/** Every ballot that counts, anonymous: online ones, then the valid paper ones (blank and spoiled counted apart). */
async function countedBallots(db: Executor, municipalityId: string, vote: repo.Vote, paper: PaperBallot[]): Promise<BallotPart[][]> {
  const online = await repo.onlineContents(db, municipalityId, vote.id);
  const onPaper = paper.flatMap((b) => (b.content?.kind === 'valid' ? [b.content.parts] : []));
  return [...online, ...onPaper];
}

/** The anonymous ballots of a closed vote (for the Pabulib export); null while it is open. */
export async function closedBallots(db: Executor, municipalityId: string, processId: string): Promise<{ vote: repo.Vote; ballots: BallotPart[][] } | null> {
  const vote = await repo.findVote(db, municipalityId, processId);
  if (!vote || vote.status !== 'closed') return null;
  return { vote, ballots: await countedBallots(db, municipalityId, vote, await countedPaper(db, municipalityId, vote)) };
}

/** Blank and spoiled paper ballots, counted apart from the valid ones. */
export async function paperFigures(db: Executor, municipalityId: string, vote: repo.Vote): Promise<{ valid: number; blank: number; spoiled: number }> {
  const paper = await countedPaper(db, municipalityId, vote);
  const counted = paper.filter((b) => b.content !== null);
  return {
    valid: counted.filter((b) => b.content!.kind === 'valid').length,
    blank: counted.filter((b) => b.content!.kind === 'blank').length,
    spoiled: counted.filter((b) => b.content!.kind === 'spoiled').length,
  };
}

export type { VotingSettings };
