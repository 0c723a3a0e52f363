import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { proposalsApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { formatDate, formatDateTime, formatNumber, formatSoles } from '../../lib/format';
import type { ProposalVersion } from '../../lib/api-types';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { useProcessContext } from '../../lib/process-context';
import { FileLinks } from '../files/FileLinks';
import { PledgeTable } from './PledgeTable';
import { WithdrawProposal } from './WithdrawProposal';
import { ProposalEvaluation } from '../evaluation/ProposalEvaluation';

/** One proposal: what it proposes and why, its cost and co-financing, its attachments, and every version. */
export function ProposalPage() {
  const { slug, process } = useProcessContext();
  const { proposalId = '' } = useParams();
  const { t, language } = useT();
  const session = useSession();
  const proposal = useResource(`proposal:${slug}:${proposalId}:${session.user?.id ?? ''}`, (signal) => proposalsApi.get(slug, process.id, proposalId, signal));
  const title = proposal.status === 'ok' ? t('proposals.numbered', { number: proposal.data.number, title: proposal.data.current.title }) : t('proposals.title');
  useDocumentTitle(title);
  const back = <Link to={`/m/${slug}/p/${process.id}/proposals`}>{t('proposals.title')}</Link>;

  return (
    <Page eyebrow={back} title={title}>
      <Loaded resource={proposal} errorTitle={t('proposals.loadOneError')}>
        {(p) => (
          <>
            <p className="lead">
              {p.author.organization ? t('proposals.byOrganization', { org: p.author.organization.name, name: p.author.agent.fullName }) : t('proposals.by', { name: p.author.agent.fullName })}
              {' · '}
              {t(p.source === 'paper' ? 'proposals.submittedPaper' : 'proposals.submittedOnline', { date: formatDateTime(p.submittedAt, language) })}
            </p>
            {p.status === 'withdrawn' && <p className="notice">{t('proposals.withdrawnNotice')}</p>}
            {p.editable && (
              <>
                <p className="muted">{t('proposals.editableUntil', { date: formatDate(p.proposalDeadline, language) })}</p>
                <div className="actions">
                  <Link className="button" to={`/m/${slug}/p/${process.id}/proposals/${p.id}/edit`}>
                    {t('proposals.edit')}
                  </Link>
                  <WithdrawProposal slug={slug} proposal={p} onDone={() => proposal.reload()} />
                </div>
              </>
            )}
            <VersionBody version={p.current} slug={slug} headingLevel={2} />
            <ProposalEvaluation slug={slug} processId={process.id} proposalId={p.id} />
            <section aria-labelledby="versions-title">
              <h2 id="versions-title">{t('proposals.versions')}</h2>
              <ol className="entry-list" reversed>
                {p.versions.map((v) => (
                  <li key={v.version} className="entry">
                    <details open={false}>
                      <summary>
                        {t('proposals.versionLine', { version: v.version, date: formatDateTime(v.createdAt, language), name: v.createdByName })}
                        {v.version === p.currentVersion && ` · ${t('proposals.currentVersion')}`}
                      </summary>
                      {v.reason && (
                        <p>
                          {t('common.reason')}: {v.reason}
                        </p>
                      )}
                      <VersionBody version={v} slug={slug} headingLevel={3} />
                    </details>
                  </li>
                ))}
              </ol>
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}

function VersionBody({ version: v, slug, headingLevel }: { version: ProposalVersion; slug: string; headingLevel: 2 | 3 }) {
  const { t, language } = useT();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="proposal-body">
      <dl className="details">
        <dt>{t('proposals.zone')}</dt>
        <dd>{v.zone.name}</dd>
        <dt>{t('proposals.axis')}</dt>
        <dd>
          {v.axis.code} · {v.axis.name}
        </dd>
        <dt>{t('proposals.objective')}</dt>
        <dd>
          {v.objective.code} · {v.objective.title}
        </dd>
        <dt>{t('proposals.cost')}</dt>
        <dd>{formatSoles(v.costCents, language)}</dd>
        <dt>{t('proposals.beneficiaries')}</dt>
        <dd>
          {formatNumber(v.beneficiariesCount, language)} · {v.beneficiaryGroups}
        </dd>
        <dt>{t('proposals.location')}</dt>
        <dd>{v.location}</dd>
      </dl>
      <H>{t('proposals.description')}</H>
      <p className="prewrap">{v.description}</p>
      <H>{t('proposals.problem')}</H>
      <p className="prewrap">{v.problem}</p>
      <H>{t('proposals.pledges')}</H>
      {v.pledges.length === 0 ? <p className="empty">{t('proposals.noPledges')}</p> : <PledgeTable pledges={v.pledges} costCents={v.costCents} label={headingLevel === 2 ? t('proposals.pledges') : t('proposals.pledgesOfVersion', { version: v.version })} />}
      {v.attachments.length > 0 && (
        <>
          <H>{t('proposals.attachments')}</H>
          <FileLinks slug={slug} files={v.attachments} />
        </>
      )}
    </div>
  );
}
