import { useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { addDays, formatSoles, parseSoles, peruToday, solesForInput } from '../../lib/format';
import {
  BALLOT_KINDS, CALENDAR_PHASES, OUTCOME_RULES, type CalendarPhase, type Process, type ProcessRules, type ProcessSettingsInput, type Zone,
} from '../../lib/prep-types';
import { TextField } from '../../components/TextField';
import { CheckboxField, SelectField, TextAreaField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';

export interface ProcessFormValues {
  name: string;
  fiscalYear: string;
  envelope: string;
  investment: string;
  calendar: Record<CalendarPhase, { startsOn: string; endsOn: string }>;
  registrationDeadline: string;
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
    trainingRequiredToVote: true,
    minTrainingSessions: '1',
    delegateSeats: '40',
    delegatesMinWomenPercent: '50',
    directiveSeats: '7',
    directiveMinWomen: '3',
    oversightSeats: '6',
    oversightMinWomenPercent: '50',
    ballotKind: 'single_choice',
    maxChoices: '',
    outcomeRule: 'greedy',
    zoneAmounts: {},
    reason: '',
  };
}

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
    zoneAmounts: Object.fromEntries(p.zoneEnvelopes.map((z) => [z.zoneId, solesForInput(z.amountCents, language)])),
    reason: '',
  };
}

function int(raw: string): number | null {
  return /^\s*\d+\s*$/.test(raw) ? Number(raw) : null;
}

function share(raw: string): number | null {
  const n = Number(raw.replace(',', '.'));
  return raw.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n / 100 : null;
}

/**
 * The settings of a yearly process: name and year, envelope and investment budget, calendar, rules (quotas,
 * training, ballot and outcome rule) and the split by zone. Used to open a process and to change it (with a reason)
 * while it is in Preparation.
 */
