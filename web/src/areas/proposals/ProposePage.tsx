import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { proposalsApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { formatDate } from '../../lib/format';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { Loading } from '../../components/Status';
import { useProcessContext } from '../../lib/process-context';
import { SignInFirst } from '../registration/SignInFirst';
import { ProposalForm, emptyProposal } from './ProposalForm';
import { useProposalChoices } from './useProposalChoices';

/** An approved agent proposes a project, in their own name or their organization's; it is public at once. */
export function ProposePage() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  const session = useSession();
  useDocumentTitle(t('proposals.propose'));
  if (session.status === 'loading') return <Loading />;
  return (
    <Page eyebrow={process.name} title={t('proposals.propose')}>
      {session.user ? <ProposeForUser key={session.user.id} slug={slug} processId={process.id} /> : <SignInFirst lead />}
    </Page>
  );
}

function ProposeForUser({ slug, processId }: { slug: string; processId: string }) {
  const { t, language } = useT();
  const navigate = useNavigate();
  const mine = useResource(`my-proposals:${slug}:${processId}`, (signal) => proposalsApi.mine(slug, processId, signal));
  const choices = useProposalChoices(slug);
  const [forOrganization, setForOrganization] = useState(false);

  return (
    <Loaded resource={mine} errorTitle={t('proposals.loadError')}>
      {(m) =>
        !m.open ? (
          <p className="notice">{t('proposals.closed')}</p>
        ) : !m.agent ? (
          <p className="notice">{t('proposalForm.notApproved')}</p>
        ) : !choices ? (
          <Loading />
        ) : (
          <>
            <p className="lead">{t('proposalForm.intro', { date: formatDate(m.proposalDeadline, language) })}</p>
            <ProposalForm
              initial={emptyProposal}
              zones={choices.zones}
              axes={choices.axes}
              slug={slug}
              submitLabel={t('proposalForm.submit')}
              reasonLabel={t('proposalForm.note')}
              before={
                m.organization && (
                  <div className="field">
                    <label className="checkbox" htmlFor="p-for-org">
                      <input id="p-for-org" type="checkbox" data-field="onBehalfOfOrganization" checked={forOrganization} onChange={(e) => setForOrganization(e.target.checked)} />{' '}
                      {t('proposalForm.forOrganization', { org: m.organization.name })}
                    </label>
                  </div>
                )
              }
              onSubmit={async (body) => {
                const p = await proposalsApi.submit(slug, processId, { ...body, ...(forOrganization ? { onBehalfOfOrganization: true } : {}) });
                void navigate(`/m/${slug}/p/${processId}/proposals/${p.id}`);
              }}
            />
          </>
        )
      }
    </Loaded>
  );
}
