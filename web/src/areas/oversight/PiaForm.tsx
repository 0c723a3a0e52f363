import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { formatSoles, parseSoles, solesForInput } from '../../lib/format';
import type { OversightWorkspace } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { oversightApi } from './api';

/**
 * The administrator records what the opening budget (PIA) assigns each agreed project (in soles; 0: not included;
 * blank: not recorded), with the reason; only the amounts changed are sent.
 */
export function PiaForm({ slug, workspace: ws, onDone }: { slug: string; workspace: OversightWorkspace; onDone(ws: OversightWorkspace): void }) {
  const { t, language } = useT();
  const f = useFormErrors();
  const initial = () => Object.fromEntries(ws.projects.map((p) => [p.id, p.piaCents === null ? '' : solesForInput(p.piaCents, language)]));
  const [amounts, setAmounts] = useState<Record<string, string>>(initial);
  const [reason, setReason] = useState('');
  const id = (projectId: string) => `pia-${projectId}`;
  const send = () => {
    const parsed = ws.projects.map((p) => ({ p, raw: (amounts[p.id] ?? '').trim(), cents: parseSoles(amounts[p.id] ?? '') }));
    const changed = parsed.filter(({ p, raw, cents }) => (raw === '' ? p.piaCents !== null : cents !== p.piaCents));
    const errors: Record<string, string | null> = Object.fromEntries(parsed.map(({ p, raw, cents }) => [id(p.id), raw !== '' && cents === null ? t('vigilance.errors.amount') : null]));
    // Nothing to record: said next to the first amount, where the change would be typed.
    if (changed.length === 0 && ws.projects[0]) errors[id(ws.projects[0].id)] ??= t('vigilance.errors.nothingChanged');
    errors['pia-reason'] = reasonProblem(reason, t);
    void f.submit(errors, async () => {
      const next = await oversightApi.recordPia(slug, ws.process.id, { amounts: changed.map(({ p, raw, cents }) => ({ projectId: p.id, piaCents: raw === '' ? null : cents })), reason: reason.trim() });
      setReason('');
      onDone(next);
    });
  };
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="pia-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="pia-title">{t('vigilance.piaTitle')}</h2>
      <p className="field-hint">{t('vigilance.piaHint')}</p>
      <FormAlert id="pia-alert" ref={f.alertRef} message={f.formError} />
      <fieldset className="fieldset" data-field="amounts">
        <legend>{t('vigilance.piaLegend')}</legend>
        {ws.projects.map((p, i) => (
          <TextField key={p.id} id={id(p.id)} data-field={`amounts.${i}.piaCents amounts.${i}.projectId`} inputMode="decimal"
            label={t('vigilance.numbered', { number: p.number, title: p.title })} hint={t('vigilance.agreedHint', { amount: formatSoles(p.agreedCents, language) })}
            value={amounts[p.id] ?? ''} onChange={(e) => setAmounts({ ...amounts, [p.id]: e.target.value })} error={f.errors[id(p.id)]} />
        ))}
      </fieldset>
      <ReasonField id="pia-reason" value={reason} onChange={setReason} error={f.errors['pia-reason']} />
      <p className="actions"><button type="submit" className="button" disabled={f.busy}>{t('vigilance.savePia')}</button></p>
    </form>
  );
}
