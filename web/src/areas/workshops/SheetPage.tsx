import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { Loaded } from '../../components/Loaded';
import { AttendanceSheet } from '../../components/attendance/AttendanceSheet';
import { workshopsApi } from './api';

/**
 * The attendance sheet to print for a room without a connection: the workshop's title, place and time, and the
 * approved agents expected (of its zone, when it has one) with an empty column to sign, then blank rows for walk-ins.
 */
export function SheetPage() {
  const { slug, process } = useStaffProcess();
  const { workshopId = '' } = useParams();
  const { t, language } = useT();
  const sheet = useResource(`workshop-sheet:${slug}:${process.id}:${workshopId}`, (signal) => workshopsApi.sheet(slug, process.id, workshopId, signal));
  useDocumentTitle(sheet.status === 'ok' ? t('sheet.title', { title: sheet.data.workshop.title }) : t('workshopsAdmin.printSheet'));
  return (
    <Loaded resource={sheet} errorTitle={t('workshops.loadError')}>
      {({ municipalityName, process: p, workshop: w, agents }) => (
        <AttendanceSheet
          title={t('sheet.title', { title: w.title })}
          lines={[
            `${municipalityName} · ${t('sheet.process', { year: p.fiscalYear })}`,
            [
              t('workshops.when', { date: formatDate(w.localDate, language), from: w.localStartTime, to: w.localEndTime }),
              w.place,
              w.zone ? t('workshops.zoneOf', { name: w.zone.name }) : null,
              w.axis ? t('workshops.axisOf', { name: w.axis.name }) : null,
            ].filter(Boolean).join(' · '),
          ]}
          agents={agents}
          pdfHref={workshopsApi.sheetPdfUrl(slug, process.id, w.id, language)}
          back={<Link to={`/m/${slug}/staff/p/${process.id}/workshops/${w.id}`}>{t('workshopsAdmin.backToWorkshop')}</Link>}
        />
      )}
    </Loaded>
  );
}
