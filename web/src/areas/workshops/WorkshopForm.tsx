import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useFormErrors } from '../../lib/useFormErrors';
import { peruInstant, peruToday } from '../../lib/format';
import { useStaffProcess } from '../../lib/process-context';
import type { Workshop } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { SelectField, TextAreaField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { ZoneSelect } from '../../components/ZoneSelect';
import { planApi, useZones } from '../plan/api';
import { workshopsApi } from './api';

/** Schedule a workshop, or change one: title, agenda, place, day and hours (Peru time), its zone and/or thematic axis. */
export function WorkshopForm({ workshop, onSaved }: { workshop?: Workshop; onSaved(w: Workshop): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const zones = useZones(slug);
  const plan = useResource(`plan:${slug}`, (signal) => planApi.plan(slug, signal));
  const [title, setTitle] = useState(workshop?.title ?? '');
  const [agenda, setAgenda] = useState(workshop?.agenda ?? '');
  const [place, setPlace] = useState(workshop?.place ?? '');
  const [date, setDate] = useState(workshop?.localDate ?? peruToday());
  const [from, setFrom] = useState(workshop?.localStartTime ?? '09:00');
  const [to, setTo] = useState(workshop?.localEndTime ?? '12:00');
  const [zoneId, setZoneId] = useState(workshop?.zone?.id ?? '');
  const [axisId, setAxisId] = useState(workshop?.axis?.id ?? '');
  const form = useFormErrors();
  const prefix = workshop ? 'we' : 'wn';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      [`${prefix}-title`]: title.trim().length < 3 ? t('workshopsAdmin.errors.title') : null,
      [`${prefix}-agenda`]: agenda.trim().length < 3 ? t('workshopsAdmin.errors.agenda') : null,
      [`${prefix}-place`]: place.trim().length < 2 ? t('workshopsAdmin.errors.place') : null,
      [`${prefix}-date`]: !date ? t('workshopsAdmin.errors.date') : null,
      [`${prefix}-from`]: !/^\d{2}:\d{2}$/.test(from) ? t('workshopsAdmin.errors.time') : null,
      [`${prefix}-to`]: !/^\d{2}:\d{2}$/.test(to) ? t('workshopsAdmin.errors.time') : to <= from ? t('workshopsAdmin.errors.endBeforeStart') : null,
      [`${prefix}-zone`]: !zoneId && !axisId ? t('workshopsAdmin.errors.scope') : null,
    };
    void form.submit(found, async () => {
      const body = {
        title: title.trim(), agenda: agenda.trim(), place: place.trim(), startsAt: peruInstant(date, from), endsAt: peruInstant(date, to),
        zoneId: zoneId || null, axisId: axisId || null,
      };
      onSaved(workshop ? await workshopsApi.update(slug, process.id, workshop.id, body) : await workshopsApi.create(slug, process.id, body));
    });
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert id={`${prefix}-error`} ref={form.alertRef} message={form.formError} />
      <TextField id={`${prefix}-title`} data-field="title" label={t('workshopsAdmin.titleField')} error={form.errors[`${prefix}-title`]} value={title} onChange={(e) => setTitle(e.target.value)} />
      <TextAreaField id={`${prefix}-agenda`} data-field="agenda" label={t('workshops.agenda')} hint={t('workshopsAdmin.agendaHint')} error={form.errors[`${prefix}-agenda`]} value={agenda} onChange={(e) => setAgenda(e.target.value)} />
      <TextField id={`${prefix}-place`} data-field="place" label={t('workshops.place')} error={form.errors[`${prefix}-place`]} value={place} onChange={(e) => setPlace(e.target.value)} />
      <TextField id={`${prefix}-date`} data-field="startsAt" type="date" label={t('workshops.date')} hint={t('workshopsAdmin.peruTime')} error={form.errors[`${prefix}-date`]} value={date} onChange={(e) => setDate(e.target.value)} />
      <div className="field-row">
        <TextField id={`${prefix}-from`} type="time" label={t('workshopsAdmin.from')} error={form.errors[`${prefix}-from`]} value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField id={`${prefix}-to`} data-field="endsAt" type="time" label={t('workshopsAdmin.to')} error={form.errors[`${prefix}-to`]} value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <ZoneSelect
        id={`${prefix}-zone`}
        dataField="zoneId"
        label={t('workshops.zone')}
        hint={t('workshopsAdmin.scopeHint')}
        error={form.errors[`${prefix}-zone`]}
        value={zoneId}
        onChange={setZoneId}
        placeholder={t('workshopsAdmin.noZone')}
        zones={zones.status === 'ok' ? zones.data.zones : []}
      />
      <SelectField
        id={`${prefix}-axis`}
        data-field="axisId"
        label={t('workshops.axis')}
        error={form.errors[`${prefix}-axis`]}
        value={axisId}
        onChange={(e) => setAxisId(e.target.value)}
        placeholder={t('workshopsAdmin.noAxis')}
        options={plan.status === 'ok' ? plan.data.axes.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` })) : []}
      />
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('common.saving') : workshop ? t('common.save') : t('workshopsAdmin.create')}
      </button>
    </form>
  );
}
