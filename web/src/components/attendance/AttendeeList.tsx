import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { AttendanceEntry } from '../../lib/api-types';
import { said, type Said } from '../../lib/said';

/** Who is recorded as present: how and by whom; a mistaken record can be removed. */
export function AttendeeList({ attendees, error, onRemove }: { attendees: AttendanceEntry[]; error: Said | null; onRemove(attendee: AttendanceEntry): Promise<void> }) {
  const { t, language } = useT();
  return (
    <section aria-labelledby="present-title">
      <h2 id="present-title" tabIndex={-1}>{t('attendance.presentTitle', { count: attendees.length })}</h2>
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{said(error)}</p>
        </div>
      )}
      {attendees.length === 0 ? (
        <p>{t('attendance.nobody')}</p>
      ) : (
        <ul className="member-list">
          {attendees.map((a) => (
            <li key={a.agentId}>
              <strong>{a.fullName}</strong> — {a.zone.name} — {t(`attendance.method.${a.method}`)},{' '}
              {t('attendance.recordedBy', { who: a.recordedByName, when: formatDateTime(a.recordedAt, language) })}{' '}
              <button type="button" className="link-button" onClick={() => void onRemove(a)}>
                {t('attendance.remove', { name: a.fullName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
