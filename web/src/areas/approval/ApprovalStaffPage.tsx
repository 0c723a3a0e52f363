import { useState } from 'react';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import type { ApprovalChain } from '../../lib/api-types';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { SuccessNotice } from '../../components/FormAlert';
import { AmendForm } from './AmendForm';
import { AnswerForm } from './AnswerForm';
import { ChainStepper } from './ChainStepper';
import { CodeForm } from './CodeForm';
import { Downloads } from './Downloads';
import { FormalList } from './FormalList';
import { SessionForm } from './SessionForm';
import { SessionList } from './SessionList';
import { approvalApi } from './api';

/**
 * Staff's page of the approval chain: the steps (done, next), the form for what comes next (a session of the CCL or
 * the council, or the answer to observations), investment codes, amendments once formalized, and the downloads.
 */
export function ApprovalStaffPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('approval.staffTitle'));
  const answer = useResource(`approval:${slug}:${process.id}:${language}`, (signal) => approvalApi.get(slug, process.id, language, signal));
  const [latest, setLatest] = useState<ApprovalChain | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => (c: ApprovalChain) => { setLatest(c); setNotice(message); };
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('approval.staffTitle')} lead={t('approval.staffIntro')} />
      <SuccessNotice message={notice} />
      <Loaded resource={answer} errorTitle={t('approval.loadError')}>
        {(loaded) => {
          const c = latest ?? loaded;
          const inFormalization = c.process.phase === 'formalization';
          const amendable = inFormalization || c.process.phase === 'execution';
          const returned = c.step.endsWith('returned') ? [...c.sessions].reverse().find((s) => s.decision === 'returned' && s.answer === null) ?? null : null;
          return (
            <>
              <ChainStepper chain={c} />
              {c.step !== 'formalized' && c.voteClosed && <p className="notice">{t('approval.next', { step: c.stepText })}</p>}
              {!c.voteClosed && <p className="notice">{t('approval.noListYet')}</p>}
              {c.voteClosed && !inFormalization && c.step !== 'formalized' && <p className="notice">{t('approval.closed')}</p>}
              {c.voteClosed && inFormalization && returned && (
                <AnswerForm slug={slug} processId={process.id} returned={returned} onDone={done(t('approval.answeredNotice'))} />
              )}
              {c.voteClosed && inFormalization && !returned && c.nextBody && (
                <SessionForm key={`${c.nextBody}-${c.sessions.length}`} slug={slug} processId={process.id} body={c.nextBody}
                  onDone={(next) => done(next.step === 'formalized' ? t('approval.formalizedNotice') : t('approval.sessionNotice'))(next)} />
              )}
              <Downloads chain={c} />
              <SessionList chain={c} />
              <FormalList chain={c} />
              {c.voteClosed && amendable && (
                <CodeForm slug={slug} processId={process.id} chain={c} onDone={(next, number) => done(t('approval.codeNotice', { number }))(next)} />
              )}
              {c.formalized && amendable && <AmendForm slug={slug} processId={process.id} chain={c} onDone={done(t('approval.amendedNotice'))} />}
            </>
          );
        }}
      </Loaded>
    </article>
  );
}
