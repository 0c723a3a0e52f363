import { createHash } from 'node:crypto';
import type { DatabaseHandle, Executor } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/policy.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { memberWithRole, userNames } from '../accounts/accounts.queries.ts';
import { COMMISSION_ROLES, mayDecideChallenge } from './registration.policy.ts';
import { AppError } from '../shared/errors.ts';
import { localDate, newId, now } from '../shared/clock.ts';
import type { ChallengeGround, ChallengeStatus, ChallengeTarget, ListStage, ListStages, OrganizationType } from '@concerta/contracts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import { decisionWindowError } from './registration-window.ts';
import { definitiveListError, preliminaryListError } from './list-stages.ts';
import { actHtml, actPdf, type ActContent } from './accreditation-act.ts';
import * as repo from './registration-lists.repository.ts';
import { municipalityName } from './registration.repository.ts';
import { countPendingRegistrations } from './registration.queries.ts';

/**
 * The lists of Preparation: the preliminary list (every approved agent and organization when the administrator
 * publishes it), its changes as challenges are decided, and the definitive list with its accreditation act. What the
 * public sees has no DNI and no contact.
 */
export interface ListedRegistration {
  type: ChallengeTarget;
  id: string;
  name: string;
  zone: string;
  /** Agents: the organization they are the delegate of. Organizations: their type and registry number. */
  delegateOf: string | null;
  organizationType: OrganizationType | null;
  registryNumber: string | null;
  /** Whether the preliminary list showed it, and whether it is on the list now (or on the definitive list, once out). */
  onPreliminary: boolean;
  listed: boolean;
  /** How it changed since the preliminary list: withdrawn (with the reason and day) or added (decided later). */
  change: { kind: 'withdrawn' | 'added'; at: string | null; reason: string | null } | null;
}

export interface PublicChallenge {
  id: string;
  target: { type: ChallengeTarget; id: string; name: string };
  challengerName: string;
  grounds: ChallengeGround;
  reason: string;
  hasEvidence: boolean;
  /** The evidence file, for staff who may read it (files.policy.ts); null for everyone else. */
  evidenceFileId: string | null;
  filedAt: string;
  answer: string | null;
  answeredAt: string | null;
  status: ChallengeStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  /** How the signed-in viewer stands in it. */
  mine: 'challenger' | 'challenged' | null;
}

export interface ListsView {
  stages: ListStages | null;
  today: string;
  published: { stage: ListStage; publishedAt: string; actSha256: string | null }[];
  registrations: ListedRegistration[];
  challenges: PublicChallenge[];
  /** The viewer's approved registration, when they may challenge. */
  myAgentId: string | null;
  /** The accreditation commission's members (their names only). */
  commission: { userId: string; name: string }[];
  /** Whether the viewer may decide challenges (administrator or commission member). */
  mayDecide: boolean;
}

interface Party { agentIds: Set<string>; organizationIds: Set<string> }

/** Which registrations the user stands behind: their own agent registration and the organizations they submitted or represent. */
export function partyOf(userId: string | null, agents: repo.ListedAgent[], organizations: repo.ListedOrganization[]): Party {
  const party: Party = { agentIds: new Set(), organizationIds: new Set() };
  if (!userId) return party;
  for (const a of agents) {
    if (a.userId !== userId) continue;
    party.agentIds.add(a.id);
    if (a.delegateOf && a.status === 'approved') party.organizationIds.add(a.delegateOf.id);
  }
  for (const o of organizations) if (o.submittedBy === userId) party.organizationIds.add(o.id);
  return party;
}

export function isParty(party: Party, target: { type: ChallengeTarget; id: string }): boolean {
  return target.type === 'agent' ? party.agentIds.has(target.id) : party.organizationIds.has(target.id);
}

