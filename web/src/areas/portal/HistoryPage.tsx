import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatPercent, formatSoles } from '../../lib/format';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { Loading } from '../../components/Status';
import { TableWrap } from '../../components/TableWrap';
import { ColumnChart } from '../../components/charts/ColumnChart';
import { participationApi } from '../participation/api';
import { portalApi } from './api';
import { OpenDataFiles } from './OpenDataFiles';

// Participation's own charts (the women's share over the years), from its chunk.
const ParticipationCharts = lazy(() => import('../participation/ParticipationCharts'));

/** A municipality over the years: its processes, the envelope in soles and as a share of the investment budget, participation, open data. */
export function HistoryPage() {
  const { slug = '' } = useParams();
  const { t, language } = useT();
  const detail = useResource(`municipality:${slug}`, (signal) => api.municipality(slug, signal));
  const history = useResource(`portal-history:${slug}`, (signal) => portalApi.history(slug, signal));
  const participation = useResource(`participation-history:${slug}:${language}`, (signal) => participationApi.participationHistory(slug, signal));
  const openData = useResource(`open-data:${slug}`, (signal) => portalApi.municipalityOpenData(slug, signal));
  const name = detail.status === 'ok' ? detail.data.municipality.name : '';
  useDocumentTitle(name ? t('portal.history.title', { name }) : null);
  const percent = (share: number | null) => (share === null ? '—' : formatPercent(share, language, 1));

  return (
    <Page eyebrow={name || undefined} title={t('portal.history.heading')} lead={t('portal.history.intro')}>
      <p>
        <Link to={`/m/${slug}`}>{t('portal.history.back', { name: name || slug })}</Link> · <Link to="/portal">{t('portal.history.national')}</Link>
      </p>
      <Loaded resource={history} errorTitle={t('portal.loadError')}>
        {({ processes }) =>
          processes.length === 0 ? (
            <p className="empty">{t('portal.history.none')}</p>
          ) : (
            <section aria-labelledby="envelope-title">
              <h2 id="envelope-title">{t('portal.history.envelopeTitle')}</h2>
              <ColumnChart
                id="chart-envelope-share"
                caption={t('portal.history.chartShare')}
                tableLabel={t('portal.tableOf', { chart: t('portal.history.chartShare') })}
                points={processes.map((p) => ({ key: p.id, label: String(p.fiscalYear), value: p.envelopeShare ?? 0 }))}
                format={(v) => formatPercent(v, language, 0)}
                columns={[t('portal.year'), t('portal.shareOfBudget'), t('portal.envelope'), t('portal.history.investment')]}
                extra={(key) => {
                  const p = processes.find((x) => x.id === key)!;
                  return [formatSoles(p.envelopeCents, language), formatSoles(p.investmentBudgetCents, language)];
                }}
              />
              <h3>{t('portal.history.processesTitle')}</h3>
              <TableWrap label={t('portal.history.processesTitle')}>
                <table className="table table-compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('portal.year')}</th>
                      <th scope="col">{t('portal.history.phase')}</th>
                      <th scope="col" className="num">{t('portal.envelope')}</th>
                      <th scope="col" className="num">{t('portal.shareOfBudget')}</th>
                      <th scope="col">{t('portal.history.pages')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...processes].reverse().map((p) => (
                      <tr key={p.id}>
                        <th scope="row">{p.fiscalYear}</th>
                        <td>{t(`phase.${p.phase}`)}</td>
                        <td className="num">{formatSoles(p.envelopeCents, language)}</td>
                        <td className="num">{percent(p.envelopeShare)}</td>
                        <td>
                          <Link to={`/m/${slug}/p/${p.id}`} aria-label={t('portal.history.processLabel', { year: p.fiscalYear })}>{t('portal.history.process')}</Link>
                          {' · '}
                          <Link to={`/m/${slug}/p/${p.id}/transparency`} aria-label={t('portal.history.proposalsLabel', { year: p.fiscalYear })}>{t('portal.history.proposals')}</Link>
                          {' · '}
                          <Link to={`/m/${slug}/p/${p.id}/participation`} aria-label={t('portal.history.participationLabel', { year: p.fiscalYear })}>{t('portal.history.participation')}</Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          )
        }
      </Loaded>
      {participation.status === 'ok' && (
        <Suspense fallback={<Loading />}>
          <ParticipationCharts figures={null} history={participation.data.years} />
        </Suspense>
      )}
      <section aria-labelledby="open-data-title">
        <h2 id="open-data-title">{t('portal.openData.title')}</h2>
        <p>{t('portal.openData.municipalityIntro')}</p>
        <Loaded resource={openData} errorTitle={t('portal.loadError')}>
          {(d) => (
            <>
              <p>
                <a className="button" href={d.bulkUrl} download>{t('portal.openData.bulk')}</a>
              </p>
              <OpenDataFiles files={d.files} schemaUrl={d.schemaUrl} />
            </>
          )}
        </Loaded>
      </section>
    </Page>
  );
}
