import { addDays, parseSoles, peruToday, solesForInput } from '../../../lib/format';
import { CALENDAR_PHASES, THRESHOLD_RULE, type CalendarPhase, type PrioritizationSettings, type Process, type ProcessRules } from '../../../lib/api-types';

/** The settings form's values, as typed (amounts in soles, shares in percent). */
export interface ProcessFormValues {
  name: string;
  fiscalYear: string;
  envelope: string;
  investment: string;
  calendar: Record<CalendarPhase, { startsOn: string; endsOn: string }>;
  registrationDeadline: string;
  /** The list stages after registration (all four, or none). */
  preliminaryListOn: string;
  challengesFrom: string;
  challengesUntil: string;
  definitiveListOn: string;
  /** Empty: the last day of Concertation. */
  proposalDeadline: string;
  /** Share of the provisional list's score from the workshops' votes, in percent (0: technical score only). */
  workshopSharePercent: string;
  prioritizationTies: string;
  trainingRequiredToVote: boolean;
  minTrainingSessions: string;
  delegateSeats: string;
  delegatesMinWomenPercent: string;
  directiveSeats: string;
  directiveMinWomen: string;
  oversightSeats: string;
  oversightMinWomenPercent: string;
  ballotKind: string;
  maxChoices: string;
  outcomeRule: string;
  /** Least votes a project needs, with the greedy-threshold rule only. */
  threshold: string;
  zoneAmounts: Record<string, string>;
  reason: string;
}

/** Ilo's rules (src/processes/process-rules.ts iloDefaultRules): 50% of delegate seats and 3 directive seats to women. */
export function iloDefaults(fiscalYear: number, today = peruToday()): ProcessFormValues {
  const day = (n: number) => addDays(today, n);
  const executionEnd = `${fiscalYear}-12-31`;
  return {
    name: `Presupuesto Participativo ${fiscalYear}`,
    fiscalYear: String(fiscalYear),
    envelope: '',
    investment: '',
    calendar: {
      preparation: { startsOn: today, endsOn: day(48) },
      concertation: { startsOn: day(49), endsOn: day(108) },
      coordination: { startsOn: day(109), endsOn: day(128) },
      formalization: { startsOn: day(129), endsOn: day(148) },
      execution: { startsOn: day(149), endsOn: executionEnd > day(149) ? executionEnd : day(149 + 365) },
    },
    registrationDeadline: day(40),
    preliminaryListOn: day(41),
    challengesFrom: day(42),
    challengesUntil: day(44),
    definitiveListOn: day(46),
    proposalDeadline: '',
    workshopSharePercent: '30',
    prioritizationTies: 'declared',
    trainingRequiredToVote: true,
    minTrainingSessions: '1',
    delegateSeats: '40',
    delegatesMinWomenPercent: '50',
    directiveSeats: '7',
    directiveMinWomen: '3',
    oversightSeats: '6',
    oversightMinWomenPercent: '50',
    ballotKind: 'single',
    maxChoices: '',
    outcomeRule: 'greedy',
    threshold: '',
    zoneAmounts: {},
    reason: '',
  };
}

/** The list stages' fields, in the order they happen. */
export const LIST_STAGE_KEYS = ['preliminaryListOn', 'challengesFrom', 'challengesUntil', 'definitiveListOn'] as const;

const percent = (share: number) => String(Math.round(share * 10000) / 100);