export async function listsView(handle: DatabaseHandle, municipalityId: string, processId: string, viewer: Actor | null): Promise<ListsView> {
  const db = handle.db;
  const process = await requireProcess(db, municipalityId, processId);
  const [lists, agents, organizations, challenges, commissionIds] = await Promise.all([
    repo.findLists(db, municipalityId, processId), repo.listedAgents(db, municipalityId, processId),
    repo.listedOrganizations(db, municipalityId, processId), repo.findChallenges(db, municipalityId, processId),
    repo.commissionMemberIds(db, municipalityId, processId),
  ]);
  const commissionNames = await userNames(db, commissionIds);
  const preliminary = lists.find((l) => l.stage === 'preliminary');
  const definitive = lists.find((l) => l.stage === 'definitive');
  const key = (type: ChallengeTarget, id: string) => `${type}:${id}`;
  const onPreliminary = new Set(preliminary ? (await repo.listEntries(db, municipalityId, preliminary.id)).map((e) => key(e.kind, e.registrationId)) : []);
  const onDefinitive = definitive ? new Set((await repo.listEntries(db, municipalityId, definitive.id)).map((e) => key(e.kind, e.registrationId))) : null;

  const registrations: ListedRegistration[] = [];
  const entry = (type: ChallengeTarget, r: { id: string; status: string; decisionReason: string | null; decidedAt: string | null }, fields: Pick<ListedRegistration, 'name' | 'zone' | 'delegateOf' | 'organizationType' | 'registryNumber'>) => {
    const was = onPreliminary.has(key(type, r.id));
    const listed = onDefinitive ? onDefinitive.has(key(type, r.id)) : r.status === 'approved';
    if (!was && !listed) return;
    const change = !preliminary || was === listed ? null
      : was ? { kind: 'withdrawn' as const, at: r.decidedAt, reason: r.decisionReason } : { kind: 'added' as const, at: r.decidedAt, reason: null };
    registrations.push({ type, id: r.id, ...fields, onPreliminary: was, listed, change });
  };
  for (const a of agents) entry('agent', a, { name: a.fullName, zone: a.zone, delegateOf: a.delegateOf?.name ?? null, organizationType: null, registryNumber: null });
  for (const o of organizations) entry('organization', o, { name: o.name, zone: o.zone, delegateOf: null, organizationType: o.type, registryNumber: o.registryNumber });

  const party = partyOf(viewer?.userId ?? null, agents, organizations);
  const me = viewer ? agents.find((a) => a.userId === viewer.userId && a.status === 'approved') : undefined;
  const agentName = new Map(agents.map((a) => [a.id, a.fullName]));
  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  const seesEvidence = can(viewer, 'file.upload', municipalityId);
  return {
    stages: process.rules.listStages ?? null,
    today: localDate(),
    published: lists.map((l) => ({ stage: l.stage, publishedAt: l.publishedAt, actSha256: l.actSha256 })),
    registrations,
    challenges: challenges.map((c) => ({
      id: c.id, target: { ...c.target, name: (c.target.type === 'agent' ? agentName : orgName).get(c.target.id) ?? '' },
      challengerName: agentName.get(c.challengerAgentId) ?? '', grounds: c.grounds, reason: c.reason, hasEvidence: c.evidenceFileId !== null,
      evidenceFileId: seesEvidence ? c.evidenceFileId : null,
      filedAt: c.filedAt, answer: c.answer, answeredAt: c.answeredAt, status: c.status, decisionReason: c.decisionReason, decidedAt: c.decidedAt,
      mine: me?.id === c.challengerAgentId ? 'challenger' : isParty(party, c.target) ? 'challenged' : null,
    })),
    myAgentId: me?.id ?? null,
    commission: commissionIds.map((id) => ({ userId: id, name: commissionNames.get(id) ?? '' })),
    mayDecide: mayDecideChallenge(viewer, municipalityId, commissionIds),
  };
}

/**
 * The administrator names the process's accreditation commission (replacing it): people holding a municipal role.
 * Audited with the names; allowed until the definitive list.
 */
