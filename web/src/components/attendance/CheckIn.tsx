import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import type { CheckInAnswer } from '../../lib/api-types';
import { TextField } from '../TextField';
import { said, type Said } from '../../lib/said';

/** Check-in by DNI at the door: the field keeps the focus, for the next person. The session kind gives `checkIn`. */
export function CheckIn({ checkIn, onDone, onStart }: { checkIn(dni: string): Promise<CheckInAnswer>; onDone(message: string): void; onStart(): void }) {
  const { t } = useT();
  const [dni, setDni] = useState('');
  const [error, setError] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onStart();
    const clean = dni.replace(/[\s-]/g, '');
    if (!/^\d{8}$/.test(clean)) {
      setError(t('agentForm.errors.dni'));
      document.getElementById('checkin-dni')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await checkIn(clean);
      setDni('');
      onDone(
        answer.recorded
          ? t('attendance.checkedIn', { name: answer.agent.fullName, count: answer.attendanceCount })
          : t('attendance.alreadyIn', { name: answer.agent.fullName }),
      );
      document.getElementById('checkin-dni')?.focus();
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
      document.getElementById('checkin-dni')?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate className="search-row" onSubmit={submit}>
      <TextField
        id="checkin-dni"
        label={t('attendance.dni')}
        error={error}
        value={dni}
        onChange={(e) => setDni(e.target.value)}
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('attendance.checkIn')}
      </button>
    </form>
  );
}
