import type { Phase } from '@concerta/contracts';
import { AppError } from '../shared/errors.ts';
import { soles } from '../processes/process-settings.ts';

/** Domain types and pure rules of project proposals (no I/O). Amounts are whole céntimos. */

export const FUNDER_KINDS = ['municipality', 'regional_government', 'ngo', 'company', 'community'] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

/** A pledge in money, or in kind (labour, materials, land ...) valued in soles. */
export const CONTRIBUTIONS = ['money', 'in_kind'] as const;
export type Contribution = (typeof CONTRIBUTIONS)[number];

export const PROPOSAL_STATUSES = ['submitted', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export type ProposalSource = 'online' | 'paper';

export interface Pledge {
  funderKind: FunderKind;
  funderName: string;
  contribution: Contribution;
  description: string;
  amountCents: number;
}

/** What an author writes: the content of one version. */
export interface ProposalContent {
  title: string;
  description: string;
  zoneId: string;
  axisId: string;
  objectiveId: string;
  problem: string;
  beneficiariesCount: number;
  beneficiaryGroups: string;
  costCents: number;
  location: string;
  pledges: Pledge[];
  attachmentFileIds: string[];
}

export interface Ref { id: string; name: string }

export interface AttachmentRef { id: string; filename: string; contentType: string; sizeBytes: number }

/** One version as stored and shown: its content with the names of what it refers to. */
export interface ProposalVersion {
  version: number;
  title: string;
  description: string;
  zone: Ref;
  axis: Ref & { code: string };
  objective: { id: string; code: string; title: string };
  problem: string;
  beneficiariesCount: number;
  beneficiaryGroups: string;
  costCents: number;
  location: string;
  pledges: Pledge[];
  attachments: AttachmentRef[];
  createdAt: string;
  createdBy: string;
  createdByName: string;
  reason: string | null;
}

/** The public record of a proposal. */
export interface ProposalRecord {
  id: string;
  processId: string;
  number: number;
  status: ProposalStatus;
  authorAgentId: string;
  authorOrganizationId: string | null;
  source: ProposalSource;
  currentVersion: number;
  submittedAt: string;
  submittedBy: string;
  updatedAt: string;
}

/** Who a proposal is by, as the public reads it. */
export interface ProposalAuthor {
  agent: { id: string; fullName: string };
  organization: { id: string; name: string } | null;
}

/** A proposal with its current version (the list). */
export interface ProposalSummary extends ProposalRecord {
  author: ProposalAuthor;
  current: Omit<ProposalVersion, 'pledges' | 'attachments' | 'description' | 'problem' | 'location' | 'beneficiaryGroups'>;
  cofinancingCents: number;
}

/** A proposal with its current version and every earlier one, newest first. */
export interface Proposal extends ProposalRecord {
  author: ProposalAuthor;
  current: ProposalVersion;
  versions: ProposalVersion[];
}

/** Total of a version's pledges. */
export function pledgedCents(pledges: readonly Pick<Pledge, 'amountCents'>[]): number {
  return pledges.reduce((sum, p) => sum + p.amountCents, 0);
}

/** The estimated cost must be more than zero and no more than the process's whole envelope. */
export function checkCost(costCents: number, envelopeCents: number): AppError | null {
  if (!Number.isSafeInteger(costCents) || costCents <= 0) return new AppError('PROPOSAL_COST_NOT_POSITIVE', {}, 'costCents');
  if (costCents > envelopeCents) return new AppError('PROPOSAL_COST_OVER_ENVELOPE', { cost: soles(costCents), envelope: soles(envelopeCents) }, 'costCents');
  return null;
}

/** Each pledge is worth more than zero, and together they do not exceed the project's cost. */
export function checkPledges(pledges: readonly Pledge[], costCents: number): AppError | null {
  for (const [i, p] of pledges.entries()) {
    if (!Number.isSafeInteger(p.amountCents) || p.amountCents <= 0) return new AppError('VALIDATION', { rule: 'positive_amount' }, `pledges.${i}.amountCents`);
  }
  const total = pledgedCents(pledges);
  if (total > costCents) return new AppError('PLEDGES_OVER_COST', { pledged: soles(total), cost: soles(costCents) }, 'pledges');
  return null;
}

/** Proposals are submitted and edited only in Concertation, until the proposal deadline (inclusive, local date). */
export function checkProposalsOpen(phase: Phase, deadline: string, today: string): AppError | null {
  if (phase !== 'concertation') return new AppError('PROPOSALS_NOT_OPEN', { phase });
  if (today > deadline) return new AppError('PROPOSAL_DEADLINE_PASSED', { deadline });
  return null;
}
