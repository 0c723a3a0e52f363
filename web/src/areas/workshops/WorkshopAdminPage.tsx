import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { ErrorNotice, Loading } from '../../components/Status';
import { SuccessNotice } from '../../components/FormAlert';
import { Loaded } from '../../components/Loaded';
import { Page } from '../../components/PageHeader';
import { TakeAttendance } from '../../components/attendance/TakeAttendance';
import { Downloads } from '../../components/Downloads';
import { workshopsApi } from './api';
import { MinutesForm } from './MinutesForm';
import { MinutesView } from './MinutesView';
import { VotesForm } from './VotesForm';
import { WorkshopForm } from './WorkshopForm';
import { WorkshopBadges, WorkshopScope, WorkshopWhen } from './WorkshopWhen';

/** One workshop for staff: attendance (DNI at the door, the checklist), the minutes to sign, the room's votes, the sheet. */
export function WorkshopAdminPage() {
  const { slug, process } = useStaffProcess();
  const { workshopId = '' } = useParams();
  const { t, language } = useT();
  const attendance = useResource(`workshop-attendance:${slug}:${process.id}:${workshopId}`, (signal) => workshopsApi.attendance(slug, process.id, workshopId, signal));
  const detail = useResource(`workshop:${slug}:${process.id}:${workshopId}`, (signal) => workshopsApi.get(slug, process.id, workshopId, signal));
  const roster = useResource(`workshop-roster:${slug}:${process.id}:${workshopId}`, async (signal) =>
    (await workshopsApi.sheet(slug, process.id, workshopId, signal)).agents.map((a) => ({ id: a.agentId, name: a.fullName, dni: a.dni, zone: a.zone.name, org: a.organizationName })),
  );
  const [saved, setSaved] = useState<string | null>(null);
  const [minutesKey, setMinutesKey] = useState(0);
  useDocumentTitle(attendance.status === 'ok' ? attendance.data.workshop.title : t('workshopsAdmin.title'));

  if (attendance.status === 'loading') return <Loading />;
  if (attendance.status === 'error') {
    return (
      <ErrorNotice title={t('workshops.loadError')} onRetry={attendance.reload}>
        <p>{attendance.error.message}</p>
      </ErrorNotice>
    );
  }
  const { workshop, attendees } = attendance.data;
  const reloadAll = (message: string) => {
    setSaved(message);
    attendance.reload();
    detail.reload();
  };
  const staffBase = `/m/${slug}/staff/p/${process.id}/workshops`;

  return (
    <Page
      eyebrow={<Link to={staffBase}>{t('workshopsAdmin.title')}</Link>}
      title={workshop.title}
      header={
        <>
          <p>
            <WorkshopWhen workshop={workshop} /> · {workshop.place} · <WorkshopScope workshop={workshop} />
          </p>
          <p>
            <WorkshopBadges workshop={workshop} /> {t('workshops.attendanceCount', { count: workshop.attendanceCount })}
          </p>
          <Downloads
            printView={{ to: `${staffBase}/${workshop.id}/sheet`, label: t('workshopsAdmin.printSheet') }}
            links={[
              { href: workshopsApi.sheetPdfUrl(slug, process.id, workshop.id, language), label: t('workshopsAdmin.sheetPdf') },
              { href: workshopsApi.attendanceUrl(slug, process.id, workshop.id, 'csv', language), label: t('workshopsAdmin.attendanceCsv') },
              { href: workshopsApi.attendanceUrl(slug, process.id, workshop.id, 'pdf', language), label: t('workshopsAdmin.attendancePdf') },
            ]}
          />
          <p className="no-print">
            <Link to={`/m/${slug}/p/${process.id}/workshops/${workshop.id}`}>{t('workshopsAdmin.publicPage')}</Link>
          </p>
        </>
      }
    >
      <SuccessNotice message={saved} />

      <details className="card">
        <summary>{t('workshopsAdmin.edit')}</summary>
        <WorkshopForm workshop={workshop} onSaved={() => reloadAll(t('workshopsAdmin.updated'))} />
      </details>

      <TakeAttendance
        checkInOpen={workshop.checkInOpen}
        roster={roster}
        attendees={attendees}
        checkIn={(dni) => workshopsApi.checkIn(slug, process.id, workshop.id, dni)}
        record={(agentIds) => workshopsApi.recordAttendance(slug, process.id, workshop.id, agentIds)}
        remove={(agentId, reason) => workshopsApi.removeAttendance(slug, process.id, workshop.id, agentId, reason)}
        onDone={reloadAll}
        onStart={() => setSaved(null)}
      />

      <section aria-labelledby="minutes-title" className="card">
        <h2 id="minutes-title">{t('workshops.minutes')}</h2>
        <Loaded resource={detail} errorTitle={t('workshops.loadError')}>
          {({ minutes }) => (
            <>
              {minutes.length > 0 && <MinutesView minutes={minutes} />}
              <h3>{minutes.length > 0 ? t('workshopsAdmin.correctTitle') : t('workshopsAdmin.signTitle')}</h3>
              <MinutesForm
                key={minutesKey}
                workshopId={workshop.id}
                attendees={attendees}
                correcting={minutes.length > 0}
                onSigned={() => {
                  setMinutesKey((n) => n + 1);
                  reloadAll(t('workshopsAdmin.minutesSaved'));
                }}
              />
            </>
          )}
        </Loaded>
      </section>

      <section aria-labelledby="votes-title" className="card">
        <h2 id="votes-title">{t('workshops.votes')}</h2>
        <p>{t('workshopsAdmin.votesHint')}</p>
        <Loaded resource={detail} errorTitle={t('workshops.loadError')}>
          {({ votes }) => <VotesForm key={votes.map((v) => `${v.proposalId}:${v.votes}`).join()} workshop={workshop} votes={votes} onSaved={() => reloadAll(t('workshopsAdmin.votesSaved'))} />}
        </Loaded>
      </section>
    </Page>
  );
}
