import { useT } from '../../i18n';
import type { Agent } from '../../lib/api-types';

/** A registration as the person sent it. */
export function AgentDetails({ agent }: { agent: Agent }) {
  const { t } = useT();
  return (
    <dl className="details">
      <dt>{t('agentForm.dni')}</dt>
      <dd>{agent.dni}</dd>
      <dt>{t('agentForm.fullName')}</dt>
      <dd>{agent.fullName}</dd>
      <dt>{t('agentForm.sex')}</dt>
      <dd>{t(`sex.${agent.sex}`)}</dd>
      <dt>{t('agentForm.ageBand')}</dt>
      <dd>{t(`ageBand.${agent.ageBand}`)}</dd>
      <dt>{t('agentForm.zone')}</dt>
      <dd>{agent.zone.name}</dd>
      <dt>{t('agentForm.phone')}</dt>
      <dd>{agent.phone ?? t('account.notProvided')}</dd>
      <dt>{t('agentForm.email')}</dt>
      <dd>{agent.email ?? t('account.notProvided')}</dd>
      <dt>{t('agentForm.organization')}</dt>
      <dd>
        {agent.organization?.name ?? t('agentForm.notDelegate')}
        {agent.organization && agent.delegateRole && <> ({t(`agentForm.delegateRoles.${agent.delegateRole}`)})</>}
      </dd>
    </dl>
  );
}
