import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { processPath } from '../../lib/paths';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { Loaded } from '../../components/Loaded';
import { workshopsApi } from './api';

/**
 * The attendance sheet to print for a room without a connection: the workshop's title, place and time, and the
 * approved agents expected (of its zone, when it has one) with an empty column to sign. Printed, it is one table.
 */
export function SheetPage() {
  const { slug, process } = useStaffProcess();
  const { workshopId = '' } = useParams();
  const { t, language } = useT();
  const sheet = useResource(`workshop-sheet:${slug}:${process.id}:${workshopId}`, (signal) => workshopsApi.sheet(slug, process.id, workshopId, signal));
  useDocumentTitle(sheet.status === 'ok' ? t('sheet.title', { title: sheet.data.workshop.title }) : t('workshopsAdmin.printSheet'));
  return (
    <Loaded resource={sheet} errorTitle={t('workshops.loadError')}>
      {({ municipalityName, process: p, workshop: w, agents }) => (
        <div className="attendance-sheet">
          <p className="actions no-print">
            <Link to={`/m/${slug}/staff/p/${process.id}/workshops/${w.id}`}>{t('sheet.back')}</Link>{' '}
            <button type="button" className="button" onClick={() => window.print()}>
              {t('sheet.print')}
            </button>{' '}
            <a className="button button-secondary" href={`/api${processPath(slug, process.id)}/workshops/${encodeURIComponent(w.id)}/sheet.pdf`}>{t('sheet.pdf')}</a>
          </p>
          <h1>{t('sheet.title', { title: w.title })}</h1>
          <p>
            {municipalityName} · {t('sheet.process', { year: p.fiscalYear })}
          </p>
          <p>
            {t('workshops.when', { date: formatDate(w.localDate, language), from: w.localStartTime, to: w.localEndTime })} · {w.place}
            {w.zone ? ` · ${t('workshops.zoneOf', { name: w.zone.name })}` : ''}
            {w.axis ? ` · ${t('workshops.axisOf', { name: w.axis.name })}` : ''}
          </p>
          <table className="table sheet-table">
            <caption>{t('sheet.caption', { count: agents.length })}</caption>
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
            </tbody>
          </table>
        </div>
      )}
    </Loaded>
  );
}
