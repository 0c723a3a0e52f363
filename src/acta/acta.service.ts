import type { DatabaseHandle, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { userNames } from '../accounts/accounts.queries.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { committee } from '../committee/committee.queries.ts';
import { coordination } from '../coordination/coordination.queries.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { fileExists, fileSummaries } from '../files/files.queries.ts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import type { Process } from '../processes/process.ts';
import { municipalityName } from '../territory/territory.queries.ts';
import { votedList, voteResults } from '../voting/voting.queries.ts';
import { AppError } from '../shared/errors.ts';
import { now } from '../shared/clock.ts';
import { actaCanonical, actaHash, buildActa, missingForIssue, type ActaContent, type ActaSession, type ActaSources, type MissingForIssue, type Signatory } from './acta.ts';
import * as repo from './acta.repository.ts';

/**
 * Use cases of the Acta de Acuerdos y Compromisos: staff record the formalization session and the signatories (a
 * draft, editable until the Acta is issued, afterwards only with a reason); the administrator issues it once the vote
 * is closed and the committee elected, freezing its content (canonical JSON and its SHA-256) as version 1; a
 * correction is the next version, with its reason, and the earlier ones stay readable. Every write locks the process
 * and checks the phase inside its transaction, and is audited in it.
 */

/** Formalization prepares and issues the Acta; a correction may still come during Execution. */
const OPEN_PHASES: readonly Process['phase'][] = ['formalization', 'execution'];

/** Everything the Acta is built from, read through the areas that own it. */
export async function actaSources(db: Executor, municipalityId: string, process: Process): Promise<ActaSources> {
  const [municipality, session, signatories, voted, results, elected, coordinated] = await Promise.all([
    municipalityName(db, municipalityId),
    repo.findSession(db, municipalityId, process.id),
    repo.signatoriesOf(db, municipalityId, process.id),
    votedList(db, municipalityId, process.id),
    voteResults(db, municipalityId, process.id),
    committee(db, municipalityId, process.id),
    coordination(db, municipalityId, process.id),
  ]);
  return {
    municipality, process: { id: process.id, name: process.name, fiscalYear: process.fiscalYear },
    session: session ? { heldOn: session.heldOn, place: session.place, startTime: session.startTime, endTime: session.endTime } : null,
    signatories, voted, turnout: results?.turnout ?? null, committee: elected,
    agreements: new Map(coordinated.projects.flatMap((p) => p.agreements).map((a) => [a.id, a])),
  };
}

export interface VersionView {
  version: number;
  contentHash: string;
  issuedAt: string;
  issuedByName: string;
  reason: string | null;
  /** The scan of the signed paper Acta, once attached. */
  scan: null | { fileId: string; filename: string; contentType: string; attachedAt: string };
}

async function versionViews(db: Executor, municipalityId: string, processId: string): Promise<VersionView[]> {
  const [versions, scans] = await Promise.all([repo.versionsOf(db, municipalityId, processId), repo.scansOf(db, municipalityId, processId)]);
  const names = await userNames(db, versions.map((v) => v.issuedBy));
  const files = new Map((await fileSummaries(db, municipalityId, scans.map((s) => s.fileId))).map((f) => [f.id, f]));
  const scanOf = new Map(scans.map((s) => [s.version, s]));
  return versions.map((v) => {
    const scan = scanOf.get(v.version);
    const file = scan ? files.get(scan.fileId) : undefined;
    return {
      version: v.version, contentHash: v.contentHash, issuedAt: v.issuedAt, issuedByName: names.get(v.issuedBy) ?? '', reason: v.reason,
      scan: scan && file ? { fileId: file.id, filename: file.filename, contentType: file.contentType, attachedAt: scan.attachedAt } : null,
    };
  });
}

export interface ActaDraft {
  session: ActaSession | null;
  signatories: Signatory[];
  /** What must still happen before the Acta can be issued; empty when it can be. */
  missing: MissingForIssue[];
  /** Issued versions, newest first. */
  versions: VersionView[];
}

/** Staff's view of the Acta: the session and signatories recorded, what is missing to issue it, the versions issued. */
export async function actaDraft(db: Executor, municipalityId: string, processId: string): Promise<ActaDraft> {
  const process = await requireProcess(db, municipalityId, processId);
  const sources = await actaSources(db, municipalityId, process);
  return { session: sources.session, signatories: sources.signatories, missing: missingForIssue(sources), versions: await versionViews(db, municipalityId, processId) };
}

async function openActa(trx: Executor, handle: DatabaseHandle, municipalityId: string, processId: string): Promise<Process> {
  const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
  if (!OPEN_PHASES.includes(process.phase)) throw new AppError('ACTA_NOT_OPEN', { phase: process.phase });
  return process;
}

export interface DraftInput extends ActaSession {
  signatories: Signatory[];
  /** Required once a version is issued: the change will be part of a correction. */
  reason?: string | undefined;
}

/** Records (replaces) the session and the signatories of the Acta. */
export async function saveDraft(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: DraftInput): Promise<ActaDraft> {
  if (input.endTime <= input.startTime) throw new AppError('ACTA_TIMES_ORDER', { startTime: input.startTime, endTime: input.endTime }, 'endTime');
  for (const [i, s] of input.signatories.entries()) {
    if (s.capacity === 'other' && !s.detail) throw new AppError('ACTA_OTHER_NEEDS_DETAIL', { position: i + 1 }, `signatories.${i}.detail`);
  }
  await handle.db.transaction().execute(async (trx) => {
    await openActa(trx, handle, municipalityId, processId);
    const [latest] = await repo.versionsOf(trx, municipalityId, processId);
    if (latest && !input.reason) throw new AppError('ACTA_CORRECTION_NEEDS_REASON', { version: latest.version }, 'reason');
    const session = { heldOn: input.heldOn, place: input.place, startTime: input.startTime, endTime: input.endTime };
    await repo.replaceDraft(trx, municipalityId, processId, session, input.signatories, now(), actor.userId);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'acta.prepare', entityType: 'process', entityId: processId, reason: input.reason ?? null,
      data: { session, signatories: input.signatories.map((s) => ({ name: s.name, capacity: s.capacity, detail: s.detail, dni: s.dni !== null })) },
    });
  }).catch((err: unknown) => {
    // Two saves at once (PostgreSQL): the second one's insert meets the first one's row.
    if (isUniqueViolation(err)) throw new AppError('ACTA_DRAFT_CONFLICT', {});
    throw err;
  });
  return actaDraft(handle.db, municipalityId, processId);
}

