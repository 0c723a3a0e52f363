import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useStaffProcess } from '../../lib/process-context';
import { TextField } from '../../components/TextField';
import { trainingApi } from './api';

/** Check-in by DNI at the door: the field keeps the focus, for the next person. */
export function CheckIn({ sessionId, onDone }: { sessionId: string; onDone(message: string): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const [dni, setDni] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clean = dni.replace(/[\s-]/g, '');
    if (!/^\d{8}$/.test(clean)) {
      setError(t('agentForm.errors.dni'));
      document.getElementById('checkin-dni')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await trainingApi.checkIn(slug, process.id, sessionId, clean);
      setDni('');
      onDone(
        answer.recorded
          ? t('sessionAdmin.checkedIn', { name: answer.agent.fullName, count: answer.attendanceCount })
          : t('sessionAdmin.alreadyIn', { name: answer.agent.fullName }),
      );
      document.getElementById('checkin-dni')?.focus();
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause.message);
      document.getElementById('checkin-dni')?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate className="search-row" onSubmit={submit}>
      <TextField
        id="checkin-dni"
        label={t('sessionAdmin.dni')}
        error={error}
        value={dni}
        onChange={(e) => setDni(e.target.value)}
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('sessionAdmin.checkIn')}
      </button>
    </form>
  );
}
