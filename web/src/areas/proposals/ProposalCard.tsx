import { Link } from 'react-router';
import { useT } from '../../i18n';
import { formatNumber, formatSoles } from '../../lib/format';
import type { ProposalSummary } from '../../lib/api-types';

/** One proposal in the list: number and title (the link), zone, axis, cost, co-financing, who proposed it. */
export function ProposalCard({ proposal: p, to }: { proposal: ProposalSummary; to: string }) {
  const { t, language } = useT();
  return (
    <li className="entry">
      <p className="entry-head">
        <Link className="entry-name" to={to}>
          {t('proposals.numbered', { number: p.number, title: p.current.title })}
        </Link>{' '}
        {p.status === 'withdrawn' && <span className="badge">{t('proposals.statuses.withdrawn')}</span>}
      </p>
      <p className="entry-meta">
        {p.current.zone.name} · {p.current.axis.code} {p.current.axis.name}
      </p>
      <p className="entry-meta">
        {t('proposals.costLine', {
          cost: formatSoles(p.current.costCents, language),
          cofinancing: formatSoles(p.cofinancingCents, language),
          people: formatNumber(p.current.beneficiariesCount, language),
        })}
      </p>
      <p className="entry-meta muted">
        {p.author.organization ? t('proposals.byOrganization', { org: p.author.organization.name, name: p.author.agent.fullName }) : t('proposals.by', { name: p.author.agent.fullName })}
      </p>
    </li>
  );
}
