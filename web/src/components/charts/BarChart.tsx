import type { ReactNode } from 'react';
import { COLOURS, ChartDrawing, ChartFigure, ChartTable, WIDTH } from './ChartParts';

interface Series {
  key: string;
  label: string;
}

interface Row {
  key: string;
  label: string;
  values: number[];
}

const LABEL_HEIGHT = 16;
const BAR_HEIGHT = 12;
const BAR_GAP = 3;
const ROW_GAP = 10;
const VALUE_ROOM = 44;

function Legend({ series }: { series: Series[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="chart-legend" aria-hidden="true">
      {series.map((s, i) => (
        <li key={s.key}>
          <span className="chart-swatch" style={{ background: COLOURS[i % COLOURS.length] }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** Horizontal grouped bars: one group per row (category), one bar per series. */
export function BarChart({
  id,
  caption,
  series,
  rows,
  format = (n) => String(n),
  categoryHeader,
  tableLabel,
  note,
}: {
  id: string;
  caption: string;
  series: Series[];
  rows: Row[];
  format?: (value: number) => string;
  categoryHeader: string;
  tableLabel: string;
  note?: ReactNode;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const groupHeight = LABEL_HEIGHT + series.length * (BAR_HEIGHT + BAR_GAP) + ROW_GAP;
  const barRoom = WIDTH - VALUE_ROOM;
  return (
    <ChartFigure id={id} caption={caption}>
      <Legend series={series} />
      <ChartDrawing height={rows.length * groupHeight}>
        {rows.map((row, r) => (
          <g key={row.key} transform={`translate(0 ${r * groupHeight})`}>
            <text x="0" y={LABEL_HEIGHT - 4} className="chart-label">
              {row.label}
            </text>
            {row.values.map((value, s) => {
              const y = LABEL_HEIGHT + s * (BAR_HEIGHT + BAR_GAP);
              const w = Math.max(value > 0 ? 2 : 0, (value / max) * barRoom);
              return (
                <g key={series[s]?.key ?? s}>
                  <rect x="0" y={y} width={w} height={BAR_HEIGHT} rx="2" fill={COLOURS[s % COLOURS.length]} />
                  <text x={w + 4} y={y + BAR_HEIGHT - 2} className="chart-value">
                    {format(value)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </ChartDrawing>
      {note}
      <ChartTable
        label={tableLabel}
        headers={[categoryHeader, ...series.map((s) => s.label)]}
        rows={rows.map((row) => ({ key: row.key, label: row.label, cells: row.values.map(format) }))}
      />
    </ChartFigure>
  );
}
