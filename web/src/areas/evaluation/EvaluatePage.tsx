import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { evaluationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormErrors } from '../../lib/useFormErrors';
import { useStaffProcess } from '../../lib/process-context';
import { formatDateTime, formatNumber, formatSoles, parseSoles, solesForInput } from '../../lib/format';
import type { MyEvaluation, Viability } from '../../lib/api-types';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { TextField } from '../../components/TextField';
import { RadioGroup, TextAreaField } from '../../components/fields';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { EvaluatorResultView } from './EvaluatorResult';

const VIABILITIES: Viability[] = ['viable', 'viable_with_changes', 'not_viable'];

/** The evaluation form of one assigned proposal: viability, reasons, adjusted cost and a score per criterion; a draft, then finished. */
export function EvaluatePage() {
  const { slug, process } = useStaffProcess();
  const { proposalId = '' } = useParams();
  const { t } = useT();
  const data = useResource(`my-evaluation:${slug}:${process.id}:${proposalId}`, (signal) => evaluationApi.myEvaluation(slug, process.id, proposalId, signal));
  const title = data.status === 'ok' ? t('evaluation.form.title', { number: data.data.proposal.number }) : t('staff.pages.myEvaluations');
  useDocumentTitle(title);
  const back = <Link to={`/m/${slug}/staff/p/${process.id}/evaluation/mine`}>{t('evaluation.form.back')}</Link>;
  return (
    <Page eyebrow={back} title={title}>
      <Loaded resource={data} errorTitle={t('evaluation.loadError')}>
        {(e) => <Evaluation key={e.status} data={e} onSaved={data.reload} />}
      </Loaded>
    </Page>
  );
}

function Evaluation({ data, onSaved }: { data: MyEvaluation; onSaved(): void }) {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  const form = useFormErrors();
  const e = data.evaluation;
  const [viability, setViability] = useState<string>(e?.viability ?? '');
  const [reasons, setReasons] = useState(e?.reasons ?? '');
  const [cost, setCost] = useState(e?.adjustedCostCents ? solesForInput(e.adjustedCostCents, language) : '');
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries((e?.scores ?? []).map((s) => [s.criterionId, String(s.score)])));
  const [note, setNote] = useState<string | null>(null);
  const p = data.proposal;
  const finished = data.status === 'finished';

  const save = (finish: boolean) => {
    setNote(null);
    const costCents = cost.trim() ? parseSoles(cost) : null;
    const found: Record<string, string | null> = { 'e-cost': cost.trim() && (costCents === null || costCents <= 0) ? t('evaluation.form.errors.cost') : null };
    if (finish) {
      found['e-viability'] = viability ? null : t('evaluation.form.errors.viability');
      found['e-reasons'] = reasons.trim() ? null : t('evaluation.form.errors.reasons');
      found['e-cost'] ??= costCents ? null : t('evaluation.form.errors.cost');
      data.matrix.forEach((c) => { found[`e-score-${c.position}`] = scores[c.id] === undefined ? t('evaluation.form.errors.score') : null; });
    }
    void form.submit(found, async () => {
      const res = await evaluationApi.save(slug, process.id, p.id, {
        viability: (viability || null) as Viability | null, reasons, adjustedCostCents: costCents, finish,
        scores: data.matrix.flatMap((c) => (scores[c.id] === undefined ? [] : [{ criterionId: c.id, score: Number(scores[c.id]) }])),
      });
      setNote(finish ? t(res.published ? 'evaluation.form.publishedNow' : 'evaluation.form.finished') : t('evaluation.form.savedDraft'));
      if (finish) onSaved();
    });
  };

  return (
    <>
      <SuccessNotice message={note} />
      <section aria-labelledby="proposal-title" className="card">
        <h2 id="proposal-title">{t('evaluation.numbered', { number: p.number, title: p.title })}</h2>
        <dl className="details">
          <dt>{t('evaluation.form.cost')}</dt>
          <dd>{formatSoles(p.costCents, language)}</dd>
          <dt>{t('evaluation.form.cofinancing')}</dt>
          <dd>{formatSoles(p.cofinancingCents, language)}</dd>
        </dl>
        <p>{p.zone.name} · {p.location} · {formatNumber(p.beneficiariesCount, language)} · {p.beneficiaryGroups}</p>
        <p className="prewrap">{p.description}</p>
        <p className="prewrap">{p.problem}</p>
        <p>
          <Link to={`/m/${slug}/p/${process.id}/proposals/${p.id}`}>{t('evaluation.form.publicPage')}</Link>
        </p>
      </section>
      {finished && e ? (
        <>
          <p className="notice">{t('evaluation.form.finishedNote', { date: formatDateTime(e.finishedAt ?? e.updatedAt, language) })}</p>
          <EvaluatorResultView matrix={data.matrix} viability={e.viability!} reasons={e.reasons} adjustedCostCents={e.adjustedCostCents ?? 0} scores={e.scores} headingLevel={2} />
        </>
      ) : (
        <form ref={form.formRef} noValidate onSubmit={(ev) => { ev.preventDefault(); save(true); }}>
          <FormAlert id="evaluation-error" ref={form.alertRef} message={form.formError} />
          {!data.open && <p className="notice">{t('evaluation.mine.closed')}</p>}
          <RadioGroup id="e-viability" name="viability" legend={t('evaluation.form.viability')} value={viability} onChange={setViability} dataField="viability"
            options={VIABILITIES.map((v) => ({ value: v, label: t(`evaluation.viability.${v}`) }))} error={form.errors['e-viability']} />
          <TextAreaField id="e-reasons" data-field="reasons" label={t('evaluation.form.reasons')} hint={t('evaluation.form.reasonsHint')} value={reasons}
            onChange={(ev) => setReasons(ev.target.value)} error={form.errors['e-reasons']} rows={4} />
          <TextField id="e-cost" data-field="adjustedCostCents" label={t('evaluation.form.adjustedCost')} hint={t('evaluation.form.adjustedCostHint')} inputMode="decimal"
            value={cost} onChange={(ev) => setCost(ev.target.value)} error={form.errors['e-cost']} />
          <h2>{t('evaluation.form.scores')}</h2>
          {data.matrix.map((c, i) => (
            <RadioGroup key={c.id} id={`e-score-${c.position}`} name={`score-${c.id}`} legend={t('evaluation.form.criterionLegend', { name: c.name, weight: c.weight })}
              hint={c.description || undefined} value={scores[c.id] ?? ''} onChange={(v) => setScores((s) => ({ ...s, [c.id]: v }))}
              dataField={`scores.${i}${i === 0 ? ' scores' : ''}`} error={form.errors[`e-score-${c.position}`]}
              options={c.levels.map((l) => ({ value: String(l.value), label: `${l.value} · ${l.meaning}` }))} />
          ))}
          <p className="muted">{t('evaluation.form.finishHint')}</p>
          <p className="actions">
            <button type="button" className="button button-secondary" disabled={form.busy} onClick={() => save(false)}>{t('evaluation.form.saveDraft')}</button>
            <button type="submit" className="button" disabled={form.busy}>{t('evaluation.form.finish')}</button>
          </p>
        </form>
      )}
    </>
  );
}
