import type { ReactNode } from 'react';
import { COLOURS, ChartDrawing, ChartFigure, ChartTable, WIDTH } from './ChartParts';

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
    <ChartFigure id={id} caption={caption}>
      <ChartDrawing height={height}>
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
      </ChartDrawing>
      <ChartTable
        label={tableLabel}
        headers={columns}
        rows={points.map((pt) => ({ key: pt.key, label: pt.label, cells: [format(pt.value), ...(extra?.(pt.key) ?? [])] }))}
      />
    </ChartFigure>
  );
}
