import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { formatDate } from '../../lib/format';
import { Loaded } from '../../components/Loaded';
import { FileLinks } from '../files/FileLinks';
import { communicationApi } from './api';

/** The published announcements of a process, with their dates and attachments (on the process's public page). */
export function PublishedAnnouncements({ slug, processId }: { slug: string; processId: string }) {
  const { t, language } = useT();
  const list = useResource(`announcements:${slug}:${processId}`, (signal) => communicationApi.announcements(slug, processId, signal));
  return (
    <section aria-labelledby="announcements-title">
      <h2 id="announcements-title">{t('process.announcements.title')}</h2>
      <Loaded resource={list} errorTitle={t('process.announcements.loadError')}>
        {({ announcements }) => {
          const published = announcements.filter((a) => a.publishedAt);
          return (
            <>
              {published.length === 0 && <p className="empty">{t('process.announcements.none')}</p>}
              <ul className="announcement-list">
                {published.map((a) => (
                  <li key={a.id} className="card">
                    <h3>{a.title}</h3>
                    <p className="muted">
                      {t('process.announcements.valid', { from: formatDate(a.startsOn, language, 'medium'), to: formatDate(a.endsOn, language, 'medium') })}
                    </p>
                    <p className="prewrap">{a.body}</p>
                    {a.attachments.length > 0 && (
                      <>
                        <p className="attachments-title">{t('process.announcements.attachments')}</p>
                        <FileLinks slug={slug} files={a.attachments} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
