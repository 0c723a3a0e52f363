import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { TrainingSession } from '../../lib/api-types';

/** "On 10 March 2027, 18:00 to 20:00" (Peru time). */
export function SessionWhen({ session: s }: { session: TrainingSession }) {
  const { t, language } = useT();
  return <>{t('training.when', { date: formatDate(s.localDate, language), from: s.localStartTime, to: s.localEndTime })}</>;
}

/** Upcoming, in progress or ended, in words. */
export function SessionBadge({ session: s }: { session: TrainingSession }) {
  const { t } = useT();
  return <span className={`badge badge-session-${s.status}`}>{t(`training.status.${s.status}`)}</span>;
}
