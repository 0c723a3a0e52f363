import { Link } from 'react-router';
import { useT } from '../../i18n';
import type { Organization } from '../../lib/api-types';
import { StatusBadge } from '../../components/Badges';
import { DecisionReason } from '../../components/decisions/DecisionReason';

/** An organization one registered: its status and the decision's reason, and a link to correct it while pending. */
export function OrganizationItem({ org, editLink }: { org: Organization; editLink: string | null }) {
  const { t } = useT();
  return (
    <li className="entry">
      <p className="entry-head">
        <span className="entry-name">{org.name}</span> <StatusBadge status={org.status} />
      </p>
      <p className="entry-meta">
        {t('registry.orgMeta', { type: t(`organization.type.${org.type}`), number: org.registryNumber, zone: org.zone.name })}
      </p>
      <DecisionReason status={org.status} reason={org.decisionReason} />
      {editLink && (
        <p>
          <Link to={editLink}>{t('myRegistration.editOrg', { name: org.name })}</Link>
        </p>
      )}
    </li>
  );
}
