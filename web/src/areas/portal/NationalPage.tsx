import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMorePages } from '../../lib/useMorePages';
import { formatNumber, formatPercent, formatSoles } from '../../lib/format';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { SearchField } from '../../components/SearchField';
import { SelectField } from '../../components/fields';
import { ShowMore } from '../../components/ShowMore';
import { TableWrap } from '../../components/TableWrap';
import { BarChart } from '../../components/charts/BarChart';
import { ColumnChart } from '../../components/charts/ColumnChart';
import { portalApi, type NationalView } from './api';

const PAGE = 25;

function useDebounced(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The national view: across municipalities, by region and province, how many run PB each year, their envelopes, the women's share. */
export function NationalPage() {
  const { t, language } = useT();
  useDocumentTitle(t('portal.national.title'));
  const [year, setYear] = useState('');
  const [region, setRegion] = useState('');
  const [province, setProvince] = useState('');
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim());
  const filters = { year: year ? Number(year) : undefined, region: region || undefined, province: province || undefined, q: search || undefined, limit: PAGE };
  const key = `${year}:${region}:${province}:${search}`;
  const view = useResource(`portal-national:${key}`, (signal) => portalApi.national(filters, signal));
  const more = useMorePages(key, view.status === 'ok' ? view.data.municipalities.rows : null,
    async (offset) => (await portalApi.national({ ...filters, offset })).municipalities.rows);

  const soles = (cents: number) => formatSoles(cents, language);
  const percent = (share: number | null) => (share === null ? '—' : formatPercent(share, language, 1));
  const data = view.status === 'ok' ? view.data : null;

  return (
    <Page title={t('portal.national.title')} lead={t('portal.national.intro')}>
      <form className="filters" role="search" aria-label={t('portal.filters')} onSubmit={(e) => e.preventDefault()}>
        <SearchField id="national-q" label={t('portal.national.search')} hint={t('portal.national.searchHint')} countId="national-count" value={q} onChange={setQ} />
        <SelectField
          id="national-year"
          label={t('portal.national.year')}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          placeholder={t('portal.national.latestYear')}
          options={(data?.years ?? []).map((y) => ({ value: String(y.fiscalYear), label: String(y.fiscalYear) })).reverse()}
        />
        <SelectField
          id="national-region"
          label={t('portal.national.region')}
          value={region}
          onChange={(e) => { setRegion(e.target.value); setProvince(''); }}
          placeholder={t('portal.national.allRegions')}
          options={(data?.places.regions ?? []).map((r) => ({ value: r.id, label: r.name }))}
        />
        {region && (
          <SelectField
            id="national-province"
            label={t('portal.national.province')}
            value={province}
            onChange={(e) => setProvince(e.target.value)}
            placeholder={t('portal.national.allProvinces')}
            options={(data?.places.provinces ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
      </form>

      <Loaded resource={view} errorTitle={t('portal.loadError')}>
        {(v) => (
          <>
            <YearsSection view={v} />
            <GroupsSection view={v} soles={soles} percent={percent} />
            <section aria-labelledby="municipalities-title">
              <h2 id="municipalities-title">{v.year === null ? t('portal.national.municipalities') : t('portal.national.municipalitiesOfYear', { year: v.year })}</h2>
              <p id="national-count" className="result-count" role="status">
                {t('portal.showing', { shown: more.visible.length, count: v.municipalities.total })}
              </p>
              {more.visible.length === 0 ? (
                <p className="empty">{t('portal.national.noMatch')}</p>
              ) : (
                <TableWrap label={t('portal.national.municipalities')}>
                  <table className="table table-compact">
                    <thead>
                      <tr>
                        <th scope="col">{t('portal.national.municipality')}</th>
                        <th scope="col">{t('portal.national.place')}</th>
                        <th scope="col" className="num">{t('portal.envelope')}</th>
                        <th scope="col" className="num">{t('portal.shareOfBudget')}</th>
                        <th scope="col" className="num">{t('portal.womenShare')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {more.visible.map((m) => (
                        <tr key={m.id}>
                          <th scope="row">
                            <Link to={`/m/${m.slug}/history`}>{m.name}</Link>
                          </th>
                          <td>{m.province.name}, {m.region.name}</td>
                          {m.process ? (
                            <>
                              <td className="num">{soles(m.process.envelopeCents)}</td>
                              <td className="num">{percent(m.process.envelopeShare)}</td>
                              <td className="num">{percent(m.process.womenShare)}</td>
                            </>
                          ) : (
                            <td colSpan={3}>{t('portal.national.noProcess')}</td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              )}
              <ShowMore shown={more.visible.length} total={v.municipalities.total} loading={more.loadingMore} error={more.moreError} onMore={() => void more.showMore()} />
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}

function YearsSection({ view }: { view: NationalView }) {
  const { t, language } = useT();
  const count = (n: number) => formatNumber(n, language);
  const withWomen = view.years.filter((y) => y.womenShare !== null);
  if (view.years.length === 0) return <p className="empty">{t('portal.national.noYears')}</p>;
  return (
    <section aria-labelledby="years-title">
      <h2 id="years-title">{t('portal.national.yearsTitle')}</h2>
      <BarChart
        id="chart-running"
        caption={t('portal.national.chartRunning')}
        categoryHeader={t('portal.year')}
        tableLabel={t('portal.tableOf', { chart: t('portal.national.chartRunning') })}
        series={[{ key: 'running', label: t('portal.national.running') }]}
        rows={view.years.map((y) => ({ key: String(y.fiscalYear), label: String(y.fiscalYear), values: [y.running] }))}
        format={count}
      />
      <BarChart
        id="chart-envelopes"
        caption={t('portal.national.envelopesTable')}
        categoryHeader={t('portal.year')}
        tableLabel={t('portal.tableOf', { chart: t('portal.national.envelopesTable') })}
        series={[{ key: 'envelope', label: t('portal.national.envelopesThousands') }]}
        // In thousands of soles, so the figure fits beside its bar on a phone.
        rows={view.years.map((y) => ({ key: String(y.fiscalYear), label: String(y.fiscalYear), values: [Math.round(y.envelopeCents / 100_000)] }))}
        format={count}
      />
      {withWomen.length > 0 && (
        <ColumnChart
          id="chart-national-women"
          caption={t('portal.national.chartWomen')}
          tableLabel={t('portal.tableOf', { chart: t('portal.national.chartWomen') })}
          points={withWomen.map((y) => ({ key: String(y.fiscalYear), label: String(y.fiscalYear), value: y.womenShare! }))}
          format={(v) => formatPercent(v, language, 0)}
          reference={0.5}
          referenceLabel={t('portal.half')}
          columns={[t('portal.year'), t('portal.womenShare'), t('portal.women'), t('portal.approved')]}
          extra={(key) => {
            const y = withWomen.find((x) => String(x.fiscalYear) === key)!;
            return [count(y.women), count(y.approved)];
          }}
        />
      )}
    </section>
  );
}

function GroupsSection({ view, soles, percent }: { view: NationalView; soles: (cents: number) => string; percent: (share: number | null) => string }) {
  const { t, language } = useT();
  if (view.year === null || view.groups.length === 0) return null;
  const caption = view.groupedBy === 'region' ? t('portal.national.byRegion', { year: view.year }) : t('portal.national.byProvince', { year: view.year });
  return (
    <section aria-labelledby="groups-title">
      <h2 id="groups-title">{caption}</h2>
      <BarChart
        id="chart-groups"
        caption={t('portal.national.chartGroups', { year: view.year })}
        categoryHeader={view.groupedBy === 'region' ? t('portal.national.region') : t('portal.national.province')}
        tableLabel={t('portal.tableOf', { chart: t('portal.national.chartGroups', { year: view.year }) })}
        series={[{ key: 'municipalities', label: t('portal.national.municipalitiesCount') }, { key: 'running', label: t('portal.national.running') }]}
        rows={view.groups.map((g) => ({ key: g.id, label: g.name, values: [g.municipalities, g.running] }))}
        format={(n) => formatNumber(n, language)}
      />
      <TableWrap label={t('portal.tableOf', { chart: caption })}>
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{view.groupedBy === 'region' ? t('portal.national.region') : t('portal.national.province')}</th>
              <th scope="col" className="num">{t('portal.national.running')}</th>
              <th scope="col" className="num">{t('portal.national.envelopes')}</th>
              <th scope="col" className="num">{t('portal.shareOfBudget')}</th>
              <th scope="col" className="num">{t('portal.womenShare')}</th>
            </tr>
          </thead>
          <tbody>
            {view.groups.map((g) => (
              <tr key={g.id}>
                <th scope="row">{g.name}</th>
                <td className="num">{t('portal.national.runningOf', { running: g.running, count: g.municipalities })}</td>
                <td className="num">{soles(g.envelopeCents)}</td>
                <td className="num">{percent(g.envelopeShare)}</td>
                <td className="num">{percent(g.womenShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
