// Shapes of the Preparation phase's API answers (src/processes, src/plan, src/communication, src/registration,
// src/quotas, src/training, src/files, src/participation). Amounts are integer céntimos; dates YYYY-MM-DD; times ISO.
import type { Phase } from './types';

import type { BallotKind, CalendarPhase, OutcomeRule } from '@concerta/contracts';

// Phases, ballot kinds and outcome rules are the contract's (pb-rules' names), defined once.
export { CALENDAR_PHASES, BALLOT_KINDS, OUTCOME_RULES, THRESHOLD_RULE, type CalendarPhase, type BallotKind, type OutcomeRule } from '@concerta/contracts';

export interface Quotas {
  delegateSeats: number;
  delegatesMinWomenShare: number;
  directiveSeats: number;
  directiveMinWomen: number;
  oversightSeats: number;
  oversightMinWomenShare: number;
}

export interface ProcessRules {
  registrationDeadline: string;
  trainingRequiredToVote: boolean;
  minTrainingSessions: number;
  quotas: Quotas;
  ballotKind: BallotKind;
  maxChoices: number | null;
  outcomeRule: OutcomeRule;
  /** Least votes a project needs; set with the greedy-threshold rule only. */
  threshold?: number | null;
}

export interface CalendarEntry {
  phase: CalendarPhase;
  startsOn: string;
  endsOn: string;
}

export interface ZoneEnvelope {
  zoneId: string;
  zoneName: string;
  amountCents: number;
}

export interface PhaseMove {
  seq: number;
  from: Phase;
  to: Phase;
  movedAt: string;
  movedByName: string;
  reason: string;
}

export interface Process {
  id: string;
  municipalityId: string;
  fiscalYear: number;
  name: string;
  phase: Phase;
  envelopeCents: number;
  investmentBudgetCents: number;
  envelopeShare: number;
  rules: ProcessRules;
  calendar: CalendarEntry[];
  zoneEnvelopes: ZoneEnvelope[];
  copiedFromId: string | null;
  createdAt: string;
}

export interface ProcessDetail extends Process {
  phaseMoves: PhaseMove[];
}

export interface PhaseCheck {
  from: Phase;
  to: Phase | null;
  ready: boolean;
  failures: { code: string; message: string; params: Record<string, unknown> }[];
}

export interface ProcessSettingsInput {
  name: string;
  envelopeCents: number;
  investmentBudgetCents: number;
  calendar: CalendarEntry[];
  rules: ProcessRules;
  zoneEnvelopes: { zoneId: string; amountCents: number }[];
}

// The plan's and the announcements' shapes come from the contract the server uses too.
export { ZONE_KINDS } from '@concerta/contracts';
export type { ZoneKind, Zone, PlanObjective, ThematicAxis, Announcement } from '@concerta/contracts';
export type Attachment = import('@concerta/contracts').Announcement['attachments'][number];

export interface AnnouncementInput {
  title: string;
  body: string;
  startsOn: string;
  endsOn: string;
  attachmentIds: string[];
  publish: boolean;
  reason?: string;
}

export interface StoredFile extends Attachment {
  sha256: string;
  uploadedAt?: string;
  uploadedByName?: string;
  url?: string;
}

/** A message of the notification outbox, as the server keeps it. */
export type { OutboxItem as Notification } from '@concerta/contracts';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}

