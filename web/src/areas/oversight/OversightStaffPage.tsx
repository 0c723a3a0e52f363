import { useState } from 'react';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import type { OversightWorkspace } from '../../lib/api-types';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { SuccessNotice } from '../../components/FormAlert';
import { ProjectFlags, RequestList } from './OversightLists';
import { PiaForm } from './PiaForm';
import { AnswerForm } from './AnswerForm';
import { oversightApi } from './api';

/** The administrators' page of oversight: answer the committee's requests (overdue first), record the opening budget. */
export function OversightStaffPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('vigilance.staffTitle'));
  const answer = useResource(`vigilance-staff:${slug}:${process.id}:${language}`, (signal) => oversightApi.get(slug, process.id, language, signal));
  const [latest, setLatest] = useState<OversightWorkspace | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('vigilance.staffTitle')} lead={t('vigilance.staffIntro')} />
      <SuccessNotice message={notice} />
      <Loaded resource={answer} errorTitle={t('vigilance.loadError')}>
        {(loaded) => {
          const ws = latest ?? loaded;
          return (
            <>
              {!ws.open && <p className="notice">{t('vigilance.notYet')}</p>}
              <RequestList slug={slug} workspace={ws}>
                {(r) => ws.open && !r.answer && <AnswerForm slug={slug} processId={process.id} request={r} onDone={(next) => { setLatest(next); setNotice(t('vigilance.answeredNotice')); }} />}
              </RequestList>
              {ws.open && ws.projects.length > 0 && <PiaForm key={ws.projects.map((p) => `${p.id}:${p.piaCents}`).join()} slug={slug} workspace={ws} onDone={(next) => { setLatest(next); setNotice(t('vigilance.piaNotice')); }} />}
              <ProjectFlags workspace={ws} />
            </>
          );
        }}
      </Loaded>
    </article>
  );
}
