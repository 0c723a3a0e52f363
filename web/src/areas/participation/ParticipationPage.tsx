import { lazy, Suspense } from 'react';
import { useT } from '../../i18n';
import { participationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatInstantDate, formatNumber } from '../../lib/format';
import { ErrorNotice, Loading } from '../../components/Status';
import { useProcessContext } from '../../lib/process-context';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';

// The charts are drawn by their own chunk, fetched only when this section has its figures.
const ParticipationCharts = lazy(() => import('./ParticipationCharts'));

/** Who takes part: the figures of this process, and the women's share across the years. */
export function ParticipationPage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  useDocumentTitle(t('participation.title'));
  // The server labels the categories in the request language: load again when the language changes.
  const figures = useResource(`participation:${slug}:${process.id}:${language}`, (signal) => participationApi.participation(slug, process.id, signal));
  const history = useResource(`participation-history:${slug}:${language}`, (signal) => participationApi.participationHistory(slug, signal));

  return (
    <Page eyebrow={process.name} title={t('participation.title')} lead={t('participation.intro')}>
      <Loaded resource={figures} errorTitle={t('participation.loadError')}>
        {(data) => (
          <section aria-labelledby="totals-title">
            <h2 id="totals-title">{t('participation.totalsTitle')}</h2>
            <dl className="stat-grid">
              {(
                [
                  ['registered', data.totals.registered],
                  ['approved', data.totals.approved],
                  ['pending', data.totals.pending],
                  ['rejected', data.totals.rejected],
                  ['trained', data.totals.trained],
                  ['inWorkshops', data.totals.inWorkshops],
                  ['organizationsApproved', data.totals.organizationsApproved],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="stat">
                  <dt>{t(`participation.totals.${key}`)}</dt>
                  <dd>{formatNumber(value, language)}</dd>
                </div>
              ))}
            </dl>
            <p className="muted">
              {t('participation.asOf', { date: formatInstantDate(data.generatedAt, language) })}{' '}
              {t('participation.definitions')}
            </p>
          </section>
        )}
      </Loaded>
      {(figures.status === 'ok' || history.status === 'ok') && (
        <Suspense fallback={<Loading />}>
          <ParticipationCharts
            figures={figures.status === 'ok' ? figures.data : null}
            history={history.status === 'ok' ? history.data.years : null}
          />
        </Suspense>
      )}
      {history.status === 'error' && (
        <ErrorNotice title={t('participation.historyError')} onRetry={history.reload}>
          <p>{history.error.message}</p>
        </ErrorNotice>
      )}
    </Page>
  );
}
