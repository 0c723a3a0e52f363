import { useState } from 'react';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import type { Coordination } from '../../lib/api-types';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { SuccessNotice } from '../../components/FormAlert';
import { ProjectSummary } from './ProjectSummary';
import { AgreementForm } from './AgreementForm';
import { ReachForm } from './ReachForm';
import { WithdrawAgreement } from './WithdrawAgreement';
import { coordinationApi } from './api';

/** Administrators' Coordination page: per project, its financing, the agreements (add, withdraw) and its reach. */
export function CoordinationStaffPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('coordination.staffTitle'));
  const answer = useResource(`coordination:${slug}:${process.id}:${language}`, (signal) => coordinationApi.get(slug, process.id, language, signal));
  const [latest, setLatest] = useState<Coordination | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = process.phase === 'coordination';
  const done = (message: string) => (c: Coordination) => { setLatest(c); setNotice(message); };
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('coordination.staffTitle')} lead={t('coordination.staffIntro')} />
      {!open && <p className="notice">{t('coordination.closed')}</p>}
      <SuccessNotice message={notice} />
      <Loaded resource={answer} errorTitle={t('coordination.loadError')}>
        {(loaded) => {
          const c = latest ?? loaded;
          if (c.projects.length === 0) return <p className="empty">{t('coordination.none')}</p>;
          return c.projects.map((p) => (
            <section key={p.proposalId} aria-labelledby={`project-${p.proposalId}`}>
              <ProjectSummary slug={slug} processId={process.id} project={p} thresholds={c.thresholds}
                actions={open ? (agreementId) => (
                  <WithdrawAgreement slug={slug} processId={process.id} agreementId={agreementId}
                    party={p.agreements.find((a) => a.id === agreementId)?.partyName ?? ''} onDone={done(t('coordination.withdrawnNotice'))} />
                ) : undefined} />
              {open && <AgreementForm slug={slug} processId={process.id} proposalId={p.proposalId} number={p.number} onDone={done(t('coordination.addedNotice', { number: p.number }))} />}
              {open && <ReachForm slug={slug} processId={process.id} project={p} onDone={done(t('coordination.reachNotice', { number: p.number }))} />}
            </section>
          ));
        }}
      </Loaded>
    </article>
  );
}
