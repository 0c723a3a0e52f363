import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { proposalsApi } from './api';
import { registrationApi } from '../registration/api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import type { Proposal } from '../../lib/api-types';
import { Page } from '../../components/PageHeader';
import { Loading } from '../../components/Status';
import { SelectField } from '../../components/fields';
import { SuccessNotice } from '../../components/FormAlert';
import { ProposalForm, emptyProposal } from './ProposalForm';
import { useProposalChoices } from './useProposalChoices';

/** Staff type in a proposal brought on paper, on behalf of an approved agent (or of the organization they represent). */
export function PaperProposalPage() {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  useDocumentTitle(t('staff.pages.paperProposals'));
  const agents = useResource(`approved-agents:${slug}:${process.id}`, (signal) => registrationApi.agents(slug, process.id, { status: 'approved', limit: 500 }, signal));
  const choices = useProposalChoices(slug);
  const [agentId, setAgentId] = useState('');
  const [forOrganization, setForOrganization] = useState(false);
  const [saved, setSaved] = useState<Proposal | null>(null);
  const [formKey, setFormKey] = useState(0);
  const list = agents.status === 'ok' ? agents.data.agents : [];
  const chosen = list.find((a) => a.id === agentId);

  return (
    <Page title={t('staff.pages.paperProposals')} lead={t('paperProposal.intro')}>
      <SuccessNotice message={saved ? t('paperProposal.saved', { number: saved.number, title: saved.current.title }) : null} />
      {saved && (
        <p>
          <Link to={`/m/${slug}/p/${process.id}/proposals/${saved.id}`}>{t('paperProposal.open', { number: saved.number })}</Link>
        </p>
      )}
      {!choices || agents.status !== 'ok' ? (
        <Loading />
      ) : (
        <ProposalForm
          key={formKey}
          initial={emptyProposal}
          zones={choices.zones}
          axes={choices.axes}
          slug={slug}
          submitLabel={t('paperProposal.submit')}
          reasonLabel={t('paperProposal.note')}
          before={
            <>
              <SelectField id="p-agent" data-field="agentId" label={t('paperProposal.agent')} hint={t('paperProposal.agentHint')} value={agentId}
                onChange={(e) => { setAgentId(e.target.value); setForOrganization(false); }} placeholder={t('common.choose')}
                options={list.map((a) => ({ value: a.id, label: a.organization ? `${a.fullName} (${a.organization.name})` : a.fullName }))} required />
              {chosen?.organization && (
                <div className="field">
                  <label className="checkbox" htmlFor="p-for-org">
                    <input id="p-for-org" type="checkbox" data-field="onBehalfOfOrganization" checked={forOrganization} onChange={(e) => setForOrganization(e.target.checked)} />{' '}
                    {t('proposalForm.forOrganization', { org: chosen.organization.name })}
                  </label>
                </div>
              )}
            </>
          }
          onSubmit={async (body) => {
            const p = await proposalsApi.registerPaper(slug, process.id, { ...body, agentId, ...(forOrganization ? { onBehalfOfOrganization: true } : {}) });
            setSaved(p);
            setAgentId('');
            setForOrganization(false);
            setFormKey((k) => k + 1);
          }}
        />
      )}
    </Page>
  );
}
