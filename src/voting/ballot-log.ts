/**
 * The ballot log of a closed vote, as pure functions (docs/verify-vote.md): built at the close, checked by anyone with
 * `concerta verify-vote`. Nothing here reads or writes the database.
 *
 * The log is one hash chain per vote. Its entries are first every counted ballot, anonymous (online ballots in their
 * final form, since a changed ballot replaces the earlier one before the close; paper ballots as matched or resolved,
 * blank and spoiled ones included), sorted by their content so the order says nothing about who cast them or when;
 * then the hashes of the online receipt codes, sorted on their own, so a receipt shows that a ballot was recorded
 * and never which one. The head is the last entry's hash; the close's audit entry names it, and the signed audit
 * checkpoints cover that entry.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, entryHash, GENESIS, type AuditEntry } from '../audit/audit-log.ts';
import { computeResult, type BallotPart, type PaperContent, type PaperPool, type VoteResult, type VotingSettings } from './voting.ts';

export const BALLOT_LOG_FORMAT = 'concerta-ballot-log/1';

export interface BallotLogEntry {
  seq: number;
  /** A counted ballot's content (exactly one of ballot and receipt). */
  ballot?: PaperContent | undefined;
  /** The SHA-256 of an online receipt code, as `receiptHash` computes it. */
  receipt?: string | undefined;
  prevHash: string;
  hash: string;
}

