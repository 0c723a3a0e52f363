import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { workshopsApi } from './api';
import { WorkshopBadges, WorkshopScope, WorkshopWhen } from './WorkshopWhen';

/** The workshops of Concertation, for anyone: when, where, for which zone or axis, and whether the minutes are signed. */
export function WorkshopsPage() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  useDocumentTitle(t('workshops.title'));
  const list = useResource(`workshops:${slug}:${process.id}`, (signal) => workshopsApi.list(slug, process.id, signal));
  return (
    <Page eyebrow={process.name} title={t('workshops.title')} lead={t('workshops.intro')}>
      <Loaded resource={list} errorTitle={t('workshops.loadError')}>
        {(data) =>
          data.workshops.length === 0 ? (
            <p className="empty">{t('workshops.none')}</p>
          ) : (
            <ul className="session-list">
              {data.workshops.map((w) => (
                <li key={w.id} className="card">
                  <h2>
                    <Link to={`/m/${slug}/p/${process.id}/workshops/${w.id}`}>{w.title}</Link>
                  </h2>
                  <p>
                    <WorkshopWhen workshop={w} />
                  </p>
                  <p>
                    {w.place} · <WorkshopScope workshop={w} />
                  </p>
                  <p>
                    <WorkshopBadges workshop={w} /> {t('workshops.attendanceCount', { count: w.attendanceCount })}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Page>
  );
}
