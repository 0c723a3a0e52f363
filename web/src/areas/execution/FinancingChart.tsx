import { useT } from '../../i18n';
import { formatSoles } from '../../lib/format';
import type { ExecutionProject } from '../../lib/api-types';
import { COLOURS, ChartDrawing, ChartFigure, ChartTable, WIDTH } from '../../components/charts/ChartParts';

const LABEL_HEIGHT = 16;
const BAR_HEIGHT = 12;
const BAR_GAP = 3;
const ROW_GAP = 10;
/** Room for an amount in soles beside its bar ("S/ 140,000.00" at the chart's value size). */
const VALUE_ROOM = 84;

/**
 * A project's financing by source: for each source a bar of what was budgeted and one of what was executed, and the
 * same amounts as a table (the text alternative). Drawn with the shared chart parts; the shared bar chart leaves too
 * little room beside its bars for amounts in soles.
 */
export function FinancingChart({ project: p, label }: { project: ExecutionProject; label: (line: ExecutionProject['lines'][number]) => string }) {
  const { t, language } = useT();
  const series = [t('execution.budgeted'), t('execution.executed')];
  const rows = p.lines.map((l) => ({ key: l.code, label: label(l), values: [l.budgetedCents, l.executedCents] }));
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const groupHeight = LABEL_HEIGHT + series.length * (BAR_HEIGHT + BAR_GAP) + ROW_GAP;
  const barRoom = WIDTH - VALUE_ROOM;
  return (
    <ChartFigure id={`financing-${p.id}`} caption={t('execution.financingOf', { number: p.number })}>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s}><span className="chart-swatch" style={{ background: COLOURS[i % COLOURS.length] }} />{s}</li>
        ))}
      </ul>
      <ChartDrawing height={rows.length * groupHeight}>
        {rows.map((row, r) => (
          <g key={row.key} transform={`translate(0 ${r * groupHeight})`}>
            <text x="0" y={LABEL_HEIGHT - 4} className="chart-label">{row.label}</text>
            {row.values.map((value, s) => {
              const y = LABEL_HEIGHT + s * (BAR_HEIGHT + BAR_GAP);
              const w = Math.max(value > 0 ? 2 : 0, (value / max) * barRoom);
              return (
                <g key={series[s]}>
                  <rect x="0" y={y} width={w} height={BAR_HEIGHT} rx="2" fill={COLOURS[s % COLOURS.length]} />
                  <text x={w + 4} y={y + BAR_HEIGHT - 2} className="chart-value">{formatSoles(value, language)}</text>
                </g>
              );
            })}
          </g>
        ))}
      </ChartDrawing>
      <ChartTable label={t('execution.financingTable')} headers={[t('execution.sourceHeader'), ...series]}
        rows={rows.map((row) => ({ key: row.key, label: row.label, cells: row.values.map((v) => formatSoles(v, language)) }))} />
    </ChartFigure>
  );
}
