import { useState } from 'react';
import { useT } from '../../i18n';
import { evaluationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useFormErrors } from '../../lib/useFormErrors';
import { useSession } from '../../lib/session';
import { formatDateTime, formatNumber, formatSoles } from '../../lib/format';
import type { ProposalEvaluation as Answer } from '../../lib/api-types';
import { TextAreaField } from '../../components/fields';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { FormActions } from '../../components/FormActions';
import { TableWrap } from '../../components/TableWrap';
import { EvaluatorResultView } from './EvaluatorResult';

/**
 * A proposal's technical evaluation on its public page: once published, the result (the most cautious viability, the
 * mean weighted score, the highest adjusted cost), each evaluator's scores and reasons, and the authors' one answer.
 */
export function ProposalEvaluation({ slug, processId, proposalId }: { slug: string; processId: string; proposalId: string }) {
  const { t, language } = useT();
  const session = useSession();
  const [note, setNote] = useState<string | null>(null);
  const data = useResource(`proposal-evaluation:${slug}:${proposalId}:${session.user?.id ?? ''}`, (signal) => evaluationApi.published(slug, processId, proposalId, signal));
  if (data.status !== 'ok') return null;
  const e = data.data;
  if (!e.evaluation && e.progress.assigned === 0) return null;
  return (
    <section aria-labelledby="evaluation-title">
      <h2 id="evaluation-title">{t('evaluation.public.title')}</h2>
      {e.evaluation ? <Published answer={e} /> : <p>{t('evaluation.public.pending', { ...e.progress })}</p>}
      {e.observation && (
        <div className="card">
          <h3>{t('evaluation.public.observation')}</h3>
          <p className="prewrap">{e.observation.text}</p>
          <p className="muted">{t('evaluation.public.observationBy', { name: e.observation.authorName, date: formatDateTime(e.observation.submittedAt, language) })}</p>
        </div>
      )}
      <SuccessNotice message={note} />
      {e.mayObserve && <ObservationForm slug={slug} processId={processId} proposalId={proposalId} onSent={() => { setNote(t('evaluation.public.observeSent')); data.reload(); }} />}
    </section>
  );
}

function Published({ answer }: { answer: Answer }) {
  const { t, language } = useT();
  const e = answer.evaluation!;
  return (
    <>
      <dl className="details">
        <dt>{t('evaluation.public.viability')}</dt>
        <dd><strong>{t(`evaluation.viability.${e.viability}`)}</strong></dd>
        <dt>{t('evaluation.public.score')}</dt>
        <dd>{t('evaluation.public.outOf', { score: formatNumber(e.weightedScore, language, 2) })}</dd>
        <dt>{t('evaluation.public.adjustedCost')}</dt>
        <dd>{formatSoles(e.adjustedCostCents, language)}</dd>
      </dl>
      <TableWrap label={t('evaluation.public.scoresLabel')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('evaluation.public.criterion')}</th>
              {e.evaluators.map((v) => <th key={v.evaluatorId} scope="col" className="num">{v.evaluatorName}</th>)}
            </tr>
          </thead>
          <tbody>
            {answer.matrix.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name} ({c.weight})</th>
                {e.evaluators.map((v) => <td key={v.evaluatorId} className="num">{v.scores.find((s) => s.criterionId === c.id)?.score ?? '—'}</td>)}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('evaluation.public.weighted')}</th>
              {e.evaluators.map((v) => <td key={v.evaluatorId} className="num">{formatNumber(v.weightedScore, language, 2)}</td>)}
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <p className="muted">{t('evaluation.formula')}</p>
      {e.evaluators.map((v) => (
        <EvaluatorResultView key={v.evaluatorId} name={v.evaluatorName} matrix={answer.matrix} viability={v.viability} reasons={v.reasons}
          adjustedCostCents={v.adjustedCostCents} scores={v.scores} headingLevel={3} />
      ))}
    </>
  );
}

function ObservationForm({ slug, processId, proposalId, onSent }: { slug: string; processId: string; proposalId: string; onSent(): void }) {
  const { t } = useT();
  const form = useFormErrors();
  const [text, setText] = useState('');
  return (
    <form ref={form.formRef} noValidate className="card" aria-labelledby="observe-title" onSubmit={(ev) => {
      ev.preventDefault();
      void form.submit({ 'o-text': text.trim().length < 10 ? t('evaluation.public.observeError') : null }, async () => {
        await evaluationApi.observe(slug, processId, proposalId, text);
        onSent();
      });
    }}>
      <h3 id="observe-title">{t('evaluation.public.observeTitle')}</h3>
      <FormAlert id="observe-error" ref={form.alertRef} message={form.formError} />
      <TextAreaField id="o-text" data-field="text" label={t('evaluation.public.observeLabel')} hint={t('evaluation.public.observeHint')} value={text}
        onChange={(e) => setText(e.target.value)} error={form.errors['o-text']} rows={4} />
      <FormActions busy={form.busy} submitLabel={t('evaluation.public.observeSubmit')} />
    </form>
  );
}