/** The public download of a closed vote: its ballot paper and settings, the log, its head, the result, the anchor. */
export interface BallotLogExport {
  format: typeof BALLOT_LOG_FORMAT;
  municipality: string;
  processId: string;
  fiscalYear: number;
  voteId: string;
  openedAt: string;
  closedAt: string;
  settings: VotingSettings;
  envelopes: PaperPool[];
  entries: BallotLogEntry[];
  head: string;
  /** The result published at the close. */
  result: VoteResult;
  /** The close's entry of the municipality's audit log, which names the head and the result's digest. */
  anchor: AuditEntry;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash a receipt code is kept and published as: letters and digits only, upper case. */
export function receiptHash(code: string): string {
  return sha256(code.trim().toUpperCase().replace(/[^A-Z0-9]/g, ''));
}

/** The digest of a result, as the close's audit entry records it. */
export function resultDigest(result: VoteResult): string {
  return sha256(canonicalJson(result));
}

/** One ballot as the log keeps it: parts in envelope order, empty points left out. */
export function normalBallot(content: PaperContent): PaperContent {
  if (content.kind !== 'valid') return { kind: content.kind };
  const parts: BallotPart[] = content.parts.map((p) => (p.points === undefined ? { pool: p.pool, projects: [...p.projects] } : { pool: p.pool, projects: [...p.projects], points: [...p.points] }));
  return { kind: 'valid', parts: parts.sort((a, b) => (a.pool < b.pool ? -1 : a.pool > b.pool ? 1 : 0)) };
}

export function ballotEntryHash(voteId: string, e: Omit<BallotLogEntry, 'hash'>): string {
  return sha256(canonicalJson({ vote: voteId, seq: e.seq, ballot: e.ballot ?? null, receipt: e.receipt ?? null, prevHash: e.prevHash }));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The chain of a vote: the ballots sorted by content, then the receipt hashes sorted. */
export function buildBallotLog(voteId: string, ballots: readonly PaperContent[], receiptHashes: readonly string[]): { entries: BallotLogEntry[]; head: string } {
  const sorted = ballots.map((b) => ({ b: normalBallot(b), text: canonicalJson(normalBallot(b)) })).sort((x, y) => byText(x.text, y.text));
  const items: Pick<BallotLogEntry, 'ballot' | 'receipt'>[] = [...sorted.map((x) => ({ ballot: x.b })), ...[...receiptHashes].sort(byText).map((receipt) => ({ receipt }))];
  const entries: BallotLogEntry[] = [];
  let prevHash = GENESIS;
  for (const [i, item] of items.entries()) {
    const e = { seq: i + 1, ...item, prevHash };
    const hash = ballotEntryHash(voteId, e);
    entries.push({ ...e, hash });
    prevHash = hash;
  }
  return { entries, head: prevHash };
}

export type LogProblem = 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'not_one_of_ballot_or_receipt' | 'out_of_order' | 'receipt_twice';

export interface VoteCheck {
  chain: { ok: boolean; entries: number; ballots: number; receipts: number; broken: { seq: number; problem: LogProblem } | null };
  /** The head recomputed from the entries, and whether it is the one the export publishes. */
  head: string;
  headMatches: boolean;
  anchor: { seq: number; hash: string; entryHashOk: boolean; namesHead: boolean; namesResult: boolean };
  recount: {
    ok: boolean;
    valid: number; blank: number; spoiled: number;
    /** The valid ballots the close counted (its audit entry), against those in the log. */
    countedAtClose: number | null;
    envelopes: { key: string; ok: boolean; funded: string[]; publishedFunded: string[]; votes: Record<string, number>; publishedVotes: Record<string, number> }[];
  };
  receipt: { code: string; recorded: boolean } | null;
  ok: boolean;
}

function walk(exp: BallotLogExport): VoteCheck['chain'] & { head: string } {
  let prevHash = GENESIS;
  let ballots = 0;
  let receipts = 0;
  let lastText: string | null = null;
  let inReceipts = false;
  const fail = (seq: number, problem: LogProblem) => ({ ok: false, entries: exp.entries.length, ballots, receipts, broken: { seq, problem }, head: prevHash });
  for (const [i, e] of exp.entries.entries()) {
    if (e.seq !== i + 1) return fail(e.seq, 'sequence_gap');
    if (e.prevHash !== prevHash) return fail(e.seq, 'prev_hash_mismatch');
    if (ballotEntryHash(exp.voteId, e) !== e.hash) return fail(e.seq, 'hash_mismatch');
    if ((e.ballot === undefined) === (e.receipt === undefined)) return fail(e.seq, 'not_one_of_ballot_or_receipt');
    // Ballots first, sorted by content; then receipts, sorted and each once: an order that says nothing about casting.
    const text = e.ballot !== undefined ? canonicalJson(e.ballot) : e.receipt!;
    if (e.receipt !== undefined && !inReceipts) { inReceipts = true; lastText = null; }
    if (e.ballot !== undefined && inReceipts) return fail(e.seq, 'out_of_order');
    if (lastText !== null && text < lastText) return fail(e.seq, 'out_of_order');
    if (inReceipts && text === lastText) return fail(e.seq, 'receipt_twice');
    lastText = text;
    if (e.ballot !== undefined) ballots += 1; else receipts += 1;
    prevHash = e.hash;
  }
  return { ok: true, entries: exp.entries.length, ballots, receipts, broken: null, head: prevHash };
}

/** What an envelope's result says: funded projects (sorted) and votes per project. */
function summary(result: VoteResult, key: string): { funded: string[]; votes: Record<string, number> } {
  const pool = result.pools.find((p) => p.key === key);
  return {
    funded: (pool?.projects ?? []).filter((p) => p.funded).map((p) => p.projectId).sort(byText),
    votes: Object.fromEntries((pool?.projects ?? []).map((p) => [p.projectId, p.votes])),
  };
}

/**
 * Checks an export: the chain (each entry recomputed and linked, in the published order), its head against the
 * published one and the close's audit entry, and the count of its ballots against the published result; with a
 * receipt code, whether its hash is among the receipts.
 */
export function checkVoteExport(exp: BallotLogExport, receiptCode?: string): VoteCheck {
  const chain = walk(exp);
  const contents = exp.entries.flatMap((e) => (e.ballot ? [e.ballot] : []));
  const valid = contents.flatMap((c) => (c.kind === 'valid' ? [c.parts] : []));
  const recounted = computeResult(exp.envelopes, exp.settings, valid);
  const envelopes = exp.envelopes.map((pool) => {
    const mine = summary(recounted, pool.key);
    const published = summary(exp.result, pool.key);
    return { key: pool.key, ok: canonicalJson(mine) === canonicalJson(published), funded: mine.funded, publishedFunded: published.funded, votes: mine.votes, publishedVotes: published.votes };
  });
  const data = exp.anchor.data as { ballotLog?: { head?: string }; resultDigest?: string; ballots?: number };
  const { hash: anchorHash, ...anchorRest } = exp.anchor;
  const anchor = {
    seq: exp.anchor.seq, hash: anchorHash, entryHashOk: entryHash(anchorRest) === anchorHash,
    namesHead: data.ballotLog?.head === chain.head, namesResult: data.resultDigest === resultDigest(exp.result),
  };
  const countedAtClose = typeof data.ballots === 'number' ? data.ballots : null;
  const recount = {
    ok: envelopes.every((e) => e.ok) && exp.result.pools.length === exp.envelopes.length && (countedAtClose === null || countedAtClose === valid.length),
    valid: valid.length, blank: contents.filter((c) => c.kind === 'blank').length, spoiled: contents.filter((c) => c.kind === 'spoiled').length,
    countedAtClose, envelopes,
  };
  const receipt = receiptCode === undefined ? null : { code: receiptCode, recorded: exp.entries.some((e) => e.receipt === receiptHash(receiptCode)) };
  const { head, ...chainReport } = chain;
  const headMatches = head === exp.head;
  return {
    chain: chainReport, head, headMatches, anchor, recount, receipt,
    ok: chain.ok && headMatches && anchor.entryHashOk && anchor.namesHead && anchor.namesResult && recount.ok && (receipt?.recorded ?? true),
  };
}

/** The report `concerta verify-vote` prints, one finding a line. */
export function describeVoteCheck(c: VoteCheck): string[] {
  const lines: string[] = [];
  lines.push(c.chain.ok
    ? `ballot log: chain verifies (${c.chain.entries} entries: ${c.chain.ballots} ballots, ${c.chain.receipts} receipts)`
    : `ballot log: BROKEN at entry ${c.chain.broken!.seq}: ${c.chain.broken!.problem}`);
  lines.push(`head: ${c.head}${c.headMatches ? ' (as published)' : ' (DIFFERS from the published head)'}`);
  lines.push(c.anchor.entryHashOk && c.anchor.namesHead && c.anchor.namesResult
    ? `anchor: audit entry ${c.anchor.seq} (hash ${c.anchor.hash}) names this head and the result's digest`
    : `anchor: audit entry ${c.anchor.seq} ${!c.anchor.entryHashOk ? 'does not hash to its published hash' : !c.anchor.namesHead ? 'names ANOTHER head' : 'names ANOTHER result digest'}`);
  lines.push(`recount: ${c.recount.valid} valid, ${c.recount.blank} blank, ${c.recount.spoiled} spoiled ballots; ${c.recount.ok ? 'matches the published result' : 'DIFFERS from the published result'}`);
  if (c.recount.countedAtClose !== null && c.recount.countedAtClose !== c.recount.valid) lines.push(`  the close counted ${c.recount.countedAtClose} valid ballots, the log holds ${c.recount.valid}`);
  for (const e of c.recount.envelopes) {
    lines.push(`  envelope ${e.key}: funded ${e.funded.join(', ') || '(none)'}${e.ok ? '' : `; published: funded ${e.publishedFunded.join(', ') || '(none)'}, votes ${JSON.stringify(e.publishedVotes)} against ${JSON.stringify(e.votes)}`}`);
  }
  if (c.receipt) lines.push(c.receipt.recorded ? `receipt ${c.receipt.code}: recorded and counted` : `receipt ${c.receipt.code}: NOT in the log`);
  lines.push(c.ok ? 'vote verified' : 'vote NOT verified');
  return lines;
}

/**
 * Ties an online ballot to its voter through the receipt code, which the server does not keep: only the agent holding
 * the code can be matched to the ballot, and the database alone cannot say whose ballot it is.
 */
export function voterTag(agentId: string, code: string): string {
  return sha256(`voter:${agentId}:${code.trim().toUpperCase().replace(/[^A-Z0-9]/g, '')}`);
}
