import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { TableWrap } from '../../components/TableWrap';
import { SelfCheckIn } from '../../components/attendance/SelfCheckIn';
import { workshopsApi } from './api';
import { MinutesView } from './MinutesView';
import { WorkshopBadges, WorkshopScope, WorkshopWhen } from './WorkshopWhen';

/** One workshop for anyone: its agenda, place and time, the signed minutes with their agreements, and the room's votes. */
export function WorkshopPage() {
  const { slug, process } = useProcessContext();
  const { workshopId = '' } = useParams();
  const { t, language } = useT();
  const detail = useResource(`workshop:${slug}:${process.id}:${workshopId}`, (signal) => workshopsApi.get(slug, process.id, workshopId, signal));
  useDocumentTitle(detail.status === 'ok' ? detail.data.workshop.title : t('workshops.title'));
  return (
    <Loaded resource={detail} errorTitle={t('workshops.loadError')}>
      {({ workshop: w, minutes, votes }) => (
        <Page
          eyebrow={<Link to={`/m/${slug}/p/${process.id}/workshops`}>{t('workshops.title')}</Link>}
          title={w.title}
          header={
            <>
              <p>
                <WorkshopWhen workshop={w} /> · {w.place}
              </p>
              <p>
                <WorkshopScope workshop={w} /> · <WorkshopBadges workshop={w} /> {t('workshops.attendanceCount', { count: w.attendanceCount })}
              </p>
            </>
          }
        >
          {w.checkInOpen && <SelfCheckIn checkIn={(dni) => workshopsApi.checkIn(slug, process.id, w.id, dni)} />}
          <section aria-labelledby="agenda-title" className="card">
            <h2 id="agenda-title">{t('workshops.agenda')}</h2>
            <p className="preserve-lines">{w.agenda}</p>
          </section>
          <section aria-labelledby="minutes-title" className="card">
            <h2 id="minutes-title">{t('workshops.minutes')}</h2>
            <MinutesView minutes={minutes} />
          </section>
          <section aria-labelledby="votes-title">
            <h2 id="votes-title">{t('workshops.votes')}</h2>
            {votes.length === 0 ? (
              <p>{t('workshops.noVotes')}</p>
            ) : (
              <TableWrap label={t('workshops.votes')}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('workshops.proposal')}</th>
                      <th scope="col" className="num">
                        {t('workshops.voteCount')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {votes.map((v) => (
                      <tr key={v.proposalId}>
                        <th scope="row">
                          <Link to={`/m/${slug}/p/${process.id}/proposals/${v.proposalId}`}>
                            {t('workshops.proposalTitle', { number: v.number, title: v.title })}
                          </Link>
                        </th>
                        <td className="num">{formatNumber(v.votes, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>
        </Page>
      )}
    </Loaded>
  );
}
