import type { Executor } from '../db/database.ts';
import type { ChallengeGround, ChallengeStatus, ChallengeTarget, ListStage, OrganizationType } from '@concerta/contracts';
import { zonesById } from '../plan/plan.queries.ts';
import type { RegistrationChallengesTable, RegistrationListsTable } from './registration.tables.ts';

/** The published lists, their entries and the challenges of a process; every query filtered by municipality. */

export interface PublishedList {
  id: string;
  stage: ListStage;
  publishedAt: string;
  publishedBy: string;
  actSha256: string | null;
}

export async function findLists(db: Executor, municipalityId: string, processId: string): Promise<PublishedList[]> {
  const rows = await db.selectFrom('registration_lists').select(['id', 'stage', 'published_at', 'published_by', 'act_sha256'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  return rows.map((r) => ({ id: r.id, stage: r.stage, publishedAt: r.published_at, publishedBy: r.published_by, actSha256: r.act_sha256 }));
}

export async function findAct(db: Executor, municipalityId: string, processId: string): Promise<{ html: string; pdf: Buffer; sha256: string } | null> {
  const r = await db.selectFrom('registration_lists').select(['act_html', 'act_pdf_base64', 'act_sha256'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('stage', '=', 'definitive').executeTakeFirst();
  if (!r?.act_html || !r.act_pdf_base64 || !r.act_sha256) return null;
  return { html: r.act_html, pdf: Buffer.from(r.act_pdf_base64, 'base64'), sha256: r.act_sha256 };
}

export async function insertList(db: Executor, row: RegistrationListsTable, entries: { kind: ChallengeTarget; registrationId: string }[]): Promise<void> {
  await db.insertInto('registration_lists').values(row).execute();
  for (let i = 0; i < entries.length; i += 200) {
    await db.insertInto('registration_list_entries').values(entries.slice(i, i + 200).map((e) => ({
      municipality_id: row.municipality_id, list_id: row.id, kind: e.kind, registration_id: e.registrationId,
    }))).execute();
  }
}

export async function listEntries(db: Executor, municipalityId: string, listId: string): Promise<{ kind: ChallengeTarget; registrationId: string }[]> {
  const rows = await db.selectFrom('registration_list_entries').select(['kind', 'registration_id'])
    .where('municipality_id', '=', municipalityId).where('list_id', '=', listId).execute();
  return rows.map((r) => ({ kind: r.kind, registrationId: r.registration_id }));
}

/** A registration as the lists show it: no DNI, no contact. */
export interface ListedAgent {
  id: string;
  fullName: string;
  dni: string;
  zone: string;
  status: string;
  decisionReason: string | null;
  decidedAt: string | null;
  userId: string | null;
  delegateOf: { id: string; name: string } | null;
}

export interface ListedOrganization {
  id: string;
  name: string;
  type: OrganizationType;
  registryNumber: string;
  zone: string;
  status: string;
  decisionReason: string | null;
  decidedAt: string | null;
  submittedBy: string | null;
}

/** Every agent of the process (the service picks what a list shows); DNI stays server-side except in the staff act. */
export async function listedAgents(db: Executor, municipalityId: string, processId: string): Promise<ListedAgent[]> {
  const rows = await db.selectFrom('agents as a')
    .leftJoin('organizations as o', (j) => j.onRef('o.id', '=', 'a.organization_id').onRef('o.municipality_id', '=', 'a.municipality_id'))
    .select(['a.id', 'a.full_name', 'a.dni', 'a.zone_id', 'a.status', 'a.decision_reason', 'a.decided_at', 'a.user_id', 'o.id as org_id', 'o.name as org_name'])
    .where('a.municipality_id', '=', municipalityId).where('a.process_id', '=', processId).orderBy('a.full_name').execute();
  const zones = await zonesById(db, municipalityId);
  return rows.map((r) => ({
    id: r.id, fullName: r.full_name, dni: r.dni, zone: zones.get(r.zone_id)?.name ?? '', status: r.status, decisionReason: r.decision_reason,
    decidedAt: r.decided_at, userId: r.user_id, delegateOf: r.org_id && r.org_name ? { id: r.org_id, name: r.org_name } : null,
  }));
}

export async function listedOrganizations(db: Executor, municipalityId: string, processId: string): Promise<ListedOrganization[]> {
  const rows = await db.selectFrom('organizations')
    .select(['id', 'name', 'type', 'registry_number', 'zone_id', 'status', 'decision_reason', 'decided_at', 'submitted_by'])
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('name').execute();
  const zones = await zonesById(db, municipalityId);
  return rows.map((r) => ({
    id: r.id, name: r.name, type: r.type, registryNumber: r.registry_number, zone: zones.get(r.zone_id)?.name ?? '', status: r.status,
    decisionReason: r.decision_reason, decidedAt: r.decided_at, submittedBy: r.submitted_by,
  }));
}

/** Withdraws an approved registration after an upheld challenge; false when it was no longer approved. */
export async function withdrawRegistration(db: Executor, municipalityId: string, target: { type: ChallengeTarget; id: string }, d: { reason: string; at: string; by: string }): Promise<boolean> {
  const set = { status: 'rejected' as const, decision_reason: d.reason, decided_at: d.at, decided_by: d.by, updated_at: d.at };
  const r = target.type === 'agent'
    ? await db.updateTable('agents').set(set).where('municipality_id', '=', municipalityId).where('id', '=', target.id).where('status', '=', 'approved').executeTakeFirst()
    : await db.updateTable('organizations').set(set).where('municipality_id', '=', municipalityId).where('id', '=', target.id).where('status', '=', 'approved').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The delegates an organization accredited, still approved: they lose their standing with it. */
export async function withdrawDelegates(db: Executor, municipalityId: string, organizationId: string, d: { reason: string; at: string; by: string }): Promise<string[]> {
  const rows = await db.selectFrom('agents').select('id').where('municipality_id', '=', municipalityId)
    .where('organization_id', '=', organizationId).where('status', '=', 'approved').execute();
  if (rows.length === 0) return [];
  await db.updateTable('agents').set({ status: 'rejected', decision_reason: d.reason, decided_at: d.at, decided_by: d.by, updated_at: d.at })
    .where('municipality_id', '=', municipalityId).where('id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => r.id);
}

// --- Challenges ---

export interface ChallengeRow {
  id: string;
  processId: string;
  challengerAgentId: string;
  target: { type: ChallengeTarget; id: string };
  grounds: ChallengeGround;
  reason: string;
  evidenceFileId: string | null;
  filedAt: string;
  answer: string | null;
  answeredAt: string | null;
  status: ChallengeStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
}

function toChallenge(r: RegistrationChallengesTable): ChallengeRow {
  return {
    id: r.id, processId: r.process_id, challengerAgentId: r.challenger_agent_id, target: { type: r.target_type, id: r.target_id },
    grounds: r.grounds, reason: r.reason, evidenceFileId: r.evidence_file_id, filedAt: r.filed_at, answer: r.answer,
    answeredAt: r.answered_at, status: r.status, decisionReason: r.decision_reason, decidedAt: r.decided_at, decidedBy: r.decided_by,
  };
}

export async function findChallenges(db: Executor, municipalityId: string, processId: string, ids?: readonly string[]): Promise<ChallengeRow[]> {
  if (ids && ids.length === 0) return [];
  let q = db.selectFrom('registration_challenges').selectAll().where('municipality_id', '=', municipalityId).where('process_id', '=', processId);
  if (ids) q = q.where('id', 'in', [...ids]);
  return (await q.orderBy('filed_at').orderBy('id').execute()).map(toChallenge);
}

export async function insertChallenge(db: Executor, row: RegistrationChallengesTable): Promise<void> {
  await db.insertInto('registration_challenges').values(row).execute();
}

/** The one answer a challenged party gives; false when it had already answered. */
export async function answerChallenge(db: Executor, municipalityId: string, id: string, a: { answer: string; at: string; by: string }): Promise<boolean> {
  const r = await db.updateTable('registration_challenges').set({ answer: a.answer, answered_at: a.at, answered_by: a.by })
    .where('municipality_id', '=', municipalityId).where('id', '=', id).where('answer', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function decideChallenge(db: Executor, municipalityId: string, id: string, d: { status: 'upheld' | 'dismissed'; reason: string | null; at: string; by: string }): Promise<boolean> {
  const r = await db.updateTable('registration_challenges').set({ status: d.status, decision_reason: d.reason, decided_at: d.at, decided_by: d.by })
    .where('municipality_id', '=', municipalityId).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countOpenChallenges(db: Executor, municipalityId: string, processId: string): Promise<number> {
  const r = await db.selectFrom('registration_challenges').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('status', '=', 'open').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Where to tell a registration's person or organization about a challenge: its email or phone. */
export async function contactOf(db: Executor, municipalityId: string, processId: string, target: { type: ChallengeTarget; id: string }): Promise<{ email: string | null; phone: string | null }> {
  const row = target.type === 'agent'
    ? await db.selectFrom('agents').select(['email', 'phone']).where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('id', '=', target.id).executeTakeFirst()
    : await db.selectFrom('organizations').select(['contact_email as email', 'contact_phone as phone']).where('municipality_id', '=', municipalityId).where('process_id', '=', processId).where('id', '=', target.id).executeTakeFirst();
  return row ?? { email: null, phone: null };
}

// --- The accreditation commission ---

export async function commissionMemberIds(db: Executor, municipalityId: string, processId: string): Promise<string[]> {
  const rows = await db.selectFrom('accreditation_commission_members').select('user_id')
    .where('municipality_id', '=', municipalityId).where('process_id', '=', processId).orderBy('added_at').execute();
  return rows.map((r) => r.user_id);
}

export async function replaceCommission(db: Executor, municipalityId: string, processId: string, userIds: readonly string[], added: { at: string; by: string }): Promise<void> {
  await db.deleteFrom('accreditation_commission_members').where('municipality_id', '=', municipalityId).where('process_id', '=', processId).execute();
  if (userIds.length === 0) return;
  await db.insertInto('accreditation_commission_members').values(userIds.map((userId) => ({
    municipality_id: municipalityId, process_id: processId, user_id: userId, added_at: added.at, added_by: added.by,
  }))).execute();
}
