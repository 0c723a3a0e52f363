import { useT } from '../../i18n';
import type { Coordination } from '../../lib/api-types';
import { ReasonAction } from '../../components/ReasonAction';
import { reasonProblem } from '../../components/ReasonField';
import { coordinationApi } from './api';

/** An administrator withdraws an agreement, saying why; it stays on record, marked withdrawn. */
export function WithdrawAgreement({ slug, processId, agreementId, party, onDone }: { slug: string; processId: string; agreementId: string; party: string; onDone(c: Coordination): void }) {
  const { t } = useT();
  return (
    <ReasonAction
      id={`withdraw-${agreementId}`}
      openLabel={t('coordination.withdraw', { party })}
      label={t('coordination.withdrawReason')}
      confirmLabel={t('coordination.withdrawConfirm', { party })}
      problem={(reason) => reasonProblem(reason, t)}
      act={async (reason) => onDone(await coordinationApi.withdraw(slug, processId, agreementId, reason))}
    />
  );
}
