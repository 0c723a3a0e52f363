import type { DatabaseHandle } from '../db/database.ts';
import type { Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { enqueueToContact } from '../communication/outbox.ts';
import { fileExists } from '../files/files.queries.ts';
import { decide, type DecisionKind } from '../decisions/decisions.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { AppError } from '../shared/errors.ts';
import { localDate, newId, now } from '../shared/clock.ts';
import type { ChallengeDecision, ChallengeGround, ChallengeTarget } from '@concerta/contracts';
import { lockProcessRegistrations, requireProcess } from '../processes/process.queries.ts';
import { answerWindowError, challengeWindowError, challengeWindowOver } from './list-stages.ts';
import { GROUND_LABELS } from './accreditation-act.ts';
import { delegateCounts } from './registration.queries.ts';
import { mayDecideChallenge } from './registration.policy.ts';
import { municipalityName } from './registration.repository.ts';
import * as repo from './registration-lists.repository.ts';
import { isParty, listsView, openListWrite, partyOf, type PublicChallenge } from './registration-lists.service.ts';

/**
 * Challenges (tachas) to registrations on the preliminary list: filed by an approved agent within the window, told to
 * the challenged party (outbox), answered once by it before the window closes, decided by the administrator with a
 * reason through the decision kernel. Upheld withdraws the registration (an organization's delegates with it): the
 * delegates' quota counts only approved registrations, so it is recounted at once.
 */
export interface ChallengeInput {
  targetType: ChallengeTarget;
  targetId: string;
  grounds: ChallengeGround;
  reason: string;
  evidenceFileId?: string | null | undefined;
}

async function challengeView(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, id: string): Promise<PublicChallenge> {
  const view = await listsView(handle, municipalityId, processId, actor);
  return view.challenges.find((c) => c.id === id)!;
}

export async function fileChallenge(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, input: ChallengeInput): Promise<PublicChallenge> {
  const id = newId();
  await handle.db.transaction().execute(async (trx) => {
    const { process, lists } = await openListWrite(trx, handle, municipalityId, processId);
    if (!lists.some((l) => l.stage === 'preliminary')) throw new AppError('PRELIMINARY_LIST_MISSING');
    const shut = challengeWindowError(process.rules, localDate());
    if (shut) throw shut;
    const [agents, organizations] = await Promise.all([repo.listedAgents(trx, municipalityId, processId), repo.listedOrganizations(trx, municipalityId, processId)]);
    const challenger = agents.find((a) => a.userId === actor.userId && a.status === 'approved');
    if (!challenger) throw new AppError('NOT_A_REGISTERED_AGENT');
    const target = { type: input.targetType, id: input.targetId };
    const targetRow = input.targetType === 'agent' ? agents.find((a) => a.id === input.targetId) : organizations.find((o) => o.id === input.targetId);
    if (!targetRow) throw new AppError('NOT_FOUND', { what: `${input.targetType} ${input.targetId}` }, 'targetId');
    if (isParty(partyOf(actor.userId, agents, organizations), target)) throw new AppError('CHALLENGE_AGAINST_SELF', {}, 'targetId');
    if (targetRow.status !== 'approved') throw new AppError('CHALLENGE_TARGET_NOT_LISTED', {}, 'targetId');
    if (input.evidenceFileId && !(await fileExists(trx, municipalityId, input.evidenceFileId))) {
      throw new AppError('NOT_FOUND', { what: `file ${input.evidenceFileId}` }, 'evidenceFileId');
    }
    const at = now();
    try {
      await repo.insertChallenge(trx, {
        municipality_id: municipalityId, id, process_id: processId, challenger_agent_id: challenger.id, target_type: target.type, target_id: target.id,
        grounds: input.grounds, reason: input.reason, evidence_file_id: input.evidenceFileId ?? null, filed_at: at, filed_by: actor.userId,
        answer: null, answered_at: null, answered_by: null, status: 'open', decision_reason: null, decided_at: null, decided_by: null,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CHALLENGE_DUPLICATE', {}, 'targetId');
      throw err;
    }
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'registration.challenge', entityType: 'registration_challenge', entityId: id,
      reason: input.reason, data: { processId, target, grounds: input.grounds, evidenceFileId: input.evidenceFileId ?? null },
    });
    const name = input.targetType === 'agent' ? (targetRow as repo.ListedAgent).fullName : (targetRow as repo.ListedOrganization).name;
    const contact = await repo.contactOf(trx, municipalityId, processId, target);
    const until = process.rules.listStages!.challengesUntil;
    await enqueueToContact(trx, municipalityId, contact, {
      subject: `Tacha a su inscripción: ${process.name}`,
      body: `La inscripción de ${name} en el ${process.name} (${await municipalityName(trx, municipalityId)}) fue tachada.\n\n`
        + `Causal: ${GROUND_LABELS[input.grounds]}\nFundamento: ${input.reason}\n\n`
        + `Puede presentar su descargo una sola vez, hasta el ${until}, en la página de listas del proceso.`,
      topic: 'registration.challenge', relatedType: 'registration_challenge', relatedId: id,
    });
  });
  return challengeView(handle, actor, municipalityId, processId, id);
}

export async function answerChallenge(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, challengeId: string, answer: string): Promise<PublicChallenge> {
  await handle.db.transaction().execute(async (trx) => {
    const { process } = await openListWrite(trx, handle, municipalityId, processId);
    const [challenge] = await repo.findChallenges(trx, municipalityId, processId, [challengeId]);
    if (!challenge) throw new AppError('NOT_FOUND', { what: `challenge ${challengeId}` });
    const [agents, organizations] = await Promise.all([repo.listedAgents(trx, municipalityId, processId), repo.listedOrganizations(trx, municipalityId, processId)]);
    if (!isParty(partyOf(actor.userId, agents, organizations), challenge.target)) throw new AppError('NOT_THE_CHALLENGED_PARTY');
    const late = answerWindowError(process.rules, localDate());
    if (late) throw late;
    if (challenge.status !== 'open') throw new AppError('CHALLENGE_DECIDED', { status: challenge.status });
    if (!(await repo.answerChallenge(trx, municipalityId, challengeId, { answer, at: now(), by: actor.userId }))) throw new AppError('ALREADY_ANSWERED', {}, 'answer');
    await appendAudit(trx, handle.dialect, {
      scope: municipalityId, actorId: actor.userId, action: 'registration.challenge_answer', entityType: 'registration_challenge', entityId: challengeId,
      reason: answer, data: { processId },
    });
  });
  return challengeView(handle, actor, municipalityId, processId, challengeId);
}

const OUTCOMES = { uphold: { status: 'upheld', reasonRequired: true }, dismiss: { status: 'dismissed', reasonRequired: true } } as const;

export async function decideChallenges(
  handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, challengeIds: string[], input: { decision: ChallengeDecision; reason?: string | null | undefined },
): Promise<PublicChallenge[]> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const processName = process.name;
  let rules = process.rules;
  let parties: { party: ReturnType<typeof partyOf>; agentIds: Set<string> } = { party: partyOf(null, [], []), agentIds: new Set() };
  const kind: DecisionKind<repo.ChallengeRow, ChallengeDecision> = {
    entity: 'registration_challenge',
    field: 'challengeIds',
    outcomes: OUTCOMES,
    action: (d) => `registration.challenge_${d}`,
    open: async (trx) => {
      await lockProcessRegistrations(trx, handle.dialect, processId);
      rules = (await openListWrite(trx, handle, municipalityId, processId)).process.rules;
      if (!mayDecideChallenge(actor, municipalityId, await repo.commissionMemberIds(trx, municipalityId, processId))) throw new AppError('NOT_ON_COMMISSION');
      const [agents, organizations] = await Promise.all([repo.listedAgents(trx, municipalityId, processId), repo.listedOrganizations(trx, municipalityId, processId)]);
      parties = { party: partyOf(actor.userId, agents, organizations), agentIds: new Set(agents.filter((a) => a.userId === actor.userId).map((a) => a.id)) };
    },
    find: (db, ids) => repo.findChallenges(db, municipalityId, processId, ids),
    closed: (c) => {
      if (c.status !== 'open') return new AppError('CHALLENGE_DECIDED', { status: c.status }, 'challengeIds');
      if (isParty(parties.party, c.target) || parties.agentIds.has(c.challengerAgentId)) return new AppError('CHALLENGE_PARTY_DECIDES', {}, 'challengeIds');
      if (c.answer === null && !challengeWindowOver(rules, localDate())) return new AppError('CHALLENGE_AWAITING_ANSWER', { until: rules.listStages!.challengesUntil }, 'challengeIds');
      return null;
    },
    apply: (trx, c, d) => repo.decideChallenge(trx, municipalityId, c.id, { status: d.status as 'upheld' | 'dismissed', reason: d.reason, at: d.at, by: d.by }),
    raced: (c) => new AppError('CHALLENGE_DECIDED', { status: 'decided', id: c.id }, 'challengeIds'),
    follow: async (trx, c, d) => {
      if (d.decision !== 'uphold') return {};
      const withdrawal = { reason: `Tacha fundada (${GROUND_LABELS[c.grounds]}): ${d.reason ?? ''}`, at: d.at, by: d.by };
      const withdrawn = await repo.withdrawRegistration(trx, municipalityId, c.target, withdrawal);
      const delegates = withdrawn && c.target.type === 'organization' ? await repo.withdrawDelegates(trx, municipalityId, c.target.id, withdrawal) : [];
      return { withdrawn, delegatesWithdrawn: delegates, delegatesAfter: await delegateCounts(trx, municipalityId, processId) };
    },
    notify: async (trx, c, d) => {
      const outcome = d.decision === 'uphold' ? 'fundada: la inscripción fue retirada de la lista' : 'infundada: la inscripción sigue en la lista';
      const message = { subject: `Tacha resuelta: ${processName}`, body: `La tacha a la inscripción en el ${processName} fue declarada ${outcome}.\n\nMotivo: ${d.reason ?? ''}`, topic: 'registration.challenge_decision', relatedType: 'registration_challenge', relatedId: c.id };
      await enqueueToContact(trx, municipalityId, await repo.contactOf(trx, municipalityId, processId, c.target), message);
      await enqueueToContact(trx, municipalityId, await repo.contactOf(trx, municipalityId, processId, { type: 'agent', id: c.challengerAgentId }), message);
    },
    auditData: (c) => ({ processId, target: c.target, grounds: c.grounds }),
  };
  const decided = await decide(handle, actor, municipalityId, kind, challengeIds, input);
  const view = await listsView(handle, municipalityId, processId, actor);
  return decided.map((c) => view.challenges.find((v) => v.id === c.id)!);
}
