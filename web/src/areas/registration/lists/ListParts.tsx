import { useT } from '../../../i18n';
import { formatDate, formatInstantDate } from '../../../lib/format';
import type { RegistrationLists } from '../../../lib/api-types';
import { registrationApi } from '../api';

/** The list dates, what has been published, and the accreditation act's links once the definitive list is out. */
export function ListStagesSummary({ lists, slug, processId, staff = false }: { lists: RegistrationLists; slug: string; processId: string; staff?: boolean }) {
  const { t, language } = useT();
  const s = lists.stages;
  const published = (stage: 'preliminary' | 'definitive') => lists.published.find((p) => p.stage === stage);
  const definitive = published('definitive');
  return (
    <section aria-labelledby="stages-title">
      <h2 id="stages-title">{t('lists.stages.title')}</h2>
      {s ? (
        <dl className="details">
          <>
            <dt>{t('lists.stages.preliminary')}</dt>
            <dd>
              {formatDate(s.preliminaryListOn, language)}
              {published('preliminary') && <> · {t('lists.stages.publishedOn', { date: formatInstantDate(published('preliminary')!.publishedAt, language) })}</>}
            </dd>
          </>
          <>
            <dt>{t('lists.stages.window')}</dt>
            <dd>{t('lists.stages.fromTo', { from: formatDate(s.challengesFrom, language), to: formatDate(s.challengesUntil, language) })}</dd>
          </>
          <>
            <dt>{t('lists.stages.definitive')}</dt>
            <dd>
              {formatDate(s.definitiveListOn, language)}
              {definitive && <> · {t('lists.stages.publishedOn', { date: formatInstantDate(definitive.publishedAt, language) })}</>}
            </dd>
          </>
        </dl>
      ) : (
        <p className="notice">{t('lists.stages.notSet')}</p>
      )}
      {definitive && (
        <>
          <h3>{t('lists.act.title')}</h3>
          <ul>
            <li><a href={registrationApi.actUrl(slug, processId, 'html')}>{t('lists.act.html')}</a></li>
            <li><a href={registrationApi.actUrl(slug, processId, 'pdf')}>{t('lists.act.pdf')}</a></li>
            {staff && <li><a href={registrationApi.actUrl(slug, processId, 'staff')}>{t('lists.act.staff')}</a></li>}
          </ul>
          <p className="entry-meta">
            {t('lists.act.hash')} <code className="hash">{definitive.actSha256}</code>
          </p>
        </>
      )}
    </section>
  );
}

/** The list as published, with what changed since the preliminary list (withdrawn after a challenge, added later). */
export function PublishedList({ lists }: { lists: RegistrationLists }) {
  const { t, language } = useT();
  const definitive = lists.published.some((p) => p.stage === 'definitive');
  const preliminary = lists.published.some((p) => p.stage === 'preliminary');
  if (!preliminary) {
    return (
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('lists.list.preliminaryTitle')}</h2>
        <p>{t('lists.list.notYet')}</p>
      </section>
    );
  }
  const shown = lists.registrations;
  const changes = shown.filter((r) => r.change);
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title">{definitive ? t('lists.list.definitiveTitle') : t('lists.list.preliminaryTitle')}</h2>
      <p role="status">{t('lists.list.count', { count: shown.filter((r) => r.listed).length })}</p>
      {changes.length > 0 && (
        <>
          <h3>{t('lists.list.changesTitle')}</h3>
          <ul className="entry-list">
            {changes.map((r) => (
              <li key={`${r.type}:${r.id}`} className="entry">
                <strong>{r.name}</strong>{' '}
                <span className={`badge ${r.change!.kind === 'withdrawn' ? 'badge-rejected' : 'badge-approved'}`}>{t(`lists.list.change.${r.change!.kind}`)}</span>
                <p className="entry-meta">
                  {r.change!.at && formatInstantDate(r.change!.at, language)}
                  {r.change!.reason && <> · {r.change!.reason}</>}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('lists.list.entriesTitle')}</h3>
      <ul className="entry-list">
        {shown.filter((r) => r.listed).map((r) => (
          <li key={`${r.type}:${r.id}`} className="entry">
            <strong>{r.name}</strong>
            <p className="entry-meta">
              {r.type === 'organization'
                ? t('registry.orgMeta', { type: t(`organization.type.${r.organizationType!}`), number: r.registryNumber ?? '', zone: r.zone })
                : [t('lists.list.agent'), r.zone, r.delegateOf && t('lists.list.delegateOf', { name: r.delegateOf })].filter(Boolean).join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