export async function setCommission(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, userIds: string[], reason: string): Promise<ListsView> {
  const ids = [...new Set(userIds)];
  await handle.db.transaction().execute(async (trx) => {
    await openListWrite(trx, handle, municipalityId, processId);
    const members: { id: string; name: string }[] = [];
    for (const id of ids) {
      const member = await memberWithRole(trx, municipalityId, id, COMMISSION_ROLES);
      if (!member) throw new AppError('COMMISSION_MEMBER_ROLE', { name: (await userNames(trx, [id])).get(id) ?? id }, 'userIds');
      members.push(member);
    }
    await repo.replaceCommission(trx, municipalityId, processId, ids, { at: now(), by: actor.userId });
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'registration.commission_set', entityType: 'process', entityId: processId,
      reason, data: { members: members.map((m) => m.name) },
    });
  });
  return listsView(handle, municipalityId, processId, actor);
}

/** The checks every list write repeats inside its transaction: the phase, and no definitive list yet. */
export async function openListWrite(trx: Executor, handle: DatabaseHandle, municipalityId: string, processId: string) {
  const process = await lockProcess(trx, handle.dialect, municipalityId, processId);
  const closed = decisionWindowError(process);
  if (closed) throw closed;
  const lists = await repo.findLists(trx, municipalityId, processId);
  if (lists.some((l) => l.stage === 'definitive')) throw new AppError('DEFINITIVE_LIST_PUBLISHED');
  return { process, lists };
}

/** The administrator publishes the preliminary list: every registration approved now, as the list shows it. */
export async function publishPreliminaryList(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string): Promise<ListsView> {
  await handle.db.transaction().execute(async (trx) => {
    const { process, lists } = await openListWrite(trx, handle, municipalityId, processId);
    const earlier = lists.find((l) => l.stage === 'preliminary');
    if (earlier) throw new AppError('LIST_ALREADY_PUBLISHED', { at: localDate(earlier.publishedAt) });
    const notYet = preliminaryListError(process.rules, localDate());
    if (notYet) throw notYet;
    const entries = await approvedEntries(trx, municipalityId, processId);
    const id = newId();
    await repo.insertList(trx, {
      municipality_id: municipalityId, id, process_id: processId, stage: 'preliminary', published_at: now(), published_by: actor.userId,
      act_html: null, act_pdf_base64: null, act_sha256: null,
    }, entries);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'registration.publish_preliminary_list', entityType: 'registration_list', entityId: id,
      data: { processId, agents: entries.filter((e) => e.kind === 'agent').length, organizations: entries.filter((e) => e.kind === 'organization').length },
    });
  });
  return listsView(handle, municipalityId, processId, actor);
}

async function approvedEntries(db: Executor, municipalityId: string, processId: string) {
  const [agents, organizations] = await Promise.all([repo.listedAgents(db, municipalityId, processId), repo.listedOrganizations(db, municipalityId, processId)]);
  return [
    ...agents.filter((a) => a.status === 'approved').map((a) => ({ kind: 'agent' as const, registrationId: a.id })),
    ...organizations.filter((o) => o.status === 'approved').map((o) => ({ kind: 'organization' as const, registrationId: o.id })),
  ];
}

/** What the act says: the accredited registrations, the challenges and their outcomes, the commission. */
async function actContent(db: Executor, municipalityId: string, processId: string, publishedAt: string, commissionIds: string[]): Promise<ActContent> {
  const process = await requireProcess(db, municipalityId, processId);
  const [agents, organizations, challenges] = await Promise.all([
    repo.listedAgents(db, municipalityId, processId), repo.listedOrganizations(db, municipalityId, processId), repo.findChallenges(db, municipalityId, processId),
  ]);
  const names = await userNames(db, commissionIds);
  const agentName = new Map(agents.map((a) => [a.id, a.fullName]));
  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  return {
    municipalityName: await municipalityName(db, municipalityId),
    processName: process.name,
    publishedAt,
    agents: agents.filter((a) => a.status === 'approved').map((a) => ({ fullName: a.fullName, dni: a.dni, zone: a.zone, delegateOf: a.delegateOf?.name ?? null })),
    organizations: organizations.filter((o) => o.status === 'approved').map((o) => ({ name: o.name, type: o.type, registryNumber: o.registryNumber, zone: o.zone })),
    challenges: challenges.map((c) => ({
      target: (c.target.type === 'agent' ? agentName : orgName).get(c.target.id) ?? c.target.id, grounds: c.grounds, status: c.status, decisionReason: c.decisionReason,
    })),
    commission: [...new Set(commissionIds)].map((id) => names.get(id) ?? id).sort((a, b) => a.localeCompare(b, 'es')),
  };
}

