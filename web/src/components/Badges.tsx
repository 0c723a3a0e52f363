import { useT } from '../i18n';
import type { QuotaState, RegistrationStatus } from '../lib/api-types';

/** A registration's status in words, with a colour that only repeats what the words say. */
export function StatusBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useT();
  return <span className={`badge badge-${status}`}>{t(`registration.status.${status}`)}</span>;
}

export function QuotaBadge({ status }: { status: QuotaState }) {
  const { t } = useT();
  return <span className={`badge badge-quota-${status}`}>{t(`quota.state.${status}`)}</span>;
}
