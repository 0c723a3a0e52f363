import type { ErrorCode } from '../shared/errors.ts';
import { AppError } from '../shared/errors.ts';
import type { AgeBand, DelegateRole, StandingKind, OrganizationType, RegistrationSource, RegistrationStatus, Sex } from '@concerta/contracts';

/**
 * Registration of participating agents (individuals, possibly the accredited delegate of an organization) and of
 * civil-society organizations, for one yearly process. Each registration waits for the municipality's decision.
 */
export {
  SEXES, AGE_BANDS, ORGANIZATION_TYPES, REGISTRATION_STATUSES, REGISTRATION_SOURCES, DECISIONS,
  type Sex, type AgeBand, type OrganizationType, type RegistrationStatus, type RegistrationSource, type Decision, type DelegateRole, type StandingKind,
} from '@concerta/contracts';

export interface ZoneRef {
  id: string;
  code: string;
  name: string;
}

export interface OrganizationRef {
  id: string;
  name: string;
  type: OrganizationType;
  registryNumber: string;
  status: RegistrationStatus;
}

/** A participating agent's registration, as its owner and the municipality's staff see it. */
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
  delegateRole: DelegateRole | null;
  status: RegistrationStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  source: RegistrationSource;
  userId: string | null;
  submittedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An organization's registration, as its submitter and the municipality's staff see it. */
export interface Organization {
  id: string;
  processId: string;
  name: string;
  type: OrganizationType;
  registryNumber: string;
  zone: ZoneRef;
  contactPhone: string | null;
  contactEmail: string | null;
  standing: { kind: StandingKind | null; fileId: string | null };
  status: RegistrationStatus;
  decisionReason: string | null;
  decidedAt: string | null;
  source: RegistrationSource;
  submittedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One broken rule of a registration: a catalogue code, its params, and the field it concerns. */
export interface Issue {
  field: string;
  code: ErrorCode;
  params: Record<string, unknown>;
}

export function validationIssue(field: string, rule: string, params: Record<string, unknown> = {}): Issue {
  return { field, code: 'VALIDATION', params: { rule, ...params } };
}

export function issueError(issue: Issue): AppError {
  return new AppError(issue.code, issue.params, issue.field);
}

/** The issue to answer first: the client's input mistakes (400) before conflicts with what exists (409). */
export function firstIssue(issues: readonly Issue[]): Issue | undefined {
  return [...issues].sort((a, b) => new AppError(a.code).status - new AppError(b.code).status)[0];
}
