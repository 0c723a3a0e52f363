import { sql } from 'kysely';
import type { Dialect, Executor } from '../db/database.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import type { PaperContent, PaperPool, VoteResult, VotingSettings, BallotPart } from './voting.ts';
import type { BallotLogEntry } from './ballot-log.ts';

/** The only place that reads and writes the voting tables. */

export interface Vote {
  id: string;
  processId: string;
  status: 'open' | 'closed';
  closesAt: string;
  allowChanges: boolean;
  settings: VotingSettings;
  paper: PaperPool[];
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  result: VoteResult | null;
  /** The head of the ballot log, published at the close. */
  ballotLogHead: string | null;
}

const VOTE_COLUMNS = ['id', 'process_id', 'status', 'closes_at', 'allow_changes', 'settings', 'paper', 'opened_at', 'opened_by', 'closed_at', 'closed_by', 'result', 'ballot_log_head'] as const;

export async function findVote(db: Executor, municipalityId: string, processId: string): Promise<Vote | null> {
  const r = await db.selectFrom('votes').select(VOTE_COLUMNS).where('municipality_id', '=', municipalityId).where('process_id', '=', processId).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id, processId: r.process_id, status: r.status, closesAt: r.closes_at, allowChanges: Number(r.allow_changes) === 1,
    settings: JSON.parse(r.settings) as VotingSettings, paper: JSON.parse(r.paper) as PaperPool[], openedAt: r.opened_at, openedBy: r.opened_by,
    closedAt: r.closed_at, closedBy: r.closed_by, result: r.result === null ? null : JSON.parse(r.result) as VoteResult, ballotLogHead: r.ballot_log_head,
  };
}

/**
 * The vote of a process, its row locked inside a write transaction on PostgreSQL (SQLite runs one writer at a time):
 * ballots take the `share` lock, the close takes `update`, so no ballot lands after the count.
 */
export async function lockVote(trx: Executor, dialect: Dialect, municipalityId: string, processId: string, mode: 'share' | 'update'): Promise<Vote | null> {
  if (dialect === 'postgres') {
    await sql`SELECT id FROM votes WHERE municipality_id = ${municipalityId} AND process_id = ${processId} ${sql.raw(mode === 'share' ? 'FOR SHARE' : 'FOR UPDATE')}`.execute(trx);
  }
  return findVote(trx, municipalityId, processId);
}

export async function insertVote(db: Executor, municipalityId: string, v: Omit<Vote, 'status' | 'closedAt' | 'closedBy' | 'result' | 'ballotLogHead'>): Promise<void> {
  await db.insertInto('votes').values({
    municipality_id: municipalityId, id: v.id, process_id: v.processId, status: 'open', closes_at: v.closesAt, allow_changes: v.allowChanges ? 1 : 0,
    settings: JSON.stringify(v.settings), paper: JSON.stringify(v.paper), opened_at: v.openedAt, opened_by: v.openedBy,
    closed_at: null, closed_by: null, result: null, ballot_log_head: null,
  }).execute();
}

export async function closeVote(db: Executor, municipalityId: string, voteId: string, at: string, by: string, result: VoteResult, ballotLogHead: string): Promise<void> {
  await db.updateTable('votes').set({ status: 'closed', closed_at: at, closed_by: by, result: JSON.stringify(result), ballot_log_head: ballotLogHead })
    .where('municipality_id', '=', municipalityId).where('id', '=', voteId).execute();
}

export async function insertVoter(db: Executor, municipalityId: string, v: { processId: string; agentId: string; voteId: string; channel: 'online' | 'paper'; tableId: string | null; at: string; by: string }): Promise<void> {
  await db.insertInto('vote_voters').values({
    municipality_id: municipalityId, process_id: v.processId, agent_id: v.agentId, vote_id: v.voteId, channel: v.channel,
    table_id: v.tableId, voted_at: v.at, recorded_by: v.by,
  }).execute();
}

