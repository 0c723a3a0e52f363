import { useState } from 'react';
import type { ActaDraft, ActaDraftBody } from '@concerta/contracts';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { focusWhenRendered } from '../../lib/focus';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { actaApi } from './api';

type Capacity = ActaDraftBody['signatories'][number]['capacity'];
const CAPACITIES: readonly Capacity[] = ['mayor', 'participating_agent', 'technical_team', 'oversight_committee', 'other'];

interface Row { key: number; name: string; dni: string; capacity: Capacity | ''; detail: string }

let nextKey = 0;
const row = (s?: ActaDraft['signatories'][number]): Row => ({ key: nextKey++, name: s?.name ?? '', dni: s?.dni ?? '', capacity: s?.capacity ?? '', detail: s?.detail ?? '' });

/** The formalization session (date, place, start and end) and the signatories of the Acta, in the order they sign. */
export function DraftForm({ slug, processId, draft, onDone }: { slug: string; processId: string; draft: ActaDraft; onDone(d: ActaDraft): void }) {
  const { t } = useT();
  const f = useFormErrors();
  const [heldOn, setHeldOn] = useState(draft.session?.heldOn ?? '');
  const [place, setPlace] = useState(draft.session?.place ?? '');
  const [startTime, setStartTime] = useState(draft.session?.startTime ?? '');
  const [endTime, setEndTime] = useState(draft.session?.endTime ?? '');
  const [rows, setRows] = useState<Row[]>(() => (draft.signatories.length > 0 ? draft.signatories.map(row) : [row()]));
  const [reason, setReason] = useState('');
  const issued = draft.versions.length > 0;
  const update = (key: number, patch: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const send = () => {
    const found: Record<string, string | null> = {
      'acta-held': heldOn ? null : t('acta.errors.heldOn'),
      'acta-place': place.trim().length < 3 ? t('acta.errors.place') : null,
      'acta-start': /^\d\d:\d\d$/.test(startTime) ? null : t('acta.errors.time'),
      'acta-end': !/^\d\d:\d\d$/.test(endTime) ? t('acta.errors.time') : endTime <= startTime ? t('acta.errors.endAfterStart') : null,
      'acta-reason': issued ? reasonProblem(reason, t) : null,
    };
    for (const r of rows) {
      found[`acta-sig-${r.key}-name`] = r.name.trim().length < 3 ? t('acta.errors.name') : null;
      found[`acta-sig-${r.key}-dni`] = r.dni.trim() === '' || /^\d{8}$/.test(r.dni.trim()) ? null : t('acta.errors.dni');
      found[`acta-sig-${r.key}-capacity`] = r.capacity ? null : t('acta.errors.capacity');
      found[`acta-sig-${r.key}-detail`] = r.capacity === 'other' && !r.detail.trim() ? t('acta.errors.detail') : null;
    }
    void f.submit(found, async () => {
      const saved = await actaApi.saveDraft(slug, processId, {
        heldOn, place: place.trim(), startTime, endTime,
        signatories: rows.map((r) => ({ name: r.name.trim(), dni: r.dni.trim() || null, capacity: r.capacity as Capacity, detail: r.detail.trim() || null })),
        ...(issued ? { reason: reason.trim() } : {}),
      });
      setReason('');
      onDone(saved);
    });
  };

  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="acta-draft-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="acta-draft-title">{t('acta.draftTitle')}</h2>
      <p>{issued ? t('acta.draftAfterIssue') : t('acta.draftHint')}</p>
      <FormAlert id="acta-draft-alert" ref={f.alertRef} message={f.formError} />
      <fieldset>
        <legend>{t('acta.sessionLegend')}</legend>
        <TextField id="acta-held" data-field="heldOn" type="date" label={t('acta.heldOn')} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={f.errors['acta-held']} />
        <TextField id="acta-place" data-field="place" label={t('acta.place')} value={place} onChange={(e) => setPlace(e.target.value)} error={f.errors['acta-place']} />
        <TextField id="acta-start" data-field="startTime" type="time" label={t('acta.startTime')} value={startTime} onChange={(e) => setStartTime(e.target.value)} error={f.errors['acta-start']} />
        <TextField id="acta-end" data-field="endTime" type="time" label={t('acta.endTime')} value={endTime} onChange={(e) => setEndTime(e.target.value)} error={f.errors['acta-end']} />
      </fieldset>
      <fieldset data-field="signatories" id="acta-signatories-fields" tabIndex={-1}>
        <legend>{t('acta.signatoriesLegend')}</legend>
        {rows.map((r, i) => (
          <fieldset key={r.key} className="acta-signatory">
            <legend>{t('acta.signatoryN', { n: i + 1 })}</legend>
            <TextField id={`acta-sig-${r.key}-name`} data-field={`signatories.${i}.name signatories.${i}`} autoComplete="off" label={t('acta.signatoryName', { n: i + 1 })}
              value={r.name} onChange={(e) => update(r.key, { name: e.target.value })} error={f.errors[`acta-sig-${r.key}-name`]} />
            <TextField id={`acta-sig-${r.key}-dni`} data-field={`signatories.${i}.dni`} inputMode="numeric" autoComplete="off" label={t('acta.signatoryDni', { n: i + 1 })} hint={t('acta.dniHint')}
              value={r.dni} onChange={(e) => update(r.key, { dni: e.target.value })} error={f.errors[`acta-sig-${r.key}-dni`]} />
            <SelectField id={`acta-sig-${r.key}-capacity`} data-field={`signatories.${i}.capacity`} label={t('acta.signatoryCapacity', { n: i + 1 })} placeholder={t('acta.choose')}
              options={CAPACITIES.map((c) => ({ value: c, label: t(`acta.capacity.${c}`) }))}
              value={r.capacity} onChange={(e) => update(r.key, { capacity: e.target.value as Capacity | '' })} error={f.errors[`acta-sig-${r.key}-capacity`]} />
            <TextField id={`acta-sig-${r.key}-detail`} data-field={`signatories.${i}.detail`} label={t('acta.signatoryDetail', { n: i + 1 })} hint={t('acta.detailHint')}
              value={r.detail} onChange={(e) => update(r.key, { detail: e.target.value })} error={f.errors[`acta-sig-${r.key}-detail`]} />
            <p className="actions">
              <button type="button" className="button button-secondary" onClick={() => setRows(rows.filter((x) => x.key !== r.key))}>
                {t('acta.removeSignatory', { n: i + 1 })}
              </button>
            </p>
          </fieldset>
        ))}
        <p className="actions">
          <button type="button" className="button button-secondary" onClick={() => {
            const added = row();
            setRows([...rows, added]);
            focusWhenRendered(() => document.getElementById(`acta-sig-${added.key}-name`));
          }}>{t('acta.addSignatory')}</button>
        </p>
      </fieldset>
      {issued && <ReasonField id="acta-reason" value={reason} onChange={setReason} error={f.errors['acta-reason']} />}
      <p className="actions">
        <button type="submit" className="button" disabled={f.busy}>{t('acta.save')}</button>
      </p>
    </form>
  );
}
