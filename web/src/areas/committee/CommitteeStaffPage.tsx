import { useState } from 'react';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import type { OversightCommittee } from '../../lib/api-types';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { SuccessNotice } from '../../components/FormAlert';
import { CommitteeResult } from './CommitteeResult';
import { StandForm } from './StandForm';
import { VotesForm } from './VotesForm';
import { committeeApi } from './api';

/** Staff's page of the oversight committee's election: register the candidates, then type in the session's votes. */
export function CommitteeStaffPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('oversight.staffTitle'));
  const answer = useResource(`oversight:${slug}:${process.id}:${language}`, (signal) => committeeApi.get(slug, process.id, language, signal));
  const [latest, setLatest] = useState<OversightCommittee | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('oversight.staffTitle')} lead={t('oversight.staffIntro')} />
      <SuccessNotice message={notice} />
      <Loaded resource={answer} errorTitle={t('oversight.loadError')}>
        {(loaded) => {
          const c = latest ?? loaded;
          const open = process.phase === 'formalization' && c.election === null;
          return (
            <>
              {process.phase !== 'formalization' && <p className="notice">{t('oversight.closed')}</p>}
              <CommitteeResult committee={c} />
              {open && <StandForm slug={slug} processId={process.id} standing={new Set(c.candidates.map((x) => x.agentId))}
                onDone={(next, name) => { setLatest(next); setNotice(t('oversight.stoodNotice', { name })); }} />}
              {open && c.candidates.length > 0 && <VotesForm slug={slug} processId={process.id} committee={c}
                onDone={(next) => { setLatest(next); setNotice(t('oversight.electedNotice')); }} />}
            </>
          );
        }}
      </Loaded>
    </article>
  );
}
