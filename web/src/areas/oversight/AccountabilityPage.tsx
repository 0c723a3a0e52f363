import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { formatPercent, formatSoles } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { oversightApi } from './api';

const STATE_BADGE = { done: 'badge-approved', in_progress: 'badge-pending', not_started: 'badge-pending', cancelled: 'badge-rejected' } as const;

/**
 * The account of past agreements (rendición de cuentas) given at a year's opening: every year of the municipality's
 * participatory budget whose projects are tracked, each project done, in progress, not started or cancelled, with why.
 */
export function AccountabilityPage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  useDocumentTitle(t('vigilance.accountTitle'));
  const answer = useResource(`accountability:${slug}:${language}`, (signal) => oversightApi.accountability(slug, language, signal));
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('vigilance.accountTitle')} lead={t('vigilance.accountIntro')} />
      <Loaded resource={answer} errorTitle={t('vigilance.loadError')}>
        {(a) => (
          <>
            <p><a href={`${a.pdfUrl}?lang=${language}`}>{t('vigilance.accountPdf')}</a></p>
            {a.years.length === 0 && <p className="empty">{t('vigilance.accountEmpty')}</p>}
            {a.years.map((y) => (
              <section key={y.processId} aria-labelledby={`account-${y.processId}`}>
                <h2 id={`account-${y.processId}`}>{t('vigilance.accountYear', { year: y.fiscalYear })}</h2>
                <p className="result-count">{t('vigilance.accountCounts', { done: y.counts.done, inProgress: y.counts.in_progress, notStarted: y.counts.not_started, cancelled: y.counts.cancelled })}</p>
                <ul className="entry-list">
                  {y.projects.map((p) => (
                    <li key={p.id} className="entry">
                      <p className="entry-head"><span className="entry-name">{t('vigilance.numbered', { number: p.number, title: p.title })}</span></p>
                      <p className="entry-meta">
                        <span className={`badge ${STATE_BADGE[p.state]}`}>{t(`vigilance.state.${p.state}`)}</span>{' '}
                        {t('vigilance.accountProgress', { physical: formatPercent(p.physicalPercent / 100, language, 1), cost: formatSoles(p.costCents, language) })}
                      </p>
                      {p.reason && <p className="entry-meta">{t('vigilance.because', { reason: p.reason })}</p>}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </Loaded>
    </article>
  );
}
