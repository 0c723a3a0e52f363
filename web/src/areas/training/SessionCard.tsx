import { useT } from '../../i18n';
import type { TrainingSession } from '../../lib/api-types';
import { FileLinks } from '../files/FileLinks';
import { SelfCheckIn } from '../../components/attendance/SelfCheckIn';
import { trainingApi } from './api';
import { SessionBadge, SessionWhen } from './SessionWhen';

/** A session for the public: when, where, who, how many attended, its materials; self check-in on the day. */
export function SessionCard({ session: s, slug, processId }: { session: TrainingSession; slug: string; processId: string }) {
  const { t } = useT();
  const id = `session-${s.id}`;
  return (
    <li className="card" aria-labelledby={id}>
      <h2 id={id} className="h3">
        {s.topic}
      </h2>
      <dl className="details">
        <dt>{t('training.date')}</dt>
        <dd>
          <SessionWhen session={s} /> <SessionBadge session={s} />
        </dd>
        <dt>{t('training.place')}</dt>
        <dd>{s.place}</dd>
        <dt>{t('training.facilitator')}</dt>
        <dd>{s.facilitator.name}</dd>
        <dt>{t('training.zone')}</dt>
        <dd>{s.zone ? s.zone.name : t('training.allZones')}</dd>
        <dt>{t('training.attendance')}</dt>
        <dd>{t('training.attendanceCount', { count: s.attendanceCount })}</dd>
      </dl>
      {s.checkInOpen && <SelfCheckIn checkIn={(dni) => trainingApi.checkIn(slug, processId, s.id, dni)} />}
      <h3 className="h4">{t('training.materials')}</h3>
      {s.materials.length === 0 ? (
        <p>{t('training.noMaterials')}</p>
      ) : (
        <FileLinks slug={slug} files={s.materials} />
      )}
    </li>
  );
}
