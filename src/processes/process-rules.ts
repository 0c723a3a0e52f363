import type { ListStages, ProcessRules } from '@concerta/contracts';
import { addDays } from '../shared/clock.ts';

/** Ilo's rules, the defaults of a new process (domain.md: 50% of delegate seats and 3 directive seats to women; plurality voting). */
export function iloDefaultRules(registrationDeadline: string): ProcessRules {
  return {
    registrationDeadline,
    listStages: defaultListStages(registrationDeadline),
    trainingRequiredToVote: true,
    minTrainingSessions: 1,
    quotas: {
      delegateSeats: 40,
      delegatesMinWomenShare: 0.5,
      directiveSeats: 7,
      directiveMinWomen: 3,
      oversightSeats: 6,
      oversightMinWomenShare: 0.5,
    },
    ballotKind: 'single',
    maxChoices: null,
    outcomeRule: 'greedy',
    threshold: null,
    // Ilo's workshops have prioritized projects since 1999: their votes weigh 30% beside the technical score.
    prioritization: { workshopShare: 0.3, ties: 'declared' },
  };
}

/** Women needed in a body: a share of its seats rounded up (50% of 15 seats is 8 women). */
export function womenNeeded(seats: number, share: number): number {
  return Math.ceil(seats * share - 1e-9);
}

/** A few days for each list stage after the registration deadline (Miraflores' practice: about a week in all). */
export function defaultListStages(registrationDeadline: string): ListStages {
  return {
    preliminaryListOn: addDays(registrationDeadline, 1),
    challengesFrom: addDays(registrationDeadline, 2),
    challengesUntil: addDays(registrationDeadline, 4),
    definitiveListOn: addDays(registrationDeadline, 6),
  };
}
