import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { Loaded } from '../../components/Loaded';
import { AttendanceSheet } from '../../components/attendance/AttendanceSheet';
import { trainingApi } from './api';

/**
 * A training session's attendance sheet to print for a room without a connection: topic, day, place, facilitator,
 * every approved agent expected (of its zone, for a zone session) with a box to sign, then blank rows for walk-ins.
 */
export function SheetPage() {
  const { slug, process } = useStaffProcess();
  const { sessionId = '' } = useParams();
  const { t, language } = useT();
  const sheet = useResource(`training-sheet:${slug}:${process.id}:${sessionId}`, (signal) => trainingApi.sheet(slug, process.id, sessionId, signal));
  useDocumentTitle(sheet.status === 'ok' ? t('sheet.title', { title: sheet.data.session.topic }) : t('sessionAdmin.printSheet'));
  return (
    <Loaded resource={sheet} errorTitle={t('training.loadError')}>
      {({ municipalityName, process: p, session: s, agents }) => (
        <AttendanceSheet
          title={t('sheet.title', { title: s.topic })}
          lines={[
            `${municipalityName} · ${p.name}`,
            [
              t('training.when', { date: formatDate(s.localDate, language), from: s.localStartTime, to: s.localEndTime }),
              s.place,
              `${t('training.facilitator')}: ${s.facilitator.name}`,
              s.zone ? `${t('training.zone')}: ${s.zone.name}` : null,
            ].filter(Boolean).join(' · '),
          ]}
          agents={agents}
          pdfHref={trainingApi.sheetPdfUrl(slug, process.id, s.id, language)}
          back={<Link to={`/m/${slug}/staff/p/${process.id}/trainings/${s.id}`}>{t('sessionAdmin.backToSession')}</Link>}
        />
      )}
    </Loaded>
  );
}
