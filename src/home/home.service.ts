import type { DatabaseHandle } from '../db/database.ts';
import type { Role } from '@concerta/contracts';
import { type Actor } from '../access/actor.ts';
import { localDate, now } from '../shared/clock.ts';
import { requireProcess } from '../processes/process.queries.ts';
import { proposalDeadlineOf } from '../processes/process.ts';
import { listProcessSummaries, processesOpenForRegistration } from '../processes/process-summary.queries.ts';
import { municipalityRef } from '../territory/territory.queries.ts';
import { registrationsOfUser, registrationStanding } from '../registration/registration.queries.ts';
import { trainedAgentIds, trainingFigures } from '../training/training.queries.ts';
import { countProposals } from '../proposals/proposals.queries.ts';
import { voteState } from '../voting/voting.queries.ts';
import { committeeSeated } from '../committee/committee.queries.ts';
import { hasIssuedActa } from '../acta/acta.queries.ts';
import { approvalStep } from '../approval/approval.queries.ts';
import { currentProcess, landingOf, nextSteps, type Place, type ProcessRef } from './home.ts';

/** A person's places (the municipalities of their roles and registrations), the open calls, and where they land. */
export async function personalHome(handle: DatabaseHandle, actor: Actor, today = localDate()) {
  const db = handle.db;
  const municipalities = new Map<string, { slug: string; name: string; roles: Role[] }>();
  for (const g of actor.roles) {
    const m = municipalities.get(g.municipalityId) ?? { slug: g.municipalitySlug, name: g.municipalityName, roles: [] };
    m.roles.push(g.role);
    municipalities.set(g.municipalityId, m);
  }
  const registrations = await registrationsOfUser(db, actor.userId);
  for (const r of registrations) {
    if (municipalities.has(r.municipalityId)) continue;
    const ref = await municipalityRef(db, r.municipalityId);
    if (ref) municipalities.set(r.municipalityId, { ...ref, roles: [] });
  }
  const open = await processesOpenForRegistration(db, today);
  const places = [];
  for (const [municipalityId, m] of municipalities) {
    const process: ProcessRef | null = currentProcess(await listProcessSummaries(db, municipalityId));
    const registration = process ? registrations.find((r) => r.processId === process.id) ?? null : null;
    const call = process && open.find((o) => o.id === process.id);
    places.push({
      municipality: { slug: m.slug, name: m.name }, roles: m.roles,
      process: process && { ...process, registrationOpen: Boolean(call), registrationDeadline: call ? call.registrationDeadline : null },
      registration: registration && { id: registration.id, status: registration.status },
    });
  }
  places.sort((a, b) => a.municipality.name.localeCompare(b.municipality.name, 'es'));
  const openCalls = [];
  for (const o of open) {
    const ref = await municipalityRef(db, o.municipalityId);
    if (ref) openCalls.push({ municipality: ref, process: { id: o.id, name: o.name, fiscalYear: o.fiscalYear }, registrationDeadline: o.registrationDeadline });
  }
  const landing = landingOf(
    places.map((p): Place => ({ slug: p.municipality.slug, roles: p.roles, process: p.process, registration: p.registration })),
    openCalls.map((c) => ({ slug: c.municipality.slug, processId: c.process.id })),
  );
  return { places, openCalls, landing };
}

/** A process's staff dashboard: its phase and dates, what is due by when, its figures, the next steps. */
export async function processDashboard(handle: DatabaseHandle, municipalityId: string, processId: string, at = now()) {
  const db = handle.db;
  const process = await requireProcess(db, municipalityId, processId);
  const today = localDate(at);
  const [standing, training, trained, proposals, vote, committeeElected, actaIssued, approval] = await Promise.all([
    registrationStanding(db, municipalityId, processId), trainingFigures(db, municipalityId, processId, at),
    trainedAgentIds(db, municipalityId, processId), countProposals(db, municipalityId, processId),
    voteState(db, municipalityId, processId), committeeSeated(db, municipalityId, processId),
    hasIssuedActa(db, municipalityId, processId), approvalStep(db, municipalityId, processId),
  ]);
  const proposalDeadline = proposalDeadlineOf(process);
  const steps = nextSteps({
    phase: process.phase, today, calendar: process.calendar, registrationDeadline: process.rules.registrationDeadline,
    listStages: process.rules.listStages ?? null, proposalDeadline,
    pendingAgents: standing.pending.agents, pendingOrganizations: standing.pending.organizations,
    preliminaryListPublished: standing.preliminaryListPublished, definitiveListPublished: standing.definitiveListPublished,
    openChallenges: standing.openChallenges, upcomingTrainings: training.upcoming, proposals: proposals.submitted,
    vote: { status: vote.status, closesOn: vote.closesAt ? localDate(vote.closesAt) : null }, committeeElected, actaIssued, approvalStep: approval,
  });
  return {
    process: { id: process.id, name: process.name, fiscalYear: process.fiscalYear, phase: process.phase },
    today,
    calendar: process.calendar,
    dates: { registrationDeadline: process.rules.registrationDeadline, listStages: process.rules.listStages ?? null, proposalDeadline },
    figures: {
      registrations: { pendingAgents: standing.pending.agents, pendingOrganizations: standing.pending.organizations, approvedAgents: standing.approvedAgents },
      lists: { preliminaryPublished: standing.preliminaryListPublished, definitivePublished: standing.definitiveListPublished, openChallenges: standing.openChallenges },
      training: { ...training, trainedAgents: trained.size, minSessions: process.rules.minTrainingSessions, requiredToVote: process.rules.trainingRequiredToVote },
      proposals: { submitted: proposals.submitted, withdrawn: proposals.withdrawn },
    },
    steps,
  };
}
