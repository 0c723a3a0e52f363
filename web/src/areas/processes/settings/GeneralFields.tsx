import { useT } from '../../../i18n';
import { CALENDAR_PHASES, type CalendarPhase } from '../../../lib/api-types';
import { TextField } from '../../../components/TextField';
import { Group, bind, type SectionProps } from './Group';

/** Name and fiscal year (fixed once the process exists), envelope and investment budget, and the calendar. */
export function GeneralFields(props: SectionProps & { mode: 'create' | 'edit' }) {
  const { v, update, errors: e, mode } = props;
  const { t } = useT();
  const setDate = (phase: CalendarPhase, end: 'startsOn' | 'endsOn', value: string) =>
    update({ calendar: { ...v.calendar, [phase]: { ...v.calendar[phase], [end]: value } } });
  return (
    <>
      <Group title={t('processForm.general')}>
        <TextField id="ps-name" data-field="name" label={t('processForm.name')} error={e['ps-name']} {...bind(props, 'name')} required />
        <TextField
          id="ps-fiscalYear"
          data-field="fiscalYear"
          label={t('processForm.fiscalYear')}
          hint={mode === 'edit' ? t('processForm.yearFixed') : undefined}
          error={e['ps-fiscalYear']}
          {...bind(props, 'fiscalYear')}
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
          {...bind(props, 'envelope')}
          inputMode="decimal"
          required
        />
        <TextField
          id="ps-investment"
          data-field="investmentBudgetCents"
          label={t('processForm.investment')}
          hint={t('processForm.investmentHint')}
          error={e['ps-investment']}
          {...bind(props, 'investment')}
          inputMode="decimal"
          required
        />
      </Group>

      <Group title={t('processForm.calendar')} hint={t('processForm.calendarHint')}>
        {CALENDAR_PHASES.map((phase, i) => (
          <fieldset key={phase} className="date-pair">
            <legend>{t(`phase.${phase}`)}</legend>
            {(['startsOn', 'endsOn'] as const).map((end) => (
              <TextField
                key={end}
                id={`ps-cal-${phase}-${end}`}
                data-field={end === 'startsOn' ? `calendar.${i}.startsOn calendar.${i} calendar.${phase}${i === 0 ? ' calendar' : ''}` : `calendar.${i}.endsOn`}
                label={t(`processForm.${end}`)}
                type="date"
                error={e[`ps-cal-${phase}-${end}`]}
                value={v.calendar[phase][end]}
                onChange={(ev) => setDate(phase, end, ev.target.value)}
              />
            ))}
          </fieldset>
        ))}
      </Group>
    </>
  );
}
