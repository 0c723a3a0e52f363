import type { CalendarPhase, ListStages, Phase, Role } from '@concerta/contracts';

/**
 * Each person's home: where a process stands, what is due by when, and the next thing to do. Pure rules over figures
 * the other areas give (home.service.ts gathers them): which process is a municipality's current one, where a person
 * lands after signing in, and a process's next steps for its staff.
 */

/** Roles that work on a process from the staff pages (the technical team too, whose work starts in Concertation). */
export const STAFF_ROLES: readonly Role[] = ['administrator', 'facilitator', 'technical_team', 'oversight_committee'];

export interface ProcessRef {
  id: string;
  name: string;
  fiscalYear: number;
  phase: Phase;
}

/** A municipality's current process: the newest one not closed, else the newest. */
export function currentProcess<P extends ProcessRef>(processes: readonly P[]): P | null {
  const newest = [...processes].sort((a, b) => b.fiscalYear - a.fiscalYear);
  return newest.find((p) => p.phase !== 'closed') ?? newest[0] ?? null;
}

/** Where a person lands after signing in, when no page asked for them. */
export type Landing =
  | { kind: 'staff'; slug: string; processId: string | null }
  | { kind: 'registration'; slug: string; processId: string }
  | { kind: 'process'; slug: string; processId: string }
  | { kind: 'account' };

export interface Place {
  slug: string;
  roles: readonly Role[];
  process: ProcessRef | null;
  registration: { id: string; status: string } | null;
}

/**
 * Staff land on the dashboard of their municipality's current process; an agent (or anyone with a registration) on
 * their registration; a visitor on the one open call's process, if there is exactly one; else the account page, which
 * lists what is open.
 */
export function landingOf(places: readonly Place[], openCalls: readonly { slug: string; processId: string }[]): Landing {
  const staff = places.find((p) => p.roles.some((r) => STAFF_ROLES.includes(r)));
  if (staff) return { kind: 'staff', slug: staff.slug, processId: staff.process?.id ?? null };
  const registered = places.find((p) => p.registration && p.process);
  if (registered) return { kind: 'registration', slug: registered.slug, processId: registered.process!.id };
  const agent = places.find((p) => p.roles.includes('participating_agent') && p.process);
  if (agent) return { kind: 'process', slug: agent.slug, processId: agent.process!.id };
  const [only, ...more] = openCalls;
  if (only && more.length === 0) return { kind: 'process', slug: only.slug, processId: only.processId };
  return { kind: 'account' };
}

/** The staff page a step is done on (the web app maps it to its path and the action that shows it). */
export const STEP_PAGES = ['registrations', 'organizations', 'lists', 'settings', 'trainings', 'phase', 'paperProposals', 'proposals', 'vote', 'committee', 'acta', 'approval'] as const;
export type StepPage = (typeof STEP_PAGES)[number];

export const STEP_CODES = [
  'decide_registrations', 'registration_open', 'set_list_dates', 'publish_preliminary_list', 'challenge_window', 'decide_challenges',
  'publish_definitive_list', 'schedule_training', 'proposals_open', 'move_phase', 'phase_ends',
  'open_vote', 'vote_open', 'close_vote', 'elect_committee', 'issue_acta', 'approval_chain',
] as const;
export type StepCode = (typeof STEP_CODES)[number];

/** One thing to do (now: `due` today or past, or null) or coming (`due` later), with its numbers and where. */
export interface Step {
  code: StepCode;
  params: Record<string, string | number>;
  /** The local date it is due by (or happens on), if it has one. */
  due: string | null;
  page: StepPage;
}

export interface DashboardFigures {
  phase: Phase;
  today: string;
  calendar: readonly { phase: CalendarPhase; startsOn: string; endsOn: string }[];
  registrationDeadline: string;
  listStages: ListStages | null;
  proposalDeadline: string;
  pendingAgents: number;
  pendingOrganizations: number;
  preliminaryListPublished: boolean;
  definitiveListPublished: boolean;
  openChallenges: number;
  upcomingTrainings: number;
  proposals: number;
  /** Formalization's parts: the vote, the oversight committee, the Acta, the approval chain (its step). */
  vote: { status: 'none' | 'open' | 'closed'; closesOn: string | null };
  committeeElected: boolean;
  actaIssued: boolean;
  approvalStep: 'ccl_pending' | 'ccl_returned' | 'council_pending' | 'council_returned' | 'formalized';
}