/**
 * The definitive list, once the window closed and every challenge is decided: the registrations approved now, and
 * the accreditation act's public copy (HTML and PDF), whose SHA-256 goes to the audit log.
 */
export async function publishDefinitiveList(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string): Promise<ListsView> {
  await handle.db.transaction().execute(async (trx) => {
    const { process, lists } = await openListWrite(trx, handle, municipalityId, processId);
    const preliminary = lists.find((l) => l.stage === 'preliminary');
    if (!preliminary) throw new AppError('PRELIMINARY_LIST_MISSING');
    const refusal = definitiveListError(process.rules, localDate(), await repo.countOpenChallenges(trx, municipalityId, processId));
    if (refusal) throw refusal;
    const pending = await countPendingRegistrations(trx, municipalityId, processId);
    if (pending.agents + pending.organizations > 0) throw new AppError('REGISTRATIONS_UNDECIDED', pending);
    const publishedAt = now();
    const challenges = await repo.findChallenges(trx, municipalityId, processId);
    const commission = commissionOf(await repo.commissionMemberIds(trx, municipalityId, processId), challenges, [preliminary.publishedBy, actor.userId]);
    const content = await actContent(trx, municipalityId, processId, publishedAt, commission);
    const html = actHtml(content, 'public');
    const pdf = Buffer.from(await actPdf(content, 'public'));
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const entries = await approvedEntries(trx, municipalityId, processId);
    const id = newId();
    await repo.insertList(trx, {
      municipality_id: municipalityId, id, process_id: processId, stage: 'definitive', published_at: publishedAt, published_by: actor.userId,
      act_html: html, act_pdf_base64: pdf.toString('base64'), act_sha256: sha256,
    }, entries);
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'registration.publish_definitive_list', entityType: 'registration_list', entityId: id,
      data: {
        processId, agents: content.agents.length, organizations: content.organizations.length, challenges: content.challenges.length,
        actSha256: sha256, actHtmlSha256: createHash('sha256').update(html).digest('hex'),
      },
    });
  });
  return listsView(handle, municipalityId, processId, actor);
}

/** Who signs the act: the commission's members and whoever decided a challenge; without either, who published the lists. */
function commissionOf(members: string[], challenges: repo.ChallengeRow[], publishers: string[]): string[] {
  const signers = [...members, ...challenges.flatMap((c) => (c.decidedBy ? [c.decidedBy] : []))];
  return signers.length > 0 ? signers : publishers;
}

export async function publicAct(handle: DatabaseHandle, municipalityId: string, processId: string): Promise<{ html: string; pdf: Buffer; sha256: string }> {
  const act = await repo.findAct(handle.db, municipalityId, processId);
  if (!act) throw new AppError('NOT_FOUND', { what: 'accreditation act' });
  return act;
}

/** The staff copy, with the DNI column: made when asked, never published. */
export async function staffActHtml(handle: DatabaseHandle, municipalityId: string, processId: string): Promise<string> {
  const lists = await repo.findLists(handle.db, municipalityId, processId);
  const definitive = lists.find((l) => l.stage === 'definitive');
  if (!definitive) throw new AppError('NOT_FOUND', { what: 'accreditation act' });
  const challenges = await repo.findChallenges(handle.db, municipalityId, processId);
  const preliminary = lists.find((l) => l.stage === 'preliminary')!;
  const commission = commissionOf(await repo.commissionMemberIds(handle.db, municipalityId, processId), challenges, [preliminary.publishedBy, definitive.publishedBy]);
  return actHtml(await actContent(handle.db, municipalityId, processId, definitive.publishedAt, commission), 'staff');
}

export async function hasDefinitiveList(db: Executor, municipalityId: string, processId: string): Promise<boolean> {
  return (await repo.findLists(db, municipalityId, processId)).some((l) => l.stage === 'definitive');
}
