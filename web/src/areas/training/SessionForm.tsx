import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useFormErrors } from '../../lib/useFormErrors';
import { useSession } from '../../lib/session';
import { can } from '../../lib/access';
import { peruInstant, peruToday } from '../../lib/format';
import { useStaffProcess } from '../../lib/process-context';
import type { Attachment } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { RadioGroup, SelectField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { ZoneSelect } from '../../components/ZoneSelect';
import { FileUpload } from '../files/FileUpload';
import { membershipsApi } from '../memberships/api';
import { useZones } from '../plan/api';
import { trainingApi } from './api';

/** Schedule a session: topic, place, day and hours (Peru time), facilitator, zone, materials. */
export function SessionForm({ onCreated }: { onCreated(topic: string, queued: number): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
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
      const answer = await trainingApi.createTraining(slug, process.id, {
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
      });
      onCreated(answer.session.topic, answer.notificationsQueued);
    });
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
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
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('common.saving') : t('trainingsAdmin.create')}
      </button>
    </form>
  );
}
