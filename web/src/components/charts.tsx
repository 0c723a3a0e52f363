import type { ReactNode } from 'react';
import { TableWrap } from './TableWrap';

/**
 * Small bar charts drawn as inline SVG (no chart library is installed, and none is needed for this). Each chart is a
 * <figure> whose <figcaption> names it; the drawing is hidden from assistive technology and the table below it,
 * with the same numbers, is the text alternative for everyone. Loaded lazily, only by the participation section.
 */
export interface Series {
  key: string;
  label: string;
}

export interface Row {
  key: string;
  label: string;
  values: number[];
}

const COLOURS = ['#0a5c8a', '#b45309', '#4d7c0f'];
const WIDTH = 320;
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
  const height = rows.length * groupHeight;
  const barRoom = WIDTH - VALUE_ROOM;
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart-caption">
        {caption}
      </figcaption>
      <Legend series={series} />
      <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${Math.max(height, 1)}`} aria-hidden="true" focusable="false">
        {rows.map((row, r) => {
          const top = r * groupHeight;
          return (
            <g key={row.key} transform={`translate(0 ${top})`}>
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
          );
        })}
      </svg>
      {note}
      <TableWrap label={tableLabel}>
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{categoryHeader}</th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, i) => (
                  <td key={series[i]?.key ?? i} className="num">
                    {format(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
}

/** Vertical bars along time (one per year) for a share 0..1, with an optional reference line (e.g. 50%). */
export function ColumnChart({
  id,
  caption,
  points,
  format,
  reference,
  referenceLabel,
  columns,
  tableLabel,
  extra,
}: {
  id: string;
  caption: string;
  points: { key: string; label: string; value: number }[];
  format: (value: number) => string;
  reference?: number;
  referenceLabel?: string;
  /** Table headers: [category, value, ...extra columns]. */
  columns: string[];
  tableLabel: string;
  /** More cells per point for the table (e.g. counts). */
  extra?: (key: string) => ReactNode[];
}) {
  const height = 170;
  const top = 18;
  const bottom = 20;
  const plot = height - top - bottom;
  const slot = WIDTH / Math.max(points.length, 1);
  const bar = Math.min(28, slot * 0.6);
  // From zero to a little above the highest value (or the reference line), at most 100%.
  const ceiling = Math.min(1, Math.ceil((Math.max(reference ?? 0, ...points.map((p) => p.value)) + 0.1) * 10) / 10);
  const y = (v: number) => top + plot * (1 - Math.min(Math.max(v, 0), ceiling) / ceiling);
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart-caption">
        {caption}
      </figcaption>
      <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${height}`} aria-hidden="true" focusable="false">
        <line x1="0" x2={WIDTH} y1={top + plot} y2={top + plot} className="chart-axis" />
        {points.map((pt, i) => {
          const cx = slot * i + slot / 2;
          return (
            <g key={pt.key}>
              <rect x={cx - bar / 2} y={y(pt.value)} width={bar} height={top + plot - y(pt.value)} rx="2" fill={COLOURS[0]} />
              <text x={cx} y={y(pt.value) - 4} textAnchor="middle" className="chart-value">
                {format(pt.value)}
              </text>
              <text x={cx} y={height - 5} textAnchor="middle" className="chart-label">
                {pt.label}
              </text>
            </g>
          );
        })}
        {reference !== undefined && (
          <g>
            <line x1="0" x2={WIDTH} y1={y(reference)} y2={y(reference)} className="chart-reference" />
            {referenceLabel && (
              <text x={2} y={y(reference) - 3} className="chart-reference-label">
                {referenceLabel}
              </text>
            )}
          </g>
        )}
      </svg>
      <TableWrap label={tableLabel}>
        <table className="table table-compact">
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={c} scope="col" className={i > 0 ? 'num' : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((pt) => (
              <tr key={pt.key}>
                <th scope="row">{pt.label}</th>
                <td className="num">{format(pt.value)}</td>
                {extra?.(pt.key).map((cell, i) => (
                  <td key={i} className="num">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </figure>
  );
}
