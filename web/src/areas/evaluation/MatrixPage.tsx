import { useState } from 'react';
import { useT } from '../../i18n';
import { evaluationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormErrors } from '../../lib/useFormErrors';
import { useStaffProcess } from '../../lib/process-context';
import type { CriterionBody, EvaluationMatrix } from '../../lib/api-types';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { TextField } from '../../components/TextField';
import { TextAreaField } from '../../components/fields';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { FormActions } from '../../components/FormActions';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { MatrixTable } from './MatrixTable';

/** A criterion as the form holds it: numbers as typed, and the meaning typed for each level value. */
interface Row { name: string; description: string; weight: string; scaleMin: string; scaleMax: string; meanings: Record<number, string> }

const toRow = (c: Omit<CriterionBody, 'description'> & { description?: string }): Row => ({
  name: c.name, description: c.description ?? '', weight: String(c.weight), scaleMin: String(c.scaleMin), scaleMax: String(c.scaleMax),
  meanings: Object.fromEntries(c.levels.map((l) => [l.value, l.meaning])),
});

const int = (s: string): number | null => (/^-?\d{1,3}$/.test(s.trim()) ? Number(s.trim()) : null);

/** The level values a row's scale has (none while the scale is not a valid one). */
function levelValues(r: Row): number[] {
  const min = int(r.scaleMin);
  const max = int(r.scaleMax);
  if (min === null || max === null || max <= min || max - min > 10) return [];
  return Array.from({ length: max - min + 1 }, (_, k) => min + k);
}

/** The administrator's prioritization matrix: criteria, weights with their running total, scales and their meanings; read-only once frozen. */
export function MatrixPage() {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  useDocumentTitle(t('staff.pages.evaluationMatrix'));
  const matrix = useResource(`evaluation-matrix:${slug}:${process.id}`, (signal) => evaluationApi.matrix(slug, process.id, signal));
  return (
    <Page title={t('staff.pages.evaluationMatrix')} lead={t('evaluation.matrix.intro')}>
      <Loaded resource={matrix} errorTitle={t('evaluation.loadError')}>
        {(m) => (m.editable ? <MatrixForm matrix={m} onSaved={matrix.reload} /> : <ReadOnly matrix={m} />)}
      </Loaded>
    </Page>
  );
}

function ReadOnly({ matrix }: { matrix: EvaluationMatrix }) {
  const { t } = useT();
  return (
    <>
      <p className="notice">{matrix.frozen ? t('evaluation.matrix.frozen') : t('evaluation.matrix.closed')}</p>
      {matrix.criteria.length === 0 ? <p className="empty">{t('evaluation.matrix.empty')}</p> : <MatrixTable criteria={matrix.criteria} />}
      <p className="muted">{t('evaluation.formula')}</p>
    </>
  );
}

