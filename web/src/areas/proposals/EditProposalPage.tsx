import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n';
import { proposalsApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { Loading } from '../../components/Status';
import { useProcessContext } from '../../lib/process-context';
import { ProposalForm, proposalValues } from './ProposalForm';
import { useProposalChoices } from './useProposalChoices';

/** Its authors change a proposal until the deadline: the change is a new version, and the earlier ones stay shown. */
export function EditProposalPage() {
  const { slug, process } = useProcessContext();
  const { proposalId = '' } = useParams();
  const { t } = useT();
  const navigate = useNavigate();
  useDocumentTitle(t('proposals.edit'));
  const proposal = useResource(`proposal-edit:${slug}:${proposalId}`, (signal) => proposalsApi.get(slug, process.id, proposalId, signal));
  const choices = useProposalChoices(slug);
  const page = `/m/${slug}/p/${process.id}/proposals/${proposalId}`;

  return (
    <Page eyebrow={<Link to={page}>{t('proposals.backToProposal')}</Link>} title={t('proposals.edit')}>
      <Loaded resource={proposal} errorTitle={t('proposals.loadOneError')}>
        {(p) =>
          !p.editable ? (
            <p className="notice">{t('proposalForm.notEditable')}</p>
          ) : !choices ? (
            <Loading />
          ) : (
            <ProposalForm
              initial={proposalValues(p)}
              zones={choices.zones}
              axes={choices.axes}
              slug={slug}
              submitLabel={t('proposalForm.saveVersion', { version: p.currentVersion + 1 })}
              reasonLabel={t('proposalForm.whatChanged')}
              onSubmit={async (body) => {
                await proposalsApi.edit(slug, process.id, p.id, body);
                void navigate(page);
              }}
              onCancel={() => void navigate(page)}
            />
          )
        }
      </Loaded>
    </Page>
  );
}
