import type { Language, TFunction } from '../../../i18n';
import { formatSoles, parseSoles } from '../../../lib/format';
import { CALENDAR_PHASES } from '../../../lib/api-types';
import { reasonProblem } from '../../../components/ReasonField';
import { LIST_STAGE_KEYS, int, maxChoicesNeeded, share, thresholdNeeded, zoneCentsOf, type ProcessFormValues } from './values';

/**
 * The settings' problems by input id, in plain words, before anything is sent (the server checks again): names,
 * years, amounts (the envelope within the investment budget, the zones within the envelope), dates (each phase
 * ends after it starts; the registration deadline falls in Preparation), quotas and the ballot's numbers.
 */
export function settingsProblems(
  v: ProcessFormValues,
  zones: readonly { id: string }[],
  mode: 'create' | 'edit',
  t: TFunction,
  language: Language,
): Record<string, string | null> {
  const envelopeCents = parseSoles(v.envelope);
  const investmentCents = parseSoles(v.investment);
  const zoneCents = zoneCentsOf(v, zones);
  const zoneTotal = zoneCents.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  const err = (cond: boolean, message: string) => (cond ? message : null);
  const range = (raw: string, min: number, max: number) =>
    err(int(raw) === null || Number(raw) < min || Number(raw) > max, t('processForm.errors.range', { min, max }));
  const prep = v.calendar.preparation;
  const conc = v.calendar.concertation;
  const found: Record<string, string | null> = {
    'ps-name': err(v.name.trim().length < 3, t('processForm.errors.name')),
    'ps-fiscalYear': err(!(int(v.fiscalYear) !== null && Number(v.fiscalYear) >= 2000 && Number(v.fiscalYear) <= 2100), t('processForm.errors.year')),
    'ps-envelope':
      err(!envelopeCents, t('processForm.errors.amount')) ??
      err(envelopeCents !== null && investmentCents !== null && envelopeCents > investmentCents, t('processForm.errors.envelopeOver')),
    'ps-investment': err(!investmentCents, t('processForm.errors.amount')),
    'ps-registrationDeadline':
      err(!v.registrationDeadline, t('processForm.errors.date')) ??
      err(
        Boolean(prep.startsOn && prep.endsOn) && (v.registrationDeadline < prep.startsOn || v.registrationDeadline > prep.endsOn),
        t('processForm.errors.deadline'),
      ),
    ...Object.fromEntries(LIST_STAGE_KEYS.map((k) => [
      `ps-${k}`,
      err(LIST_STAGE_KEYS.some((x) => v[x] !== '') && !v[k], t('processForm.errors.date')),
    ])),
    'ps-proposalDeadline': err(
      Boolean(v.proposalDeadline && conc.startsOn && conc.endsOn) && (v.proposalDeadline < conc.startsOn || v.proposalDeadline > conc.endsOn),
      t('processForm.errors.proposalDeadline'),
    ),
    'ps-workshopShare': err(share(v.workshopSharePercent) === null, t('processForm.errors.percent')),
    'ps-minTrainingSessions': range(v.minTrainingSessions, 1, 20),
    'ps-delegateSeats': range(v.delegateSeats, 1, 1000),
    'ps-delegatesMinWomenPercent': err(share(v.delegatesMinWomenPercent) === null, t('processForm.errors.percent')),
    'ps-directiveSeats': range(v.directiveSeats, 1, 50),
    'ps-directiveMinWomen': range(v.directiveMinWomen, 0, 50),
    'ps-oversightSeats': range(v.oversightSeats, 4, 50),
    'ps-oversightMinWomenPercent': err(share(v.oversightMinWomenPercent) === null, t('processForm.errors.percent')),
    'ps-maxChoices': maxChoicesNeeded(v.ballotKind) ? range(v.maxChoices, 1, 100) : null,
    'ps-threshold': thresholdNeeded(v.outcomeRule) ? range(v.threshold, 1, 1_000_000) : null,
    'ps-reason': mode === 'edit' ? reasonProblem(v.reason, t) : null,
  };
  for (const phase of CALENDAR_PHASES) {
    const { startsOn, endsOn } = v.calendar[phase];
    if (!startsOn) found[`ps-cal-${phase}-startsOn`] = t('processForm.errors.date');
    if (!endsOn) found[`ps-cal-${phase}-endsOn`] = t('processForm.errors.date');
    if (startsOn && endsOn && endsOn < startsOn) found[`ps-cal-${phase}-endsOn`] = t('processForm.errors.endBeforeStart');
  }
  zones.forEach((z, i) => {
    if (v.zoneAmounts[z.id]?.trim() && zoneCents[i] === null) found[`ps-zone-${z.id}`] = t('processForm.errors.amount');
  });
  if (!Object.values(found).some(Boolean) && envelopeCents !== null && zoneTotal > envelopeCents) {
    found[`ps-zone-${zones[0]?.id}`] = t('processForm.errors.zoneOver', { total: formatSoles(zoneTotal, language), envelope: formatSoles(envelopeCents, language) });
  }
  return found;
}
