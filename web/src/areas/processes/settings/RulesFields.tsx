import { useT, type MessageKey } from '../../../i18n';
import { BALLOT_KINDS, OUTCOME_RULES, PRIORITIZATION_TIES, type ProcessRules } from '../../../lib/api-types';
import { TextField } from '../../../components/TextField';
import { CheckboxField, SelectField } from '../../../components/fields';
import { Group, bind, type SectionProps } from './Group';
import { LIST_STAGE_KEYS, maxChoicesNeeded, thresholdNeeded } from './values';

type QuotaKey = 'delegateSeats' | 'delegatesMinWomenPercent' | 'directiveSeats' | 'directiveMinWomen' | 'oversightSeats' | 'oversightMinWomenPercent';

/** Each body's seats and its women quota, a row each: [value, API field(s), label, input mode]. */
const QUOTA_ROWS: [QuotaKey, string, MessageKey, 'numeric' | 'decimal'][][] = [
  [
    ['delegateSeats', 'rules.quotas.delegateSeats rules.quotas', 'processForm.delegateSeats', 'numeric'],
    ['delegatesMinWomenPercent', 'rules.quotas.delegatesMinWomenShare', 'processForm.delegatesWomen', 'decimal'],
  ],
  [
    ['directiveSeats', 'rules.quotas.directiveSeats', 'processForm.directiveSeats', 'numeric'],
    ['directiveMinWomen', 'rules.quotas.directiveMinWomen', 'processForm.directiveWomen', 'numeric'],
  ],
  [
    ['oversightSeats', 'rules.quotas.oversightSeats', 'processForm.oversightSeats', 'numeric'],
    ['oversightMinWomenPercent', 'rules.quotas.oversightMinWomenShare', 'processForm.oversightWomen', 'decimal'],
  ],
];

/** The rules in force: registration deadline, training, quotas, ballot kind (and its maximum) and outcome rule. */
export function RulesFields(props: SectionProps & { mode: 'create' | 'edit' }) {
  const { v, update, errors: e, mode } = props;
  const { t } = useT();
  return (
    <Group title={t('processForm.rules')} hint={mode === 'create' ? t('processForm.iloDefaults') : undefined}>
      <TextField
        id="ps-registrationDeadline"
        data-field="rules.registrationDeadline rules"
        label={t('processForm.deadline')}
        hint={t('processForm.deadlineHint')}
        type="date"
        error={e['ps-registrationDeadline']}
        {...bind(props, 'registrationDeadline')}
      />
      <fieldset className="fieldset-plain">
        <legend className="field-label">{t('processForm.listStages')}</legend>
        <p className="field-hint">{t('processForm.listStagesHint')}</p>
        {LIST_STAGE_KEYS.map((k) => (
          <TextField
            key={k}
            id={`ps-${k}`}
            data-field={`rules.listStages.${k}${k === 'preliminaryListOn' ? ' rules.listStages' : ''}`}
            label={t(`processForm.${k}`)}
            type="date"
            error={e[`ps-${k}`]}
            {...bind(props, k)}
          />
        ))}
      </fieldset>
      <TextField
        id="ps-proposalDeadline"
        data-field="rules.proposalDeadline"
        label={t('processForm.proposalDeadline')}
        hint={t('processForm.proposalDeadlineHint')}
        type="date"
        error={e['ps-proposalDeadline']}
        {...bind(props, 'proposalDeadline')}
      />
      <fieldset className="fieldset-plain">
        <legend className="field-label">{t('processForm.prioritization')}</legend>
        <TextField
          id="ps-workshopShare"
          data-field="rules.prioritization.workshopShare rules.prioritization"
          label={t('processForm.workshopShare')}
          hint={t('processForm.workshopShareHint')}
          error={e['ps-workshopShare']}
          {...bind(props, 'workshopSharePercent')}
          inputMode="decimal"
        />
        <SelectField
          id="ps-prioritizationTies"
          data-field="rules.prioritization.ties"
          label={t('processForm.prioritizationTies')}
          error={e['ps-prioritizationTies']}
          {...bind(props, 'prioritizationTies')}
          options={PRIORITIZATION_TIES.map((k) => ({ value: k, label: t(`processForm.ties.${k}`) }))}
        />
      </fieldset>
      <CheckboxField
        id="ps-trainingRequired"
        dataField="rules.trainingRequiredToVote"
        label={t('processForm.trainingRequired')}
        checked={v.trainingRequiredToVote}
        onChange={(c) => update({ trainingRequiredToVote: c })}
        error={e['ps-trainingRequired']}
      />
      <TextField
        id="ps-minTrainingSessions"
        data-field="rules.minTrainingSessions"
        label={t('processForm.minTrainingSessions')}
        error={e['ps-minTrainingSessions']}
        {...bind(props, 'minTrainingSessions')}
        inputMode="numeric"
      />
      <fieldset className="fieldset-plain">
        <legend className="field-label">{t('processForm.quotas')}</legend>
        {QUOTA_ROWS.map((row) => (
          <div key={row[0]![0]} className="field-row">
            {row.map(([key, field, label, mode]) => (
              <TextField key={key} id={`ps-${key}`} data-field={field} label={t(label)} error={e[`ps-${key}`]} {...bind(props, key)} inputMode={mode} />
            ))}
          </div>
        ))}
      </fieldset>
      <SelectField
        id="ps-ballotKind"
        data-field="rules.ballotKind"
        label={t('processForm.ballotKind')}
        error={e['ps-ballotKind']}
        {...bind(props, 'ballotKind')}
        options={BALLOT_KINDS.map((k) => ({ value: k, label: t(`ballotKind.${k}`) }))}
      />
      {maxChoicesNeeded(v.ballotKind) && (
        <TextField id="ps-maxChoices" data-field="rules.maxChoices" label={t('processForm.maxChoices')} error={e['ps-maxChoices']} {...bind(props, 'maxChoices')} inputMode="numeric" />
      )}
      <SelectField
        id="ps-outcomeRule"
        data-field="rules.outcomeRule"
        label={t('processForm.outcomeRule')}
        hint={t(`process.rules.outcome.${v.outcomeRule as ProcessRules['outcomeRule']}`)}
        error={e['ps-outcomeRule']}
        {...bind(props, 'outcomeRule')}
        options={OUTCOME_RULES.map((k) => ({ value: k, label: t(`outcomeRule.${k}`) }))}
      />
      {thresholdNeeded(v.outcomeRule) && (
        <TextField id="ps-threshold" data-field="rules.threshold" label={t('processForm.threshold')} error={e['ps-threshold']} {...bind(props, 'threshold')} inputMode="numeric" />
      )}
    </Group>
  );
}