/**
 * The next steps of a process for its staff, most pressing first: what the phase asks for, in the order the law
 * runs it (decide registrations, publish the preliminary list, decide challenges, publish the definitive list,
 * train; in Concertation take proposals until their deadline; in Formalization the vote, the oversight committee,
 * the Acta and the approval chain), then moving on once the phase is done.
 */
export function nextSteps(f: DashboardFigures): Step[] {
  const steps: Step[] = [];
  const phaseEnd = f.calendar.find((c) => c.phase === f.phase)?.endsOn ?? null;
  if (f.phase === 'preparation') {
    const open = f.today <= f.registrationDeadline;
    const pending = f.pendingAgents + f.pendingOrganizations;
    if (pending > 0) steps.push({ code: 'decide_registrations', params: { agents: f.pendingAgents, organizations: f.pendingOrganizations }, due: f.listStages?.preliminaryListOn ?? f.registrationDeadline, page: f.pendingAgents > 0 ? 'registrations' : 'organizations' });
    if (open) steps.push({ code: 'registration_open', params: {}, due: f.registrationDeadline, page: 'registrations' });
    const s = f.listStages;
    if (!s) steps.push({ code: 'set_list_dates', params: {}, due: null, page: 'settings' });
    else if (!f.definitiveListPublished) {
      if (!f.preliminaryListPublished) steps.push({ code: 'publish_preliminary_list', params: {}, due: s.preliminaryListOn, page: 'lists' });
      else if (f.today <= s.challengesUntil) steps.push({ code: 'challenge_window', params: { from: s.challengesFrom }, due: s.challengesUntil, page: 'lists' });
      if (f.openChallenges > 0) steps.push({ code: 'decide_challenges', params: { count: f.openChallenges }, due: s.definitiveListOn, page: 'lists' });
      if (f.preliminaryListPublished) steps.push({ code: 'publish_definitive_list', params: {}, due: s.definitiveListOn, page: 'lists' });
    }
    if (f.upcomingTrainings === 0) steps.push({ code: 'schedule_training', params: {}, due: phaseEnd, page: 'trainings' });
    if (f.definitiveListPublished && pending === 0 && !open) steps.push({ code: 'move_phase', params: { to: 'concertation' }, due: phaseEnd, page: 'phase' });
  } else if (f.phase === 'concertation') {
    if (f.today <= f.proposalDeadline) steps.push({ code: 'proposals_open', params: { count: f.proposals }, due: f.proposalDeadline, page: 'paperProposals' });
    else steps.push({ code: 'move_phase', params: { to: 'coordination' }, due: phaseEnd, page: 'phase' });
  } else if (f.phase === 'formalization') {
    const { vote } = f;
    if (vote.status === 'none') steps.push({ code: 'open_vote', params: {}, due: phaseEnd, page: 'vote' });
    else if (vote.status === 'open' && vote.closesOn && f.today < vote.closesOn) steps.push({ code: 'vote_open', params: {}, due: vote.closesOn, page: 'vote' });
    else if (vote.status === 'open') steps.push({ code: 'close_vote', params: {}, due: vote.closesOn ?? f.today, page: 'vote' });
    if (!f.committeeElected) steps.push({ code: 'elect_committee', params: {}, due: phaseEnd, page: 'committee' });
    if (vote.status === 'closed' && !f.actaIssued) steps.push({ code: 'issue_acta', params: {}, due: phaseEnd, page: 'acta' });
    if (vote.status === 'closed' && f.approvalStep !== 'formalized') steps.push({ code: 'approval_chain', params: { step: f.approvalStep }, due: phaseEnd, page: 'approval' });
    if (vote.status === 'closed' && f.committeeElected && f.actaIssued && f.approvalStep === 'formalized') steps.push({ code: 'move_phase', params: { to: 'execution' }, due: phaseEnd, page: 'phase' });
  } else if (f.phase !== 'closed' && phaseEnd) {
    steps.push({ code: 'phase_ends', params: { phase: f.phase }, due: phaseEnd, page: 'phase' });
  }
  // Most pressing first: by date (undated last), keeping the law's order among equal dates.
  return steps.map((s, i) => ({ s, i })).sort((a, b) => (a.s.due ?? '9999').localeCompare(b.s.due ?? '9999') || a.i - b.i).map((x) => x.s);
}
