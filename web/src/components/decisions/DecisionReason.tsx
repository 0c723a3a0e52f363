import { useT } from '../../i18n';
import type { RegistrationStatus } from '../../lib/api-types';

/** Once decided, the reason given (or that none was): shown to the applicant, the staff and the public registry. */
export function DecisionReason({ status, reason }: { status: RegistrationStatus; reason: string | null }) {
  const { t } = useT();
  if (status === 'pending') return null;
  return (
    <p className="entry-reason">
      {t('common.reason')}: {reason ?? t('registry.noReason')}
    </p>
  );
}