export function valuesFromProcess(p: Process, language: 'es' | 'en'): ProcessFormValues {
  const calendar = Object.fromEntries(CALENDAR_PHASES.map((ph) => {
    const c = p.calendar.find((x) => x.phase === ph);
    return [ph, { startsOn: c?.startsOn ?? '', endsOn: c?.endsOn ?? '' }];
  })) as ProcessFormValues['calendar'];
  const r = p.rules;
  return {
    name: p.name,
    fiscalYear: String(p.fiscalYear),
    envelope: solesForInput(p.envelopeCents, language),
    investment: solesForInput(p.investmentBudgetCents, language),
    calendar,
    registrationDeadline: r.registrationDeadline,
    preliminaryListOn: r.listStages?.preliminaryListOn ?? '',
    challengesFrom: r.listStages?.challengesFrom ?? '',
    challengesUntil: r.listStages?.challengesUntil ?? '',
    definitiveListOn: r.listStages?.definitiveListOn ?? '',
    proposalDeadline: r.proposalDeadline ?? '',
    workshopSharePercent: percent(r.prioritization?.workshopShare ?? 0),
    prioritizationTies: r.prioritization?.ties ?? 'declared',
    trainingRequiredToVote: r.trainingRequiredToVote,
    minTrainingSessions: String(r.minTrainingSessions),
    delegateSeats: String(r.quotas.delegateSeats),
    delegatesMinWomenPercent: percent(r.quotas.delegatesMinWomenShare),
    directiveSeats: String(r.quotas.directiveSeats),
    directiveMinWomen: String(r.quotas.directiveMinWomen),
    oversightSeats: String(r.quotas.oversightSeats),
    oversightMinWomenPercent: percent(r.quotas.oversightMinWomenShare),
    ballotKind: r.ballotKind,
    maxChoices: r.maxChoices === null ? '' : String(r.maxChoices),
    outcomeRule: r.outcomeRule,
    threshold: r.threshold == null ? '' : String(r.threshold),
    zoneAmounts: Object.fromEntries(p.zoneEnvelopes.map((z) => [z.zoneId, solesForInput(z.amountCents, language)])),
    reason: '',
  };
}

export function int(raw: string): number | null {
  return /^\s*\d+\s*$/.test(raw) ? Number(raw) : null;
}

export function share(raw: string): number | null {
  const n = Number(raw.replace(',', '.'));
  return raw.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n / 100 : null;
}

/** The outcome rule that funds only projects with a least number of votes needs that number. */
export function thresholdNeeded(outcomeRule: string): boolean {
  return outcomeRule === THRESHOLD_RULE;
}

/** Ballots that let a voter pick several projects need their maximum. */
export function maxChoicesNeeded(ballotKind: string): boolean {
  return ballotKind === 'approval' || ballotKind === 'ranked';
}

/** The rules the form's values stand for (once checked: every number is valid). */
export function rulesOf(v: ProcessFormValues): ProcessRules {
  return {
    registrationDeadline: v.registrationDeadline,
    listStages: LIST_STAGE_KEYS.every((k) => v[k] === '') ? null : {
      preliminaryListOn: v.preliminaryListOn, challengesFrom: v.challengesFrom, challengesUntil: v.challengesUntil, definitiveListOn: v.definitiveListOn,
    },
    ...(v.proposalDeadline ? { proposalDeadline: v.proposalDeadline } : {}),
    prioritization: { workshopShare: share(v.workshopSharePercent)!, ties: v.prioritizationTies as PrioritizationSettings['ties'] },
    trainingRequiredToVote: v.trainingRequiredToVote,
    minTrainingSessions: Number(v.minTrainingSessions),
    quotas: {
      delegateSeats: Number(v.delegateSeats),
      delegatesMinWomenShare: share(v.delegatesMinWomenPercent)!,
      directiveSeats: Number(v.directiveSeats),
      directiveMinWomen: Number(v.directiveMinWomen),
      oversightSeats: Number(v.oversightSeats),
      oversightMinWomenShare: share(v.oversightMinWomenPercent)!,
    },
    ballotKind: v.ballotKind as ProcessRules['ballotKind'],
    maxChoices: maxChoicesNeeded(v.ballotKind) ? Number(v.maxChoices) : null,
    outcomeRule: v.outcomeRule as ProcessRules['outcomeRule'],
    threshold: thresholdNeeded(v.outcomeRule) ? Number(v.threshold) : null,
  };
}

/** The amount typed for each zone, in céntimos (null where none, or where it is not an amount). */
export function zoneCentsOf(v: ProcessFormValues, zones: readonly { id: string }[]): (number | null)[] {
  return zones.map((z) => (v.zoneAmounts[z.id]?.trim() ? parseSoles(v.zoneAmounts[z.id]!) : null));
}
