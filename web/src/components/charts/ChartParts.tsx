import type { ReactNode } from 'react';
import { TableWrap } from '../TableWrap';

/*
 * Small bar charts drawn as inline SVG (no chart library is installed, and none is needed for this). Each chart is a
 * <figure> whose <figcaption> names it; the drawing is hidden from assistive technology and the table below it,
 * with the same numbers, is the text alternative for everyone. Loaded lazily, only by the participation section.
 */

export const COLOURS = ['#0a5c8a', '#b45309', '#4d7c0f'];
export const WIDTH = 320;

/** The figure around a chart: its caption, then the drawing and the rest (`children`). */
export function ChartFigure({ id, caption, children }: { id: string; caption: string; children: ReactNode }) {
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart-caption">
        {caption}
      </figcaption>
      {children}
    </figure>
  );
}

/** The drawing: an SVG of the given height, hidden from assistive technology (the table says the same). */
export function ChartDrawing({ height, children }: { height: number; children: ReactNode }) {
  return (
    <svg className="chart-svg" viewBox={`0 0 ${WIDTH} ${Math.max(height, 1)}`} aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** The chart's numbers as a table: a header row, then a row per category (its label as the row header). */
export function ChartTable({ label, headers, rows }: { label: string; headers: string[]; rows: { key: string; label: string; cells: ReactNode[] }[] }) {
  return (
    <TableWrap label={label}>
      <table className="table table-compact">
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={`${i}:${h}`} scope="col" className={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={i} className="num">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
