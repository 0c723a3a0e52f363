import { useT } from '../../i18n';
import type { Proposal } from '../../lib/api-types';
import { ReasonAction } from '../../components/ReasonAction';
import { proposalsApi } from './api';

/** Its authors withdraw a proposal, saying why; it stays published, marked withdrawn. */
export function WithdrawProposal({ slug, proposal, onDone }: { slug: string; proposal: Proposal; onDone(p: Proposal): void }) {
  const { t } = useT();
  return (
    <ReasonAction
      id="withdraw-reason"
      openLabel={t('proposals.withdraw')}
      label={t('proposals.withdrawReason')}
      confirmLabel={t('proposals.withdrawConfirm', { number: proposal.number })}
      problem={(reason) => (reason.trim().length < 3 ? t('proposals.withdrawReasonError') : null)}
      act={async (reason) => onDone(await proposalsApi.withdraw(slug, proposal.processId, proposal.id, reason))}
    />
  );
}
