import { useState } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import type { Resource } from '../../lib/useResource';
import type { AttendanceEntry, CheckInAnswer } from '../../lib/api-types';
import { Loaded } from '../Loaded';
import { AttendanceChecklist, type RosterAgent } from './AttendanceChecklist';
import { AttendeeList } from './AttendeeList';
import { CheckIn } from './CheckIn';
import { said, type Said } from '../../lib/said';

/**
 * Taking attendance at any session (a training session, a workshop): check-in by DNI at the door, the checklist of
 * the approved agents expected, and who is recorded as present, each removable. The session kind gives its requests.
 */
export function TakeAttendance({ checkInOpen, roster, attendees, checkIn, record, remove, onDone, onStart }: {
  checkInOpen: boolean;
  roster: Resource<RosterAgent[]> & { reload(): void };
  attendees: AttendanceEntry[];
  checkIn(dni: string): Promise<CheckInAnswer>;
  record(agentIds: string[]): Promise<{ added: string[]; attendanceCount: number }>;
  remove(agentId: string, reason: string): Promise<unknown>;
  /** After each change, with the message to show. */
  onDone(message: string): void;
  /** When a new check-in, record or removal starts: the page clears the message of the last one. */
  onStart(): void;
}) {
  const { t } = useT();
  const [removeError, setRemoveError] = useState<Said | null>(null);
  return (
    <>
      <section aria-labelledby="checkin-title" className="card">
        <h2 id="checkin-title">{t('attendance.checkInTitle')}</h2>
        <p>{checkInOpen ? t('attendance.checkInOpen') : t('attendance.checkInClosed')}</p>
        <CheckIn checkIn={checkIn} onDone={onDone} onStart={onStart} />
        {attendees.length > 0 && (
          <p>
            <a href="#present-title">{t('attendance.toPresent', { count: attendees.length })}</a>
          </p>
        )}
      </section>

      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t('attendance.checklistTitle')}</h2>
        <Loaded resource={roster} errorTitle={t('attendance.rosterError')}>
          {(agents) => <AttendanceChecklist record={record} agents={agents} recorded={new Map(attendees.map((a) => [a.agentId, a]))} onDone={onDone} onStart={onStart} />}
        </Loaded>
      </section>

      <AttendeeList
        attendees={attendees}
        error={removeError}
        onRemove={async (a) => {
          onStart();
          setRemoveError(null);
          try {
            await remove(a.agentId, t('attendance.removeReason'));
            onDone(t('attendance.removed', { name: a.fullName }));
          } catch (cause) {
            if (!isApiError(cause)) throw cause;
            setRemoveError(cause);
          }
        }}
      />
    </>
  );
}