export async function findVoter(db: Executor, municipalityId: string, processId: string, agentId: string): Promise<{ channel: 'online' | 'paper'; tableId: string | null; votedAt: string } | null> {
  const r = await db.selectFrom('vote_voters').select(['channel', 'table_id', 'voted_at'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('agent_id', '=', agentId).executeTakeFirst();
  return r ? { channel: r.channel, tableId: r.table_id, votedAt: r.voted_at } : null;
}

/** Voters by channel, and for paper by table. */
export async function voterCounts(db: Executor, municipalityId: string, voteId: string): Promise<{ channel: 'online' | 'paper'; tableId: string | null; n: number }[]> {
  const rows = await db.selectFrom('vote_voters').select(['channel', 'table_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId).where('vote_id', '=', voteId).groupBy(['channel', 'table_id']).execute();
  return rows.map((r) => ({ channel: r.channel, tableId: r.table_id, n: Number(r.n) }));
}

export async function insertOnlineBallot(db: Executor, municipalityId: string, b: { id: string; voteId: string; receiptHash: string; voterTag: string; parts: BallotPart[]; at: string }): Promise<void> {
  await db.insertInto('online_ballots').values({
    municipality_id: municipalityId, id: b.id, vote_id: b.voteId, receipt_hash: b.receiptHash, voter_tag: b.voterTag, content: JSON.stringify(b.parts), cast_at: b.at, changes: 0,
  }).execute();
}

export async function findOnlineBallot(db: Executor, municipalityId: string, voteId: string, receiptHash: string): Promise<{ id: string; parts: BallotPart[]; castAt: string; changes: number; voterTag: string | null } | null> {
  const r = await db.selectFrom('online_ballots').select(['id', 'content', 'cast_at', 'changes', 'voter_tag'])
    .where('municipality_id', '=', municipalityId).where('vote_id', '=', voteId).where('receipt_hash', '=', receiptHash).executeTakeFirst();
  return r ? { id: r.id, parts: JSON.parse(r.content) as BallotPart[], castAt: r.cast_at, changes: Number(r.changes), voterTag: r.voter_tag } : null;
}

/** The receipt hashes of a vote's online ballots. */
export async function onlineReceiptHashes(db: Executor, municipalityId: string, voteId: string): Promise<string[]> {
  const rows = await db.selectFrom('online_ballots').select('receipt_hash').where('municipality_id', '=', municipalityId).where('vote_id', '=', voteId).execute();
  return rows.map((r) => r.receipt_hash);
}

export async function insertBallotLog(db: Executor, municipalityId: string, voteId: string, entries: readonly BallotLogEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) {
    await db.insertInto('ballot_log').values(entries.slice(i, i + 200).map((e) => ({
      municipality_id: municipalityId, vote_id: voteId, seq: e.seq, ballot: e.ballot === undefined ? null : JSON.stringify(e.ballot),
      receipt: e.receipt ?? null, prev_hash: e.prevHash, hash: e.hash,
    }))).execute();
  }
}

export async function ballotLog(db: Executor, municipalityId: string, voteId: string): Promise<BallotLogEntry[]> {
  const rows = await db.selectFrom('ballot_log').selectAll().where('municipality_id', '=', municipalityId).where('vote_id', '=', voteId).orderBy('seq').execute();
  return rows.map((r) => ({
    seq: Number(r.seq), ...(r.ballot !== null ? { ballot: JSON.parse(r.ballot) as PaperContent } : {}), ...(r.receipt !== null ? { receipt: r.receipt } : {}),
    prevHash: r.prev_hash, hash: r.hash,
  }));
}

export interface IdempotentCast { voteId: string; requestMac: string; receiptBox: string; castAt: string }

export async function findIdempotentCast(db: Executor, municipalityId: string, actorId: string, keyHash: string): Promise<IdempotentCast | null> {
  const r = await db.selectFrom('vote_idempotency').select(['vote_id', 'request_mac', 'receipt_box', 'cast_at'])
    .where('municipality_id', '=', municipalityId).where('actor_id', '=', actorId).where('key_hash', '=', keyHash).executeTakeFirst();
  return r ? { voteId: r.vote_id, requestMac: r.request_mac, receiptBox: r.receipt_box, castAt: r.cast_at } : null;
}

export async function insertIdempotentCast(db: Executor, municipalityId: string, actorId: string, keyHash: string, c: IdempotentCast): Promise<void> {
  await db.insertInto('vote_idempotency').values({
    municipality_id: municipalityId, actor_id: actorId, key_hash: keyHash, vote_id: c.voteId, request_mac: c.requestMac, receipt_box: c.receiptBox, cast_at: c.castAt,
  }).execute();
}

export async function replaceOnlineBallot(db: Executor, municipalityId: string, id: string, parts: BallotPart[], at: string): Promise<void> {
  await db.updateTable('online_ballots').set((eb) => ({ content: JSON.stringify(parts), cast_at: at, changes: eb('changes', '+', 1) }))
    .where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function onlineContents(db: Executor, municipalityId: string, voteId: string): Promise<BallotPart[][]> {
  const rows = await db.selectFrom('online_ballots').select('content').where('municipality_id', '=', municipalityId).where('vote_id', '=', voteId).orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.content) as BallotPart[]);
}

export interface PollingTable {
  id: string;
  voteId: string;
  name: string;
  place: string;
  facilitators: { id: string; name: string }[];
}

export async function insertPollingTable(db: Executor, municipalityId: string, t: { id: string; voteId: string; name: string; place: string; facilitatorIds: string[]; at: string; by: string }): Promise<void> {
  await db.insertInto('polling_tables').values({ municipality_id: municipalityId, id: t.id, vote_id: t.voteId, name: t.name, place: t.place, created_at: t.at, created_by: t.by }).execute();
  await db.insertInto('polling_table_facilitators').values(t.facilitatorIds.map((u) => ({ municipality_id: municipalityId, table_id: t.id, user_id: u }))).execute();
}

export async function listPollingTables(db: Executor, municipalityId: string, voteId: string): Promise<PollingTable[]> {
  const tables = await db.selectFrom('polling_tables').select(['id', 'vote_id', 'name', 'place'])
    .where('municipality_id', '=', municipalityId).where('vote_id', '=', voteId).orderBy('name').execute();
  if (tables.length === 0) return [];
  const people = await db.selectFrom('polling_table_facilitators').select(['table_id', 'user_id'])
    .where('municipality_id', '=', municipalityId).where('table_id', 'in', tables.map((t) => t.id)).execute();
  const names = await userNames(db, people.map((p) => p.user_id));
  return tables.map((t) => ({
    id: t.id, voteId: t.vote_id, name: t.name, place: t.place,
    facilitators: people.filter((p) => p.table_id === t.id).map((p) => ({ id: p.user_id, name: names.get(p.user_id) ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'es')),
  }));
}

export interface PaperEntry {
  id: string;
  tableId: string;
  serial: string;
  entryNo: 1 | 2 | 3;
  content: PaperContent;
  enteredBy: string;
  enteredByName: string;
  enteredAt: string;
  reason: string | null;
}

export async function insertPaperEntry(db: Executor, municipalityId: string, e: Omit<PaperEntry, 'enteredByName'>): Promise<void> {
  await db.insertInto('paper_entries').values({
    municipality_id: municipalityId, id: e.id, table_id: e.tableId, serial: e.serial, entry_no: e.entryNo,
    typist_id: e.entryNo === 3 ? null : e.enteredBy, content: JSON.stringify(e.content), entered_by: e.enteredBy, entered_at: e.enteredAt, reason: e.reason,
  }).execute();
}

export async function paperEntries(db: Executor, municipalityId: string, tableIds: readonly string[], serial?: string): Promise<PaperEntry[]> {
  if (tableIds.length === 0) return [];
  let q = db.selectFrom('paper_entries')
    .select(['id', 'table_id', 'serial', 'entry_no', 'content', 'entered_by', 'entered_at', 'reason'])
    .where('municipality_id', '=', municipalityId).where('table_id', 'in', tableIds);
  if (serial !== undefined) q = q.where('serial', '=', serial);
  const rows = await q.orderBy('table_id').orderBy('serial').orderBy('entry_no').execute();
  const names = await userNames(db, rows.map((r) => r.entered_by));
  return rows.map((r) => ({
    id: r.id, tableId: r.table_id, serial: r.serial, entryNo: Number(r.entry_no) as 1 | 2 | 3, content: JSON.parse(r.content) as PaperContent,
    enteredBy: r.entered_by, enteredByName: names.get(r.entered_by) ?? '', enteredAt: r.entered_at, reason: r.reason,
  }));
}
