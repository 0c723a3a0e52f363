import type { Rational } from '../arith/rational.ts';
import { codedError, fail, ok, type CodedError, type Result } from '../errors/catalogue.ts';
import type { Ballot, Election } from '../model/types.ts';
import type { BallotContext } from './kind.ts';
import { kindOf } from './registry.ts';

/**
 * The checks every ballot kind shares: each project exists and is named once, and points are present
 * exactly when the kind takes them, one per project.
 */
function structuralErrors(ballot: Ballot, takesPoints: boolean, kind: string, known: (id: string) => boolean): CodedError[] {
  const errors: CodedError[] = [];
  const seen = new Set<string>();
  for (const id of ballot.projects) {
    if (!known(id)) errors.push(codedError('UNKNOWN_PROJECT', { project: id }));
    else if (seen.has(id)) errors.push(codedError('PROJECT_CHOSEN_TWICE', { project: id }));
    seen.add(id);
  }
  if (takesPoints) {
    const n = ballot.points?.length ?? 0;
    if (n !== ballot.projects.length) errors.push(codedError('POINTS_MISALIGNED', { points: n, projects: ballot.projects.length }));
  } else if (ballot.points !== undefined && ballot.points.length > 0) {
    errors.push(codedError('POINTS_NOT_ALLOWED', { kind }));
  }
  return errors;
}

export interface BallotValidator {
  (ballot: Ballot, index?: number): Result<Ballot>;
}

/** A validator bound to one election, so the project lookup is built once for many ballots. */
export function ballotValidator(election: Election): BallotValidator {
  const costs = new Map<string, Rational>(election.projects.map((p) => [p.id, p.cost]));
  const kind = kindOf(election.settings);
  const ctx: BallotContext = { budget: election.budget, nProjects: election.projects.length, costOf: (id) => costs.get(id) };
  return (ballot, index) => {
    let errors = structuralErrors(ballot, kind.takesPoints, kind.name, (id) => costs.has(id));
    if (errors.length === 0) errors = kind.validate(ballot, election.settings, ctx);
    if (errors.length === 0) return ok(ballot);
    return fail(...(index === undefined ? errors : errors.map((e) => ({ ...e, ballot: index }))));
  };
}

/** Validates one ballot against the vote's settings; failures come back as coded errors. */
export function validateBallot(election: Election, ballot: Ballot): Result<Ballot> {
  return ballotValidator(election)(ballot);
}

export interface BallotsReport {
  readonly valid: readonly Ballot[];
  readonly invalid: readonly { readonly index: number; readonly errors: readonly CodedError[] }[];
}

/** Sorts the election's ballots into valid and invalid ones (with the index of each invalid ballot). */
export function validateBallots(election: Election): BallotsReport {
  const check = ballotValidator(election);
  const valid: Ballot[] = [];
  const invalid: { index: number; errors: readonly CodedError[] }[] = [];
  election.ballots.forEach((ballot, index) => {
    const r = check(ballot, index);
    if (r.ok) valid.push(ballot);
    else invalid.push({ index, errors: r.errors });
  });
  return { valid, invalid };
}
