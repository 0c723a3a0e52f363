import { Rational, type RationalInput } from '../arith/rational.ts';
import { codedError, fail, ok, type CodedError, type Result } from '../errors/catalogue.ts';
import { checkSettings } from '../ballots/registry.ts';
import type { Ballot, Election, Project, VoteSettings } from '../model/types.ts';

export interface ProjectInput {
  readonly id: string;
  readonly cost: RationalInput;
  readonly name?: string;
  readonly territory?: string;
}

export interface ElectionInput {
  readonly budget: RationalInput;
  readonly projects: readonly ProjectInput[];
  readonly ballots?: readonly Ballot[];
  readonly settings: VoteSettings;
}

function amount(field: string, value: RationalInput): Rational | CodedError {
  try {
    return Rational.of(value);
  } catch {
    return codedError('INVALID_AMOUNT', { field, value: String(value) });
  }
}

/**
 * Builds an election from plain values (numbers or decimal strings for money) and checks what every rule
 * relies on: a positive budget, non-negative costs, unique project ids, coherent settings. Ballots are
 * taken as given; check them with `validateBallots` (kind limits) before counting a live vote.
 */
export function createElection(input: ElectionInput): Result<Election> {
  const errors: CodedError[] = [];
  const budget = amount('budget', input.budget);
  if (!(budget instanceof Rational)) errors.push(budget);
  else if (budget.sign() <= 0) errors.push(codedError('BUDGET_NOT_POSITIVE', { budget: budget.toString() }));

  const seen = new Set<string>();
  const projects: Project[] = [];
  for (const p of input.projects) {
    if (seen.has(p.id)) errors.push(codedError('DUPLICATE_PROJECT', { project: p.id }));
    seen.add(p.id);
    const cost = amount(`cost of project ${p.id}`, p.cost);
    if (!(cost instanceof Rational)) {
      errors.push(cost);
      continue;
    }
    if (cost.sign() < 0) errors.push(codedError('NEGATIVE_COST', { project: p.id, cost: cost.toString() }));
    projects.push({
      id: p.id,
      cost,
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.territory !== undefined ? { territory: p.territory } : {}),
    });
  }
  if (budget instanceof Rational) errors.push(...checkSettings(input.settings, budget, projects.length));
  if (errors.length > 0 || !(budget instanceof Rational)) return fail(...errors);
  return ok({ budget, projects, ballots: input.ballots ?? [], settings: input.settings });
}
