import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { TableWrap } from '../TableWrap';

/** Blank rows under the agents expected, for people who come without being on the sheet (the PDF has as many). */
export const WALK_IN_ROWS = 15;

export interface SheetAgent {
  agentId: string;
  fullName: string;
  dni: string;
  organizationName: string | null;
}

/**
 * An attendance sheet to print for a room without a connection (a training session, a workshop): its title, when
 * and where, every approved agent expected with an empty box to sign, then blank rows for walk-ins. Printed, it is
 * the heading and one table whose head repeats on every page; the buttons above it are not printed.
 */
export function AttendanceSheet({ title, lines, agents, pdfHref, back }: {
  title: string;
  lines: ReactNode[];
  agents: SheetAgent[];
  pdfHref: string;
  back: ReactNode;
}) {
  const { t } = useT();
  return (
    <div className="attendance-sheet">
      <p className="actions no-print">
        {back}{' '}
        <button type="button" className="button" onClick={() => window.print()}>
          {t('sheet.print')}
        </button>{' '}
        <a className="button button-secondary" href={pdfHref} download>
          {t('sheet.pdf')}
        </a>
      </p>
      <h1>{title}</h1>
      {lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
      <TableWrap label={t('sheet.caption', { count: agents.length })}>
        <table className="table sheet-table">
          <caption>
            {t('sheet.caption', { count: agents.length })} {t('sheet.walkIns', { count: WALK_IN_ROWS })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('sheet.number')}</th>
              <th scope="col">{t('sheet.name')}</th>
              <th scope="col">{t('sheet.dni')}</th>
              <th scope="col">{t('sheet.organization')}</th>
              <th scope="col" className="sheet-signature">
                {t('sheet.signature')}
              </th>
            </tr>
          </thead>
          <tbody>
            {agents.map((a, i) => (
              <tr key={a.agentId}>
                <td>{i + 1}</td>
                <th scope="row">{a.fullName}</th>
                <td>{a.dni}</td>
                <td>{a.organizationName ?? ''}</td>
                <td className="sheet-signature" />
              </tr>
            ))}
            {Array.from({ length: WALK_IN_ROWS }, (_, i) => (
              <tr key={`walk-in-${i}`} className="sheet-blank">
                <td>{agents.length + i + 1}</td>
                <td />
                <td />
                <td />
                <td className="sheet-signature" />
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
