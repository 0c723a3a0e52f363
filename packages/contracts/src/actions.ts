import type { Role } from './roles.ts';

/**
 * The policy actions of each area and the roles allowed each, in the route's municipality. The server enforces them
 * (every route declares its action; src/access/policy.ts); the web app reads them only to decide what to show.
 */
type ActionRoles = Readonly<Record<string, readonly Role[]>>;

/** accounts */
export const ACCOUNTS_ACTIONS = {
  'membership.manage': ['administrator'],
} as const satisfies ActionRoles;

/** audit */
export const AUDIT_ACTIONS = {
  'audit.read': ['administrator', 'oversight_committee'],
} as const satisfies ActionRoles;

/** communication */
export const COMMUNICATION_ACTIONS = {
  'announcement.manage': ['administrator'],
  'notification.read': ['administrator'],
} as const satisfies ActionRoles;

/** evaluation */
export const EVALUATION_ACTIONS = {
  /** Set a process's prioritization matrix and assign proposals to the technical team. */
  'evaluation.manage': ['administrator'],
  /** Evaluate the proposals assigned to oneself. */
  'evaluation.score': ['technical_team'],
} as const satisfies ActionRoles;

/** files */
export const FILES_ACTIONS = {
  'file.upload': ['administrator', 'facilitator'],
  /**
   * Upload a document to attach it (staff's materials and attachments, an agent's proposal, a challenge's evidence);
   * only staff list uploads and read files nothing public shows.
   */
  'file.attach': ['administrator', 'facilitator', 'participating_agent', 'oversight_committee'],
} as const satisfies ActionRoles;

/** plan */
export const PLAN_ACTIONS = {
  'plan.manage': ['administrator'],
} as const satisfies ActionRoles;

/** processes */
export const PROCESSES_ACTIONS = {
  'process.manage': ['administrator'],
} as const satisfies ActionRoles;

/** proposals */
export const PROPOSALS_ACTIONS = {
  'proposal.register_paper': ['administrator', 'facilitator'],
} as const satisfies ActionRoles;

/** prioritization */
export const PRIORITIZATION_ACTIONS = {
  'prioritization.compute': ['administrator'],
} as const satisfies ActionRoles;

/** coordination */
export const COORDINATION_ACTIONS = {
  /** Record and withdraw the agreements that co-finance projects, and set a project's reach. */
  'coordination.manage': ['administrator'],
} as const satisfies ActionRoles;

/** oversight committee election */
export const COMMITTEE_ACTIONS = {
  /** Register the candidates who stand for the oversight committee and type in the votes of the formalization session. */
  'committee.manage': ['administrator', 'facilitator'],
} as const satisfies ActionRoles;

/** quotas */
export const QUOTAS_ACTIONS = {
  'body.manage': ['administrator'],
} as const satisfies ActionRoles;

/** registration */
export const REGISTRATION_ACTIONS = {
  'registration.read': ['administrator', 'facilitator'],
  'registration.register_others': ['administrator', 'facilitator'],
  'registration.import': ['administrator', 'facilitator'],
  'registration.decide': ['administrator'],
  'registration.publish_list': ['administrator'],
  'registration.decide_challenge': ['administrator'],
} as const satisfies ActionRoles;

/** training */
export const TRAINING_ACTIONS = {
  'training.manage': ['administrator', 'facilitator'],
  'attendance.record': ['administrator', 'facilitator'],
} as const satisfies ActionRoles;

/** workshops */
export const WORKSHOPS_ACTIONS = {
  /** Schedule workshops, take their attendance, sign their minutes and type in the room's votes. */
  'workshop.manage': ['administrator', 'facilitator'],
} as const satisfies ActionRoles;

/** voting */
export const VOTING_ACTIONS = {
  /** Open and close the vote, set up its polling tables. */
  'vote.manage': ['administrator'],
  /** Work at a polling table: mark who voted on paper, type the paper ballots, resolve mismatches. */
  'vote.polling_table': ['administrator', 'facilitator'],
} as const satisfies ActionRoles;

/** acta */
export const ACTA_ACTIONS = {
  /** Record the formalization session and the signatories of the Acta de Acuerdos y Compromisos. */
  'acta.prepare': ['administrator', 'facilitator'],
  /** Issue the Acta (freeze its content, hashed), and issue a correction as its next version. */
  'acta.issue': ['administrator'],
} as const satisfies ActionRoles;

/** approval chain of the formalized list */
export const APPROVAL_ACTIONS = {
  /** Record the CCL's and the council's sessions on the list, answer their observations, amend the formalized list, set investment codes. */
  'approval.record': ['administrator'],
} as const satisfies ActionRoles;

/** execution */
export const EXECUTION_ACTIONS = {
  /** Report a tracked project's status, progress, milestones, photos and documents, and import the budget system's CSV. */
  'execution.manage': ['administrator'],
} as const satisfies ActionRoles;

/** oversight */
export const OVERSIGHT_ACTIONS = {
  /** File an observation on a tracked project and send requests for information to the municipality (the committee). */
  'oversight.observe': ['oversight_committee'],
  /** Answer the committee's requests for information, for the municipality. */
  'oversight.answer': ['administrator'],
  /** Record what the municipality's opening budget (PIA) assigns to each agreed project; the committee reads and flags it. */
  'oversight.record_pia': ['administrator'],
} as const satisfies ActionRoles;

/** home */
export const HOME_ACTIONS = {
  /** A process's staff dashboard: where it stands, what is due by when, the next steps. */
  'process.dashboard': ['administrator', 'facilitator', 'technical_team', 'oversight_committee'],
} as const satisfies ActionRoles;

/** Every action of every area. */
export const ACTIONS = {
  ...ACCOUNTS_ACTIONS,
  ...AUDIT_ACTIONS,
  ...COMMITTEE_ACTIONS,
  ...COMMUNICATION_ACTIONS,
  ...COORDINATION_ACTIONS,
  ...EVALUATION_ACTIONS,
  ...FILES_ACTIONS,
  ...HOME_ACTIONS,
  ...PLAN_ACTIONS,
  ...PROCESSES_ACTIONS,
  ...PROPOSALS_ACTIONS,
  ...PRIORITIZATION_ACTIONS,
  ...QUOTAS_ACTIONS,
  ...REGISTRATION_ACTIONS,
  ...TRAINING_ACTIONS,
  ...WORKSHOPS_ACTIONS,
  ...VOTING_ACTIONS,
  ...ACTA_ACTIONS,
  ...APPROVAL_ACTIONS,
  ...EXECUTION_ACTIONS,
  ...OVERSIGHT_ACTIONS,
} as const;
export type Action = keyof typeof ACTIONS;
