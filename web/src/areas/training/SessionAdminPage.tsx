import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import type { Attachment } from '../../lib/api-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { SuccessNotice } from '../../components/FormAlert';
import { Page } from '../../components/PageHeader';
import { FileUpload } from '../files/FileUpload';
import { trainingApi } from './api';
import { TakeAttendance } from '../../components/attendance/TakeAttendance';
import { Downloads } from '../../components/Downloads';
import { SessionBadge, SessionWhen } from './SessionWhen';
import { OfflinePrepare } from './OfflinePrepare';
import { said, type Said } from '../../lib/said';

/** One training session on its day: materials, check-in by DNI, and the attendance checklist of approved agents. */
export function SessionAdminPage() {
  const { slug, process } = useStaffProcess();
  const { sessionId = '' } = useParams();
  const { t, language } = useT();
  const attendance = useResource(`attendance:${slug}:${process.id}:${sessionId}`, (signal) => trainingApi.attendance(slug, process.id, sessionId, signal));
  const roster = useResource(`training-roster:${slug}:${process.id}`, async (signal) =>
    (await trainingApi.trainingStatus(slug, process.id, signal)).agents.map((a) => ({ id: a.agentId, name: a.fullName, dni: a.dni, zone: a.zone.name, org: a.organizationName })),
  );
  const [saved, setSaved] = useState<string | null>(null);
  const [materialError, setMaterialError] = useState<Said | null>(null);
  useDocumentTitle(attendance.status === 'ok' ? attendance.data.session.topic : t('trainingsAdmin.title'));

  if (attendance.status === 'loading') return <Loading />;
  if (attendance.status === 'error') {
    return (
      <ErrorNotice title={t('training.loadError')} onRetry={attendance.reload}>
        <p>{attendance.error.message}</p>
      </ErrorNotice>
    );
  }
  const { session, attendees } = attendance.data;
  const reloadAll = (message: string) => {
    setSaved(message);
    attendance.reload();
    roster.reload();
  };

  const setMaterials = async (files: Attachment[]) => {
    setMaterialError(null);
    try {
      const added = files.filter((f) => !session.materials.some((m) => m.id === f.id));
      const removed = session.materials.filter((m) => !files.some((f) => f.id === m.id));
      for (const f of added) await trainingApi.attachMaterial(slug, process.id, session.id, f.id);
      for (const f of removed) await trainingApi.detachMaterial(slug, process.id, session.id, f.id);
      reloadAll(t('sessionAdmin.materialsSaved'));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setMaterialError(cause);
    }
  };

  return (
    <Page
      eyebrow={<Link to={`/m/${slug}/staff/p/${process.id}/trainings`}>{t('trainingsAdmin.title')}</Link>}
      title={session.topic}
      header={
        <>
          <p>
            <SessionWhen session={session} /> · {session.place} · {session.facilitator.name}
          </p>
          <p>
            <SessionBadge session={session} /> {t('training.attendanceCount', { count: session.attendanceCount })}
          </p>
          <Downloads
            printView={{ to: `/m/${slug}/staff/p/${process.id}/trainings/${session.id}/sheet`, label: t('sessionAdmin.printSheet') }}
            links={[
              { href: trainingApi.sheetPdfUrl(slug, process.id, session.id, language), label: t('sessionAdmin.sheetPdf') },
              { href: trainingApi.attendanceUrl(slug, process.id, session.id, 'csv', language), label: t('sessionAdmin.attendanceCsv') },
              { href: trainingApi.attendanceUrl(slug, process.id, session.id, 'pdf', language), label: t('sessionAdmin.attendancePdf') },
            ]}
          />
        </>
      }
    >
      <SuccessNotice message={saved} />

      <TakeAttendance
        checkInOpen={session.checkInOpen}
        roster={roster}
        attendees={attendees}
        checkIn={(dni) => trainingApi.checkIn(slug, process.id, session.id, dni)}
        record={(agentIds) => trainingApi.recordAttendance(slug, process.id, session.id, { agentIds })}
        remove={(agentId, reason) => trainingApi.removeAttendance(slug, process.id, session.id, agentId, reason)}
        onDone={reloadAll}
        onStart={() => setSaved(null)}
      />

      <OfflinePrepare slug={slug} processId={process.id} sessionId={session.id} />

      <section aria-labelledby="materials-title" className="card">
        <h2 id="materials-title">{t('training.materials')}</h2>
        {materialError && (
          <p className="notice notice-error" role="alert">
            {said(materialError)}
          </p>
        )}
        {session.materials.length === 0 && <p>{t('training.noMaterials')}</p>}
        <FileUpload
          id="session-materials"
          slug={slug}
          label={t('sessionAdmin.addMaterials')}
          files={session.materials}
          onChange={(files) => void setMaterials(files)}
        />
      </section>
    </Page>
  );
}

