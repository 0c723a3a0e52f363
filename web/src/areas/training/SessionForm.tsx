import { useState, type FormEvent } from 'react';
import type { SessionPlan } from '@concerta/contracts';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useFormErrors } from '../../lib/useFormErrors';
import { useSession } from '../../lib/session';
import { can } from '../../lib/access';
import { formatInstantDate, formatInstantTime, peruInstant, peruToday } from '../../lib/format';
import { focusWhenRendered } from '../../lib/focus';
import { useStaffProcess } from '../../lib/process-context';
import type { Attachment, SessionInput } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { CheckboxField, RadioGroup, SelectField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { ZoneSelect } from '../../components/ZoneSelect';
import { FileUpload } from '../files/FileUpload';
import { membershipsApi } from '../memberships/api';
import { useZones } from '../plan/api';
import { trainingApi } from './api';

/**
 * Schedule a session: topic, place, day and hours (Peru time), facilitator, zone, materials. Scheduling invites
 * people, so the form first asks the server what it would do (every check, nothing written) and shows it: how many
 * invitations go out, or that a past session is recorded as held, and any session of that day it seems to repeat,
 * which must be acknowledged. Changing a field goes back to the form.
 */
export function SessionForm({ onCreated }: { onCreated(topic: string, queued: number): void }) {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  const { user } = useSession();
  const zones = useZones(slug);
  // The administrator may pick another facilitator of the municipality (the list of members is theirs to read).
  const mayList = can(user, slug, 'membership.manage');
  const members = useResource(`members:${slug}:${mayList}`, (signal) =>
    mayList ? membershipsApi.members(slug, signal) : Promise.resolve({ members: [] }),
  );
  const colleagues =
    members.status === 'ok'
      ? members.data.members.filter((m) => m.userId !== user?.id && m.roles.some((r) => r === 'facilitator' || r === 'administrator'))
      : [];
  const [colleague, setColleague] = useState('');
  const [topic, setTopic] = useState('');
  const [place, setPlace] = useState('');
  const [date, setDate] = useState(peruToday());
  const [from, setFrom] = useState('18:00');
  const [to, setTo] = useState('20:00');
  const [who, setWho] = useState('me');
  const [otherName, setOtherName] = useState('');
  const [zoneId, setZoneId] = useState('');
  const [materials, setMaterials] = useState<Attachment[]>([]);
  const form = useFormErrors();
  const [plan, setPlan] = useState<{ body: SessionInput; plan: SessionPlan } | null>(null);
  const [ack, setAck] = useState(false);
  const [ackError, setAckError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      'ts-topic': topic.trim().length < 3 ? t('trainingsAdmin.errors.topic') : null,
      'ts-place': place.trim().length < 2 ? t('trainingsAdmin.errors.place') : null,
      'ts-date': !date ? t('processForm.errors.date') : null,
      'ts-from': !/^\d{2}:\d{2}$/.test(from) ? t('trainingsAdmin.errors.time') : null,
      'ts-to': !/^\d{2}:\d{2}$/.test(to) ? t('trainingsAdmin.errors.time') : to <= from ? t('trainingsAdmin.errors.endBeforeStart') : null,
      'ts-otherName': who === 'other' && otherName.trim().length < 2 ? t('trainingsAdmin.errors.facilitator') : null,
      'ts-colleague': who === 'member' && !colleague ? t('trainingsAdmin.errors.colleague') : null,
    };
    void form.submit(found, async () => {
      const body: SessionInput = {
        topic: topic.trim(),
        place: place.trim(),
        startsAt: peruInstant(date, from),
        endsAt: peruInstant(date, to),
        ...(who === 'me' && user
          ? { facilitatorUserId: user.id }
          : who === 'member'
            ? { facilitatorUserId: colleague }
            : { facilitatorName: otherName.trim() }),
        zoneId: zoneId || null,
        materialFileIds: materials.map((m) => m.id),
      };
      const answer = await trainingApi.previewTraining(slug, process.id, body);
      setPlan({ body, plan: answer });
      setAck(false);
      setAckError(null);
      focusWhenRendered(() => document.getElementById('ts-preview-title'));
    });
  };

  const confirm = () => {
    if (!plan) return;
    const duplicate = plan.plan.duplicates.length > 0;
    if (duplicate && !ack) {
      setAckError(t('trainingsAdmin.duplicateAckRequired'));
      document.getElementById('ts-ack')?.focus();
      return;
    }
    void form.submit({}, async () => {
      try {
        const answer = await trainingApi.createTraining(slug, process.id, { ...plan.body, ...(duplicate ? { allowDuplicate: true } : {}) });
        onCreated(answer.session.topic, answer.notificationsQueued);
      } catch (cause) {
        setPlan(null);
        throw cause;
      }
    });
  };

  const back = () => {
    setPlan(null);
    focusWhenRendered(() => document.getElementById('ts-submit'));
  };

  return (
    <>
    <form ref={form.formRef} className="form" noValidate onSubmit={submit} onChange={() => setPlan(null)}>
      <FormAlert id="ts-error" ref={form.alertRef} message={form.formError} />
      <TextField id="ts-topic" data-field="topic" label={t('trainingsAdmin.topic')} error={form.errors['ts-topic']} value={topic} onChange={(e) => setTopic(e.target.value)} />
      <TextField id="ts-place" data-field="place" label={t('training.place')} error={form.errors['ts-place']} value={place} onChange={(e) => setPlace(e.target.value)} />
      <TextField id="ts-date" data-field="startsAt" type="date" label={t('training.date')} hint={t('trainingsAdmin.peruTime')} error={form.errors['ts-date']} value={date} onChange={(e) => setDate(e.target.value)} />
      <div className="field-row">
        <TextField id="ts-from" type="time" label={t('trainingsAdmin.from')} error={form.errors['ts-from']} value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField id="ts-to" data-field="endsAt" type="time" label={t('trainingsAdmin.to')} error={form.errors['ts-to']} value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <RadioGroup
        id="ts-who"
        name="ts-who"
        dataField="facilitatorUserId"
        legend={t('training.facilitator')}
        value={who}
        onChange={setWho}
        error={form.errors['ts-who']}
        options={[
          { value: 'me', label: t('trainingsAdmin.facilitatorMe', { name: user?.name ?? '' }) },
          ...(colleagues.length > 0 ? [{ value: 'member', label: t('trainingsAdmin.facilitatorMember') }] : []),
          { value: 'other', label: t('trainingsAdmin.facilitatorOther') },
        ]}
      />
      {who === 'member' && (
        <SelectField
          id="ts-colleague"
          label={t('trainingsAdmin.colleague')}
          error={form.errors['ts-colleague']}
          value={colleague}
          onChange={(e) => setColleague(e.target.value)}
          placeholder={t('common.choose')}
          options={colleagues.map((m) => ({ value: m.userId, label: m.name }))}
        />
      )}
      {who === 'other' && (
        <TextField id="ts-otherName" data-field="facilitatorName" label={t('trainingsAdmin.facilitatorName')} error={form.errors['ts-otherName']} value={otherName} onChange={(e) => setOtherName(e.target.value)} />
      )}
      <ZoneSelect
        id="ts-zone"
        dataField="zoneId"
        label={t('training.zone')}
        hint={t('trainingsAdmin.zoneHint')}
        error={form.errors['ts-zone']}
        value={zoneId}
        onChange={setZoneId}
        placeholder={t('training.allZones')}
        zones={zones.status === 'ok' ? zones.data.zones : []}
      />
      <FileUpload id="ts-materials" slug={slug} label={t('training.materials')} files={materials} onChange={setMaterials} />
      {!plan && (
        <button type="submit" id="ts-submit" className="button" disabled={form.busy}>
          {form.busy ? t('trainingsAdmin.checking') : t('trainingsAdmin.create')}
        </button>
      )}
    </form>
    {plan && (
      <section className="notice notice-warning" aria-labelledby="ts-preview-title">
        <h3 id="ts-preview-title" tabIndex={-1}>{t('trainingsAdmin.previewTitle')}</h3>
        <p>
          {plan.plan.alreadyOver
            ? t('trainingsAdmin.confirmPast')
            : plan.plan.invitations === 0
              ? t('trainingsAdmin.confirmNoInvite')
              : t('trainingsAdmin.confirmInvite', { count: plan.plan.invitations })}
        </p>
        {plan.plan.duplicates.length > 0 && (
          <>
            <p>{t('trainingsAdmin.duplicateWarning', { count: plan.plan.duplicates.length })}</p>
            <ul>
              {plan.plan.duplicates.map((d) => (
                <li key={d.id}>
                  {t('trainingsAdmin.duplicateItem', {
                    topic: d.topic, place: d.place, date: formatInstantDate(d.startsAt, language),
                    from: formatInstantTime(d.startsAt, language), to: formatInstantTime(d.endsAt, language),
                  })}
                </li>
              ))}
            </ul>
            <CheckboxField id="ts-ack" label={t('trainingsAdmin.duplicateAck')} checked={ack} onChange={(on) => { setAck(on); setAckError(null); }} error={ackError} />
          </>
        )}
        <p className="actions">
          <button type="button" className="button" disabled={form.busy} onClick={confirm}>
            {form.busy
              ? t('common.saving')
              : plan.plan.alreadyOver || plan.plan.invitations === 0
                ? t('trainingsAdmin.confirmCreateSilent')
                : t('trainingsAdmin.confirmCreate', { count: plan.plan.invitations })}
          </button>
          <button type="button" className="button button-secondary" onClick={back}>
            {t('trainingsAdmin.backToForm')}
          </button>
        </p>
      </section>
    )}
    </>
  );
}
