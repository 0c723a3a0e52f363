import { useState } from 'react';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { useSession } from '../../lib/session';
import { can } from '../../lib/access';
import type { OversightWorkspace } from '../../lib/api-types';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { SuccessNotice } from '../../components/FormAlert';
import { ObservationList, ProjectFlags, ReportLinks, RequestList } from './OversightLists';
import { ObservationForm } from './ObservationForm';
import { RequestForm } from './RequestForm';
import { oversightApi } from './api';

/**
 * Oversight of a process in Execution: everyone reads each project's flags, the observations, the requests with
 * their answers and the vigilance reports; members of the oversight committee also file observations and requests.
 */
export function OversightPage() {
  const { slug, process } = useProcessContext();
  const { user } = useSession();
  const { t, language } = useT();
  useDocumentTitle(t('vigilance.title'));
  const answer = useResource(`vigilance:${slug}:${process.id}:${language}`, (signal) => oversightApi.get(slug, process.id, language, signal));
  const [latest, setLatest] = useState<OversightWorkspace | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const member = can(user, slug, 'oversight.observe');
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('vigilance.title')} lead={t('vigilance.intro')} />
      <SuccessNotice message={notice} />
      <Loaded resource={answer} errorTitle={t('vigilance.loadError')}>
        {(loaded) => {
          const ws = latest ?? loaded;
          return (
            <>
              {!ws.open && <p className="notice">{t('vigilance.notYet')}</p>}
              {member && ws.open && ws.projects.length > 0 && (
                <>
                  <ObservationForm slug={slug} workspace={ws} onDone={(next) => { setLatest(next); setNotice(t('vigilance.observedNotice')); }} />
                  <RequestForm slug={slug} workspace={ws} onDone={(next) => { setLatest(next); setNotice(t('vigilance.requestedNotice')); }} />
                </>
              )}
              <RequestList slug={slug} workspace={ws} />
              <ProjectFlags workspace={ws} />
              <ObservationList slug={slug} workspace={ws} />
              <ReportLinks workspace={ws} />
            </>
          );
        }}
      </Loaded>
    </article>
  );
}