export interface IssuedActa extends VersionView {
  content: ActaContent;
  /** Every version issued, newest first. */
  versions: VersionView[];
}

/**
 * Issues the Acta: its content is read from the vote, Coordination and the committee, frozen as canonical JSON and
 * hashed. The first issue is version 1; a later one is a correction, which needs its reason. Refused, with every
 * missing precondition named, while the vote is open, the committee not elected, the session or signatories missing.
 */
export async function issueActa(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: { reason?: string | undefined }): Promise<IssuedActa> {
  let version = 0;
  await handle.db.transaction().execute(async (trx) => {
    const process = await openActa(trx, handle, municipalityId, processId);
    const [latest] = await repo.versionsOf(trx, municipalityId, processId);
    if (latest && !input.reason) throw new AppError('ACTA_CORRECTION_NEEDS_REASON', { version: latest.version }, 'reason');
    version = (latest?.version ?? 0) + 1;
    const sources = await actaSources(trx, municipalityId, process);
    const missing = missingForIssue(sources);
    if (missing.length > 0) throw new AppError('ACTA_NOT_READY', { failures: missing });
    const issuedAt = now();
    const content = buildActa(sources, { version, issuedAt, correction: latest ? input.reason! : null })!;
    const contentHash = actaHash(content);
    await repo.insertVersion(trx, municipalityId, processId, { version, canonical: actaCanonical(content), contentHash, issuedAt, issuedBy: actor.userId, reason: latest ? input.reason! : null });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'acta.issue', entityType: 'process', entityId: processId, reason: input.reason ?? null,
      data: { version, contentHash, ...(latest ? { replaces: { version: latest.version, contentHash: latest.contentHash } } : {}) },
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw new AppError('ACTA_VERSION_TAKEN', { version });
    throw err;
  });
  return issuedActa(handle.db, municipalityId, processId, version);
}

/** An issued version of the Acta (the latest when none is named), as everyone may read it. */
export async function issuedActa(db: Executor, municipalityId: string, processId: string, version?: number): Promise<IssuedActa> {
  await requireProcess(db, municipalityId, processId);
  const versions = await versionViews(db, municipalityId, processId);
  if (versions.length === 0) throw new AppError('ACTA_NOT_ISSUED_YET', {});
  const wanted = versions.find((v) => v.version === (version ?? versions[0]!.version));
  if (!wanted) throw new AppError('ACTA_VERSION_UNKNOWN', { version });
  const stored = (await repo.findVersion(db, municipalityId, processId, wanted.version))!;
  return { ...wanted, content: stored.content, versions };
}

/**
 * Attaches the scan of the signed paper Acta to an issued version (a file of the municipality, uploaded through the
 * files area; public from then on). Replacing a scan needs a reason; both are audited.
 */
export async function attachScan(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, version: number, input: { fileId: string; reason?: string | undefined }): Promise<IssuedActa> {
  await handle.db.transaction().execute(async (trx) => {
    await openActa(trx, handle, municipalityId, processId);
    if (!(await repo.findVersion(trx, municipalityId, processId, version))) throw new AppError('ACTA_VERSION_UNKNOWN', { version });
    if (!(await fileExists(trx, municipalityId, input.fileId))) throw new AppError('UNKNOWN_REFERENCE', { what: 'file', value: input.fileId }, 'fileId');
    const previous = (await repo.scansOf(trx, municipalityId, processId)).find((s) => s.version === version);
    if (previous && !input.reason) throw new AppError('ACTA_SCAN_REPLACE_NEEDS_REASON', { version }, 'reason');
    await repo.replaceScan(trx, municipalityId, processId, { version, fileId: input.fileId, attachedAt: now(), attachedBy: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'acta.attach_scan', entityType: 'process', entityId: processId, reason: input.reason ?? null,
      data: { version, fileId: input.fileId, ...(previous ? { replaces: previous.fileId } : {}) },
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw new AppError('ACTA_DRAFT_CONFLICT', {});
    throw err;
  });
  return issuedActa(handle.db, municipalityId, processId, version);
}
