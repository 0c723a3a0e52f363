import { useState } from 'react';
import { useT } from '../../../i18n';
import { useFormErrors } from '../../../lib/useFormErrors';
import { FormAlert } from '../../../components/FormAlert';
import { formatDate, formatInstantDate } from '../../../lib/format';
import type { ChallengeDecision, RegistrationChallenge, RegistrationLists } from '../../../lib/api-types';
import { RadioGroup, TextAreaField } from '../../../components/fields';
import { FormActions } from '../../../components/FormActions';
import { ReasonField } from '../../../components/ReasonField';
import { registrationApi } from '../api';
import { fileUrl } from '../../../lib/paths';

/** One challenge, public: who challenged whom and why, the answer, the outcome; the answer or decision form when it is the viewer's turn. */
export function ChallengeItem({ slug, processId, challenge: c, lists, onChanged, staff }: {
  slug: string; processId: string; challenge: RegistrationChallenge; lists: RegistrationLists; onChanged(): void; staff: boolean;
}) {
  const { t, language } = useT();
  const until = lists.stages?.challengesUntil ?? '';
  const definitive = lists.published.some((p) => p.stage === 'definitive');
  const mayAnswer = c.mine === 'challenged' && c.answer === null && c.status === 'open' && lists.today <= until;
  const mayDecide = staff && c.status === 'open' && !definitive && (c.answer !== null || lists.today > until);
  const titleId = `challenge-${c.id}`;
  return (
    <li className="entry" aria-labelledby={titleId}>
      <h3 id={titleId} className="entry-title">
        {t('lists.challenges.against', { name: c.target.name })}{' '}
        <span className={`badge badge-${c.status === 'upheld' ? 'rejected' : c.status === 'dismissed' ? 'approved' : 'pending'}`}>{t(`lists.status.${c.status}`)}</span>
      </h3>
      <p className="entry-meta">
        {t('lists.challenges.by', { name: c.challengerName, date: formatInstantDate(c.filedAt, language) })}
        {c.mine && <> · <strong>{t(`lists.challenges.mine.${c.mine}`)}</strong></>}
      </p>
      <dl className="details">
        <><dt>{t('lists.challenge.grounds')}</dt><dd>{t(`lists.grounds.${c.grounds}`)}</dd></>
        <><dt>{t('lists.challenge.reason')}</dt><dd className="prewrap">{c.reason}</dd></>
        {c.hasEvidence && (
          <>
            <dt>{t('lists.challenge.evidence')}</dt>
            <dd>{c.evidenceFileId ? <a href={fileUrl(slug, c.evidenceFileId)}>{t('lists.challenges.evidenceOpen', { name: c.target.name })}</a> : t('lists.challenges.evidenceKept')}</dd>
          </>
        )}
        <>
          <dt>{t('lists.answer.title')}</dt>
          <dd className="prewrap">{c.answer ?? (c.status === 'open' && lists.today <= until ? t('lists.answer.pending', { date: formatDate(until, language) }) : t('lists.answer.none'))}</dd>
        </>
        {c.decisionReason && <><dt>{t('lists.decision.reason')}</dt><dd className="prewrap">{c.decisionReason}</dd></>}
      </dl>
      {mayAnswer && <AnswerForm slug={slug} processId={processId} challenge={c} onDone={onChanged} />}
      {mayDecide && <DecisionForm slug={slug} processId={processId} challenge={c} onDone={onChanged} />}
    </li>
  );
}

function AnswerForm({ slug, processId, challenge, onDone }: { slug: string; processId: string; challenge: RegistrationChallenge; onDone(): void }) {
  const { t } = useT();
  const { formRef, alertRef, errors, formError, busy, submit } = useFormErrors();
  const [answer, setAnswer] = useState('');
  const id = `answer-${challenge.id}`;
  return (
    <form ref={formRef} noValidate onSubmit={(e) => {
      e.preventDefault();
      void submit({ [id]: answer.trim().length >= 10 ? null : t('lists.answer.errors.short') }, async () => {
        await registrationApi.answerChallenge(slug, processId, challenge.id, answer.trim());
        onDone();
      });
    }}>
      <FormAlert id={`${id}-alert`} ref={alertRef} message={formError} />
      <TextAreaField id={id} data-field="answer" label={t('lists.answer.label')} hint={t('lists.answer.hint')} value={answer} onChange={(e) => setAnswer(e.target.value)} error={errors[id]} rows={4} />
      <FormActions busy={busy} submitLabel={t('lists.answer.submit')} busyLabel={t('common.sending')} />
    </form>
  );
}

function DecisionForm({ slug, processId, challenge, onDone }: { slug: string; processId: string; challenge: RegistrationChallenge; onDone(): void }) {
  const { t } = useT();
  const { formRef, alertRef, errors, formError, busy, submit } = useFormErrors();
  const [decision, setDecision] = useState<ChallengeDecision | ''>('');
  const [reason, setReason] = useState('');
  const id = `decide-${challenge.id}`;
  return (
    <form ref={formRef} noValidate onSubmit={(e) => {
      e.preventDefault();
      void submit({
        [id]: decision ? null : t('lists.decision.errors.choose'),
        [`${id}-reason`]: reason.trim().length >= 5 ? null : t('processForm.errors.reason'),
      }, async () => {
        await registrationApi.decideChallenge(slug, processId, challenge.id, { decision: decision as ChallengeDecision, reason: reason.trim() });
        onDone();
      });
    }}>
      <FormAlert id={`${id}-alert`} ref={alertRef} message={formError} />
      <RadioGroup
        id={id}
        name={id}
        dataField="decision"
        legend={t('lists.decision.legend')}
        value={decision}
        onChange={(v) => setDecision(v as ChallengeDecision)}
        error={errors[id]}
        inline
        options={[{ value: 'uphold', label: t('lists.decision.uphold') }, { value: 'dismiss', label: t('lists.decision.dismiss') }]}
      />
      <ReasonField id={`${id}-reason`} value={reason} onChange={setReason} error={errors[`${id}-reason`]} label={t('lists.decision.reason')} hint={t('lists.decision.reasonHint')} />
      <FormActions busy={busy} submitLabel={t('lists.decision.submit')} />
    </form>
  );
}