// --- Registration ---

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];
export const AGE_BANDS = ['18-29', '30-44', '45-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const ORGANIZATION_TYPES = ['neighbourhood_committee', 'ngo', 'union', 'womens_group', 'business', 'other'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type RegistrationSource = 'online' | 'in_person' | 'import';

export interface ZoneRef {
  id: string;
  code?: string;
  name: string;
}

export interface Agent {
  id: string;
  processId: string;
  dni: string;
  fullName: string;
  sex: Sex;
  ageBand: AgeBand;
  zone: ZoneRef;
  phone: string | null;
  email: string | null;
  organization: { id: string; name: string; type: OrganizationType } | null;
  status: RegistrationStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  source: RegistrationSource;
  /** Whether this is the caller's own registration. */
  mine: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Organization {
  id: string;
  processId: string;
  name: string;
  type: OrganizationType;
  registryNumber: string;
  zone: ZoneRef;
  contactPhone: string | null;
  contactEmail: string | null;
  status: RegistrationStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  source: RegistrationSource;
  mine: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AgentInput {
  dni: string;
  fullName: string;
  sex: Sex | '';
  ageBand: AgeBand | '';
  zoneId: string;
  phone?: string | null;
  email?: string | null;
  organizationId?: string | null;
}

export interface OrganizationInput {
  name: string;
  type: OrganizationType | '';
  registryNumber: string;
  zoneId: string;
  contactPhone?: string | null;
  contactEmail?: string | null;
}

export type RegistrationCounts = Record<RegistrationStatus, number>;

/** One entry of the public registry: no DNI, no contact. */
export interface RegistryEntry {
  id: string;
  kind: 'individual' | 'organization';
  name: string;
  organizationType: OrganizationType | null;
  registryNumber: string | null;
  delegateOf: { id: string; name: string; type: OrganizationType } | null;
  zone: ZoneRef;
  status: RegistrationStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  registeredAt: string;
}

export interface Registry {
  processId: string;
  registrationDeadline: string;
  open: boolean;
  counts: { individuals: RegistrationCounts; organizations: RegistrationCounts };
  total: number;
  entries: RegistryEntry[];
}

export const IMPORT_MODES = ['dry-run', 'all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportReport {
  mode: ImportMode;
  total: number;
  valid: number;
  invalid: number;
  written: number;
  errors: { line: number; field: string | null; code: string; message: string }[];
}

export type Decision = 'approve' | 'reject';

// --- Bodies and quotas ---

export const BODY_KINDS = ['delegates', 'directive_committee', 'oversight_committee'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export type ElectedBodyKind = Exclude<BodyKind, 'delegates'>;
export type QuotaState = 'met' | 'open' | 'broken';

export interface BodyMember {
  agentId: string;
  name: string;
  sex: Sex;
  organization: { id: string; name: string; type: OrganizationType } | null;
  electedAt: string;
}

export interface BodyQuota {
  kind: BodyKind;
  seats: number;
  filled: number;
  women: number;
  men: number;
  minWomen: number;
  status: QuotaState;
  members: BodyMember[] | null;
}

// --- Training ---

export interface TrainingSession {
  id: string;
  processId: string;
  topic: string;
  place: string;
  startsAt: string;
  endsAt: string;
  localDate: string;
  localStartTime: string;
  localEndTime: string;
  status: 'upcoming' | 'in_progress' | 'ended';
  checkInOpen: boolean;
  facilitator: { userId: string | null; name: string };
  zone: { id: string; name: string } | null;
  materials: (Attachment & { url: string })[];
  attendanceCount: number;
}

export interface TrainingList {
  process: { id: string; fiscalYear: number; phase: Phase };
  rules: { trainingRequiredToVote: boolean; minTrainingSessions: number };
  sessions: TrainingSession[];
}

export interface Attendee {
  agentId: string;
  fullName: string;
  dni: string;
  zone: { id: string; name: string };
  organizationName: string | null;
  method: 'facilitator' | 'dni_check_in';
  recordedAt: string;
  recordedByName: string;
  trained: boolean;
}

export interface TrainingStatus {
  process: { id: string; fiscalYear: number; phase: Phase };
  rules: { trainingRequiredToVote: boolean; minTrainingSessions: number };
  totals: { approved: number; trained: number };
  agents: {
    agentId: string;
    fullName: string;
    dni: string;
    sex: Sex;
    zone: { id: string; name: string };
    organizationName: string | null;
    sessionsAttended: number;
    trained: boolean;
  }[];
}

export interface SessionInput {
  topic: string;
  place: string;
  startsAt: string;
  endsAt: string;
  facilitatorUserId?: string;
  facilitatorName?: string;
  zoneId?: string | null;
  materialFileIds?: string[];
}