function MatrixForm({ matrix, onSaved }: { matrix: EvaluationMatrix; onSaved(): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const form = useFormErrors();
  const [rows, setRows] = useState<Row[]>(() => matrix.criteria.map(toRow));
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const total = rows.reduce((s, r) => s + (int(r.weight) ?? 0), 0);
  const set = (i: number, patch: Partial<Row>) => setRows((all) => all.map((r, k) => (k === i ? { ...r, ...patch } : r)));

  function problems(): Record<string, string | null> {
    const found: Record<string, string | null> = {};
    rows.forEach((r, i) => {
      if (r.name.trim().length < 3) found[`c-${i}-name`] = t('evaluation.matrix.errors.name');
      const values = levelValues(r);
      if (values.length === 0) found[`c-${i}-max`] = t('evaluation.matrix.errors.scale');
      const blank = values.find((v) => (r.meanings[v] ?? '').trim().length < 2);
      if (blank !== undefined) found[`c-${i}-level-${blank}`] = t('evaluation.matrix.errors.levels');
    });
    if (rows.length > 0 && total !== 100) found[`c-0-weight`] = t('evaluation.matrix.errors.total', { total });
    found['m-reason'] = reasonProblem(reason, t);
    return found;
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={(e) => {
      e.preventDefault();
      setNote(null);
      void form.submit(problems(), async () => {
        const criteria: CriterionBody[] = rows.map((r) => ({
          name: r.name.trim(), description: r.description.trim(), weight: int(r.weight) ?? 0, scaleMin: int(r.scaleMin) ?? 0, scaleMax: int(r.scaleMax) ?? 0,
          levels: levelValues(r).map((value) => ({ value, meaning: (r.meanings[value] ?? '').trim() })),
        }));
        await evaluationApi.setMatrix(slug, process.id, { criteria, reason });
        setReason('');
        setNote(t('evaluation.matrix.saved'));
        onSaved();
      });
    }}>
      <FormAlert id="matrix-error" ref={form.alertRef} message={form.formError} />
      <SuccessNotice message={note} />
      <p className="actions">
        <button type="button" className="button button-secondary" onClick={() => { setRows(matrix.template.map(toRow)); setNote(t('evaluation.matrix.templateNote')); form.clear(); }}>
          {t('evaluation.matrix.useTemplate')}
        </button>
      </p>
      <div data-field="criteria" id="matrix-criteria" tabIndex={-1}>
        {rows.map((r, i) => (
          <fieldset key={i} className="card fieldset">
            <legend>{t('evaluation.matrix.criterion', { n: i + 1 })}</legend>
            <TextField id={`c-${i}-name`} data-field={`criteria.${i}.name`} label={t('evaluation.matrix.name')} value={r.name} error={form.errors[`c-${i}-name`]}
              onChange={(e) => set(i, { name: e.target.value })} required />
            <TextAreaField id={`c-${i}-description`} data-field={`criteria.${i}.description`} label={t('evaluation.matrix.description')} rows={2} value={r.description}
              error={form.errors[`c-${i}-description`]} onChange={(e) => set(i, { description: e.target.value })} />
            <TextField id={`c-${i}-weight`} data-field={`criteria.${i}.weight ${i === 0 ? 'criteria' : ''}`.trim()} label={t('evaluation.matrix.weight')} inputMode="numeric"
              value={r.weight} error={form.errors[`c-${i}-weight`]} onChange={(e) => set(i, { weight: e.target.value })} describedBy="matrix-total" required />
            <TextField id={`c-${i}-min`} data-field={`criteria.${i}.scaleMin`} label={t('evaluation.matrix.scaleMin')} inputMode="numeric" value={r.scaleMin}
              error={form.errors[`c-${i}-min`]} onChange={(e) => set(i, { scaleMin: e.target.value })} required />
            <TextField id={`c-${i}-max`} data-field={`criteria.${i}.scaleMax`} label={t('evaluation.matrix.scaleMax')} inputMode="numeric" value={r.scaleMax}
              error={form.errors[`c-${i}-max`]} onChange={(e) => set(i, { scaleMax: e.target.value })} required />
            <fieldset className="fieldset">
              <legend className="field-label">{t('evaluation.matrix.levels')}</legend>
              {levelValues(r).map((v, k) => (
                <TextField key={v} id={`c-${i}-level-${v}`} data-field={k === 0 ? `criteria.${i}.levels` : undefined} label={t('evaluation.matrix.level', { value: v })}
                  value={r.meanings[v] ?? ''} error={form.errors[`c-${i}-level-${v}`]} onChange={(e) => set(i, { meanings: { ...r.meanings, [v]: e.target.value } })} />
              ))}
            </fieldset>
            <p className="actions">
              <button type="button" className="button button-secondary" onClick={() => setRows((all) => all.filter((_, k) => k !== i))}>
                {t('evaluation.matrix.removeCriterion', { n: i + 1 })}
              </button>
            </p>
          </fieldset>
        ))}
      </div>
      <p className="actions">
        <button type="button" className="button button-secondary" onClick={() => setRows((all) => [...all, { name: '', description: '', weight: '', scaleMin: '0', scaleMax: '4', meanings: {} }])}>
          {t('evaluation.matrix.addCriterion')}
        </button>
      </p>
      <p id="matrix-total" className={total === 100 ? 'notice notice-success' : 'notice'} aria-live="polite">
        {total === 100 ? t('evaluation.matrix.totalOk') : t('evaluation.matrix.total', { total })}
      </p>
      <ReasonField id="m-reason" value={reason} onChange={setReason} error={form.errors['m-reason']} hint={t('evaluation.matrix.reasonHint')} />
      <FormActions busy={form.busy} submitLabel={t('evaluation.matrix.save')} />
      <p className="muted">{t('evaluation.formula')}</p>
    </form>
  );
}
