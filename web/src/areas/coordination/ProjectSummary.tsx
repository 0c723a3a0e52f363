import { Link } from 'react-router';
import { useT } from '../../i18n';
import { formatDate, formatSoles } from '../../lib/format';
import type { Coordination } from '../../lib/api-types';
import { fileUrl } from '../../lib/paths';
import { FinancingTable } from './FinancingTable';

type Project = Coordination['projects'][number];

/** One project of Coordination: its place in the list, reach, agreements and financing table. */
export function ProjectSummary({ slug, processId, project: p, thresholds, actions }: {
  slug: string; processId: string; project: Project; thresholds: Coordination['thresholds']; actions?: (agreementId: string) => React.ReactNode;
}) {
  const { t, language } = useT();
  return (
    <>
      <h2 id={`project-${p.proposalId}`}>
        <Link to={`/m/${slug}/p/${processId}/proposals/${p.proposalId}`}>{t('coordination.numbered', { number: p.number, title: p.title })}</Link>
      </h2>
      <p>
        <strong className={`badge badge-${p.status}`}>{t(`coordination.status.${p.status}`)}</strong>
        {' · '}{p.zoneName}
        {' · '}{t('coordination.reachLine', { reach: t(`coordination.reachValue.${p.reach}`) })}
      </p>
      {p.reachSet && <p className="muted">{t('coordination.reachWhy', { reason: p.reachSet.reason, name: p.reachSet.setByName })}</p>}
      {p.reachAllowedByCost !== 'district' && (
        <p className="muted">{t('coordination.reachHint', {
          reach: t(`coordination.reachValue.${p.reachAllowedByCost}`), provincial: formatSoles(thresholds.provincialMinCents, language), regional: formatSoles(thresholds.regionalMinCents, language),
        })}</p>
      )}
      <FinancingTable project={p} />
      {p.agreements.length > 0 && (
        <>
          <h3>{t('coordination.agreementsOf', { number: p.number })}</h3>
          <ul className="entry-list">
            {p.agreements.map((a) => (
              <li key={a.id} className="entry">
                <p>
                  <strong>{a.partyName}</strong> ({t(`coordination.partyKind.${a.partyKind}`)}) · {formatSoles(a.amountCents, language)} · {t(`coordination.contributionValue.${a.contribution}`)}
                  {' · '}{t('coordination.signedOn', { date: formatDate(a.signedOn, language) })}
                  {a.withdrawal && <> · <strong className="badge badge-withdrawn">{t('coordination.withdrawn')}</strong></>}
                </p>
                <p className="prewrap">{a.conditions}</p>
                <p><a href={fileUrl(slug, a.documentFileId)}>{t('coordination.document', { party: a.partyName })}</a></p>
                {a.withdrawal && <p className="muted">{t('coordination.withdrawnWhy', { reason: a.withdrawal.reason, name: a.withdrawal.byName })}</p>}
                {!a.withdrawal && actions?.(a.id)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
