import { useState } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useSession } from '../../lib/session';

/** On the session's day, a signed-in agent with a DNI on their account can record their own attendance. */
export function SelfCheckIn({ checkIn: send }: { checkIn(dni: string): Promise<{ recorded: boolean }> }) {
  const { t } = useT();
  const { user } = useSession();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user?.dni) return null;
  const checkIn = async () => {
    setBusy(true);
    try {
      const answer = await send(user.dni!);
      setMessage({ ok: true, text: answer.recorded ? t('attendance.selfCheckedIn') : t('attendance.selfAlready') });
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setMessage({ ok: false, text: cause.message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="self-check-in">
      <button type="button" className="button" disabled={busy} onClick={() => void checkIn()}>
        {t('attendance.selfCheckIn')}
      </button>
      <p role="status" className={message ? (message.ok ? 'notice notice-success' : 'notice notice-error') : 'visually-hidden'}>
        {message?.text}
      </p>
    </div>
  );
}
