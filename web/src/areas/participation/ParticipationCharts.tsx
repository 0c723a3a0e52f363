import { useT } from '../../i18n';
import { formatNumber, formatPercent } from '../../lib/format';
import type { Breakdown, Participation, ParticipationYear } from '../../lib/api-types';
import { BarChart } from '../../components/charts/BarChart';
import { ColumnChart } from '../../components/charts/ColumnChart';

/** The participation charts (inline SVG with their tables), in a chunk of their own. */
export default function ParticipationCharts({ figures, history }: { figures: Participation | null; history: ParticipationYear[] | null }) {
  const { t, language } = useT();
  const series = [
    { key: 'registered', label: t('participation.registered') },
    { key: 'approved', label: t('participation.approved') },
  ];
  const rows = (list: Breakdown[]) => list.map((r) => ({ key: r.key, label: r.label, values: [r.registered, r.approved] }));
  const count = (n: number) => formatNumber(n, language);
  const charts = figures
    ? ([
        ['sex', figures.bySex],
        ['age', figures.byAgeBand],
        ['zone', figures.byZone],
        ['organization', figures.byOrganizationType],
      ] as const)
    : [];
  const years = (history ?? []).filter((y) => y.womenShareOfApproved !== null);

  return (
    <>
      {charts.length > 0 && (
        <section aria-labelledby="by-title">
          <h2 id="by-title">{t('participation.byTitle')}</h2>
          {charts.map(([key, list]) => (
            <BarChart
              key={key}
              id={`chart-${key}`}
              caption={t(`participation.chart.${key}`)}
              categoryHeader={t(`participation.category.${key}`)}
              tableLabel={t('participation.tableOf', { chart: t(`participation.chart.${key}`) })}
              series={series}
              rows={rows(list)}
              format={count}
            />
          ))}
        </section>
      )}
      {history && (
        <section aria-labelledby="years-title">
          <h2 id="years-title">{t('participation.yearsTitle')}</h2>
          {years.length === 0 ? (
            <p className="empty">{t('participation.noHistory')}</p>
          ) : (
            <>
              <p>
                {years.length > 1 &&
                  t('participation.trend', {
                    from: formatPercent(years[0]!.womenShareOfApproved!, language, 0),
                    fromYear: years[0]!.fiscalYear,
                    to: formatPercent(years[years.length - 1]!.womenShareOfApproved!, language, 0),
                    toYear: years[years.length - 1]!.fiscalYear,
                  })}
              </p>
              <ColumnChart
                id="chart-women-share"
                caption={t('participation.chart.womenShare')}
                tableLabel={t('participation.tableOf', { chart: t('participation.chart.womenShare') })}
                points={years.map((y) => ({ key: y.processId, label: String(y.fiscalYear), value: y.womenShareOfApproved! }))}
                format={(v) => formatPercent(v, language, 0)}
                reference={0.5}
                referenceLabel={t('participation.halfLine')}
                columns={[t('participation.year'), t('participation.womenShare'), t('participation.women'), t('participation.men'), t('participation.approved')]}
                extra={(key) => {
                  const y = years.find((x) => x.processId === key)!;
                  return [count(y.women), count(y.men), count(y.approved)];
                }}
              />
            </>
          )}
        </section>
      )}
    </>
  );
}
