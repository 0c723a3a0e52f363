import { Link } from 'react-router';
import { useT } from '../../i18n';
import { evaluationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { formatSoles } from '../../lib/format';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';

/** A member of the technical team's assigned proposals, each with where its evaluation stands. */
export function MyEvaluationsPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('staff.pages.myEvaluations'));
  const mine = useResource(`my-evaluations:${slug}:${process.id}`, (signal) => evaluationApi.mine(slug, process.id, signal));
  return (
    <Page title={t('staff.pages.myEvaluations')} lead={t('evaluation.mine.intro')}>
      <Loaded resource={mine} errorTitle={t('evaluation.loadError')}>
        {(m) => (
          <>
            {!m.open && <p className="notice">{t('evaluation.mine.closed')}</p>}
            {m.assignments.length === 0 ? (
              <p className="empty">{t('evaluation.mine.empty')}</p>
            ) : (
              <ul className="entry-list">
                {m.assignments.map((a) => (
                  <li key={a.proposal.id} className="entry">
                    <p className="entry-head">
                      <Link className="entry-name" to={`/m/${slug}/staff/p/${process.id}/evaluation/mine/${a.proposal.id}`}>
                        {t('evaluation.numbered', { number: a.proposal.number, title: a.proposal.title })}
                      </Link>{' '}
                      <span className={`badge ${a.status === 'finished' ? 'badge-approved' : 'badge-pending'}`}>{t(`evaluation.status.${a.status}`)}</span>
                    </p>
                    <p className="entry-meta">
                      {a.proposal.zone.name} · {formatSoles(a.proposal.costCents, language)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