export function ProcessSettingsForm({
  mode,
  initial,
  zones,
  submitLabel,
  onSubmit,
}: {
  mode: 'create' | 'edit';
  initial: ProcessFormValues;
  zones: Zone[];
  submitLabel: string;
  onSubmit(input: ProcessSettingsInput & { fiscalYear: number; reason: string }): Promise<void>;
}) {
  const { t, language } = useT();
  const [v, setV] = useState(initial);
  const [submitting, setSubmitting] = useState(false);
  const form = useFormErrors();
  const set = <K extends keyof ProcessFormValues>(k: K, value: ProcessFormValues[K]) => setV((old) => ({ ...old, [k]: value }));
  const text = (k: keyof ProcessFormValues) => (e: { target: { value: string } }) => set(k, e.target.value as never);
  const setDate = (phase: CalendarPhase, end: 'startsOn' | 'endsOn', value: string) =>
    setV((old) => ({ ...old, calendar: { ...old.calendar, [phase]: { ...old.calendar[phase], [end]: value } } }));

  const envelopeCents = parseSoles(v.envelope);
  const zoneCents = zones.map((z) => (v.zoneAmounts[z.id]?.trim() ? parseSoles(v.zoneAmounts[z.id]!) : null));
  const zoneTotal = zoneCents.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  const needsMax = v.ballotKind === 'approval' || v.ballotKind === 'ranked';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const investmentCents = parseSoles(v.investment);
    const err = (cond: boolean, message: string) => (cond ? message : null);
    const found: Record<string, string | null> = {
      'ps-name': err(v.name.trim().length < 3, t('processForm.errors.name')),
      'ps-fiscalYear': err(!(int(v.fiscalYear) !== null && Number(v.fiscalYear) >= 2000 && Number(v.fiscalYear) <= 2100), t('processForm.errors.year')),
      'ps-envelope': err(!envelopeCents, t('processForm.errors.amount')) ??
        err(envelopeCents !== null && investmentCents !== null && envelopeCents > investmentCents, t('processForm.errors.envelopeOver')),
      'ps-investment': err(!investmentCents, t('processForm.errors.amount')),
      'ps-registrationDeadline': err(!v.registrationDeadline, t('processForm.errors.date')) ??
        err(
          Boolean(v.calendar.preparation.startsOn && v.calendar.preparation.endsOn) &&
            (v.registrationDeadline < v.calendar.preparation.startsOn || v.registrationDeadline > v.calendar.preparation.endsOn),
          t('processForm.errors.deadline'),
        ),
      'ps-minTrainingSessions': err(!(int(v.minTrainingSessions) && Number(v.minTrainingSessions) <= 20), t('processForm.errors.range', { min: 1, max: 20 })),
      'ps-delegateSeats': err(!(int(v.delegateSeats) && Number(v.delegateSeats) <= 1000), t('processForm.errors.range', { min: 1, max: 1000 })),
      'ps-delegatesMinWomenPercent': err(share(v.delegatesMinWomenPercent) === null, t('processForm.errors.percent')),
      'ps-directiveSeats': err(!(int(v.directiveSeats) && Number(v.directiveSeats) <= 50), t('processForm.errors.range', { min: 1, max: 50 })),
      'ps-directiveMinWomen': err(int(v.directiveMinWomen) === null || Number(v.directiveMinWomen) > 50, t('processForm.errors.range', { min: 0, max: 50 })),
      'ps-oversightSeats': err(!(int(v.oversightSeats) !== null && Number(v.oversightSeats) >= 4 && Number(v.oversightSeats) <= 50), t('processForm.errors.range', { min: 4, max: 50 })),
      'ps-oversightMinWomenPercent': err(share(v.oversightMinWomenPercent) === null, t('processForm.errors.percent')),
      'ps-maxChoices': err(needsMax && !(int(v.maxChoices) && Number(v.maxChoices) <= 100), t('processForm.errors.range', { min: 1, max: 100 })),
      'ps-reason': err(mode === 'edit' && v.reason.trim().length < 5, t('processForm.errors.reason')),
    };
    for (const phase of CALENDAR_PHASES) {
      for (const end of ['startsOn', 'endsOn'] as const) {
        if (!v.calendar[phase][end]) found[`ps-cal-${phase}-${end}`] = t('processForm.errors.date');
      }
      if (v.calendar[phase].startsOn && v.calendar[phase].endsOn && v.calendar[phase].endsOn < v.calendar[phase].startsOn) {
        found[`ps-cal-${phase}-endsOn`] = t('processForm.errors.endBeforeStart');
      }
    }
    zones.forEach((z, i) => {
      if (v.zoneAmounts[z.id]?.trim() && zoneCents[i] === null) found[`ps-zone-${z.id}`] = t('processForm.errors.amount');
    });
    if (!Object.values(found).some(Boolean) && envelopeCents !== null && zoneTotal > envelopeCents) {
      found[`ps-zone-${zones[0]?.id}`] = t('processForm.errors.zoneOver', { total: formatSoles(zoneTotal, language), envelope: formatSoles(envelopeCents, language) });
    }
    if (form.showClientErrors(found)) return;

    const rules: ProcessRules = {
      registrationDeadline: v.registrationDeadline,
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
      maxChoices: needsMax ? Number(v.maxChoices) : null,
      outcomeRule: v.outcomeRule as ProcessRules['outcomeRule'],
    };
    setSubmitting(true);
    try {
      await onSubmit({
        name: v.name.trim(),
        fiscalYear: Number(v.fiscalYear),
        envelopeCents: envelopeCents!,
        investmentBudgetCents: investmentCents!,
        calendar: CALENDAR_PHASES.map((phase) => ({ phase, ...v.calendar[phase] })),
        rules,
        zoneEnvelopes: zones.flatMap((z, i) => (zoneCents[i] !== null ? [{ zoneId: z.id, amountCents: zoneCents[i]! }] : [])),
        reason: v.reason.trim(),
      });
    } catch (cause) {
      form.showServerError(cause);
    } finally {
      setSubmitting(false);
    }
  };

  const e = form.errors;
  const zoneIndex = (id: string) => zones.filter((z, i) => zoneCents[i] !== null).findIndex((z) => z.id === id);

  return (
    <form ref={form.formRef} className="form form-wide" noValidate onSubmit={submit}>
      <FormAlert id="ps-form-error" ref={form.alertRef} message={form.formError} />
      <Group title={t('processForm.general')}>
        <TextField id="ps-name" data-field="name" label={t('processForm.name')} error={e['ps-name']} value={v.name} onChange={text('name')} required />
        <TextField
          id="ps-fiscalYear"
          data-field="fiscalYear"
          label={t('processForm.fiscalYear')}
          hint={mode === 'edit' ? t('processForm.yearFixed') : undefined}
          error={e['ps-fiscalYear']}
          value={v.fiscalYear}
          onChange={text('fiscalYear')}
          inputMode="numeric"
          readOnly={mode === 'edit'}
          required
        />
      </Group>

      <Group title={t('processForm.budget')}>
        <TextField
          id="ps-envelope"
          data-field="envelopeCents"
          label={t('processForm.envelope')}
          hint={t('processForm.amountHint')}
          error={e['ps-envelope']}
          value={v.envelope}
          onChange={text('envelope')}
          inputMode="decimal"
          required
        />
        <TextField
          id="ps-investment"
          data-field="investmentBudgetCents"
          label={t('processForm.investment')}
          hint={t('processForm.investmentHint')}
          error={e['ps-investment']}
          value={v.investment}
          onChange={text('investment')}
          inputMode="decimal"
          required
        />
      </Group>

      <Group title={t('processForm.calendar')} hint={t('processForm.calendarHint')}>
        {CALENDAR_PHASES.map((phase, i) => (
          <fieldset key={phase} className="date-pair">
            <legend>{t(`phase.${phase}`)}</legend>
            <TextField
              id={`ps-cal-${phase}-startsOn`}
              data-field={`calendar.${i}.startsOn calendar.${i} calendar.${phase}${i === 0 ? ' calendar' : ''}`}
              label={t('processForm.startsOn')}
              type="date"
              error={e[`ps-cal-${phase}-startsOn`]}
              value={v.calendar[phase].startsOn}
              onChange={(ev) => setDate(phase, 'startsOn', ev.target.value)}
            />
            <TextField
              id={`ps-cal-${phase}-endsOn`}
              data-field={`calendar.${i}.endsOn`}
              label={t('processForm.endsOn')}
              type="date"
              error={e[`ps-cal-${phase}-endsOn`]}
              value={v.calendar[phase].endsOn}
              onChange={(ev) => setDate(phase, 'endsOn', ev.target.value)}
            />
          </fieldset>
        ))}
      </Group>

      <Group title={t('processForm.rules')} hint={mode === 'create' ? t('processForm.iloDefaults') : undefined}>
        <TextField
          id="ps-registrationDeadline"
          data-field="rules.registrationDeadline rules"
          label={t('processForm.deadline')}
          hint={t('processForm.deadlineHint')}
          type="date"
          error={e['ps-registrationDeadline']}
          value={v.registrationDeadline}
          onChange={text('registrationDeadline')}
        />
        <CheckboxField
          id="ps-trainingRequired"
          dataField="rules.trainingRequiredToVote"
          label={t('processForm.trainingRequired')}
          checked={v.trainingRequiredToVote}
          onChange={(c) => set('trainingRequiredToVote', c)}
          error={e['ps-trainingRequired']}
        />
        <TextField
          id="ps-minTrainingSessions"
          data-field="rules.minTrainingSessions"
          label={t('processForm.minTrainingSessions')}
          error={e['ps-minTrainingSessions']}
          value={v.minTrainingSessions}
          onChange={text('minTrainingSessions')}
          inputMode="numeric"
        />
        <fieldset className="fieldset-plain">
          <legend className="field-label">{t('processForm.quotas')}</legend>
          <div className="field-row">
            <TextField id="ps-delegateSeats" data-field="rules.quotas.delegateSeats rules.quotas" label={t('processForm.delegateSeats')} error={e['ps-delegateSeats']} value={v.delegateSeats} onChange={text('delegateSeats')} inputMode="numeric" />
            <TextField id="ps-delegatesMinWomenPercent" data-field="rules.quotas.delegatesMinWomenShare" label={t('processForm.delegatesWomen')} error={e['ps-delegatesMinWomenPercent']} value={v.delegatesMinWomenPercent} onChange={text('delegatesMinWomenPercent')} inputMode="decimal" />
          </div>
          <div className="field-row">
            <TextField id="ps-directiveSeats" data-field="rules.quotas.directiveSeats" label={t('processForm.directiveSeats')} error={e['ps-directiveSeats']} value={v.directiveSeats} onChange={text('directiveSeats')} inputMode="numeric" />
            <TextField id="ps-directiveMinWomen" data-field="rules.quotas.directiveMinWomen" label={t('processForm.directiveWomen')} error={e['ps-directiveMinWomen']} value={v.directiveMinWomen} onChange={text('directiveMinWomen')} inputMode="numeric" />
          </div>
          <div className="field-row">
            <TextField id="ps-oversightSeats" data-field="rules.quotas.oversightSeats" label={t('processForm.oversightSeats')} error={e['ps-oversightSeats']} value={v.oversightSeats} onChange={text('oversightSeats')} inputMode="numeric" />
            <TextField id="ps-oversightMinWomenPercent" data-field="rules.quotas.oversightMinWomenShare" label={t('processForm.oversightWomen')} error={e['ps-oversightMinWomenPercent']} value={v.oversightMinWomenPercent} onChange={text('oversightMinWomenPercent')} inputMode="decimal" />
          </div>
        </fieldset>
        <SelectField
          id="ps-ballotKind"
          data-field="rules.ballotKind"
          label={t('processForm.ballotKind')}
          error={e['ps-ballotKind']}
          value={v.ballotKind}
          onChange={text('ballotKind')}
          options={BALLOT_KINDS.map((k) => ({ value: k, label: t(`ballotKind.${k}`) }))}
        />
        {needsMax && (
          <TextField id="ps-maxChoices" data-field="rules.maxChoices" label={t('processForm.maxChoices')} error={e['ps-maxChoices']} value={v.maxChoices} onChange={text('maxChoices')} inputMode="numeric" />
        )}
        <SelectField
          id="ps-outcomeRule"
          data-field="rules.outcomeRule"
          label={t('processForm.outcomeRule')}
          hint={t(`process.rules.outcome.${v.outcomeRule as ProcessRules['outcomeRule']}`)}
          error={e['ps-outcomeRule']}
          value={v.outcomeRule}
          onChange={text('outcomeRule')}
          options={OUTCOME_RULES.map((k) => ({ value: k, label: t(`outcomeRule.${k}`) }))}
        />
      </Group>

      <Group title={t('processForm.zoneSplit')} hint={t('processForm.zoneSplitHint')}>
        {zones.length === 0 && <p>{t('processForm.noZones')}</p>}
        {zones.map((z, i) => (
          <TextField
            key={z.id}
            id={`ps-zone-${z.id}`}
            data-field={`${zoneIndex(z.id) >= 0 ? `zoneEnvelopes.${zoneIndex(z.id)}.amountCents zoneEnvelopes.${zoneIndex(z.id)}` : ''}${i === 0 ? ' zoneEnvelopes' : ''}`}
            label={t('processForm.zoneAmount', { zone: z.name })}
            error={e[`ps-zone-${z.id}`]}
            value={v.zoneAmounts[z.id] ?? ''}
            onChange={(ev) => setV((old) => ({ ...old, zoneAmounts: { ...old.zoneAmounts, [z.id]: ev.target.value } }))}
            inputMode="decimal"
          />
        ))}
        <p className="muted" aria-live="polite">
          {envelopeCents
            ? t('processForm.zoneTotal', {
                total: formatSoles(zoneTotal, language),
                envelope: formatSoles(envelopeCents, language),
                rest: formatSoles(Math.max(0, envelopeCents - zoneTotal), language),
              })
            : t('processForm.zoneTotalNoEnvelope', { total: formatSoles(zoneTotal, language) })}
        </p>
      </Group>

      <TextAreaField
        id="ps-reason"
        data-field="reason"
        label={mode === 'edit' ? t('processForm.reasonRequired') : t('processForm.reasonOptional')}
        hint={t('processForm.reasonHint')}
        error={e['ps-reason']}
        value={v.reason}
        onChange={text('reason')}
        rows={3}
      />
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? t('common.saving') : submitLabel}
      </button>
    </form>
  );
}

function Group({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="group">
      <legend>{title}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {children}
    </fieldset>
  );
}
