import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { Workshop } from '../../lib/api-types';

/** "10 May 2027, 09:00 to 12:00 (Peru time)". */
export function WorkshopWhen({ workshop: w }: { workshop: Workshop }) {
  const { t, language } = useT();
  return <>{t('workshops.when', { date: formatDate(w.localDate, language), from: w.localStartTime, to: w.localEndTime })}</>;
}

/** Whom a workshop is for: its zone, its thematic axis, or both. */
export function WorkshopScope({ workshop: w }: { workshop: Workshop }) {
  const { t } = useT();
  return (
    <>
      {[w.zone ? t('workshops.zoneOf', { name: w.zone.name }) : null, w.axis ? t('workshops.axisOf', { name: w.axis.name }) : null]
        .filter(Boolean)
        .join(' · ')}
    </>
  );
}

/** Upcoming, in progress or held; and whether its minutes are signed. */
export function WorkshopBadges({ workshop: w }: { workshop: Workshop }) {
  const { t } = useT();
  return (
    <>
      <span className={`badge badge-session-${w.status}`}>{t(`workshops.status.${w.status}`)}</span>{' '}
      {w.minutesVersion !== null && <span className="badge">{t('workshops.minutesSigned')}</span>}
    </>
  );
}
