import { useState } from 'react';
import { useT } from '../../i18n';
import { useZones } from '../plan/api';
import { registrationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatDate, formatInstantDate } from '../../lib/format';
import { REGISTRATION_STATUSES, type RegistryEntry, type RegistrationStatus } from '../../lib/api-types';
import { SelectField } from '../../components/fields';
import { ZoneSelect } from '../../components/ZoneSelect';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/Badges';
import { useProcessContext } from '../../lib/process-context';
import { Loaded } from '../../components/Loaded';
import { REGISTRY_PAGE } from './registry-page-size';
import { useMorePages } from '../../lib/useMorePages';
import { ShowMore } from '../../components/ShowMore';

const PAGE = REGISTRY_PAGE;

/**
 * The public registry: every registration and every decision with its reason, so nobody has to take the
 * municipality's word for it. Never a DNI, a phone or an email (the API does not send them).
 */
export function RegistryPage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  useDocumentTitle(t('registry.title'));
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [zoneId, setZoneId] = useState('');
  // Pages of 50 from the server (a slow phone should not fetch hundreds of entries it may never read).
  const filterKey = `${kind}:${status}:${zoneId}`;
  const zones = useZones(slug);
  const registry = useResource(`registry:${slug}:${process.id}:${filterKey}`, (signal) =>
    registrationApi.registry(slug, process.id, { kind, status, zoneId, limit: PAGE }, signal),
  );
  const { visible, showMore, loadingMore, moreError } = useMorePages(filterKey, registry.status === 'ok' ? registry.data.entries : null,
    async (offset) => (await registrationApi.registry(slug, process.id, { kind, status, zoneId, limit: PAGE, offset })).entries);
  const total = registry.status === 'ok' ? registry.data.total : 0;


  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('registry.title')} lead={t('registry.intro')} />

      {registry.status === 'ok' && (
        <section aria-labelledby="registry-counts">
          <h2 id="registry-counts" className="visually-hidden">
            {t('registry.countsTitle')}
          </h2>
          <dl className="stat-grid">
            {(['individuals', 'organizations'] as const).map((k) =>
              REGISTRATION_STATUSES.map((s) => (
                <div key={`${k}-${s}`} className="stat">
                  <dt>{t(`registry.counts.${k}.${s}`)}</dt>
                  <dd>{registry.data.counts[k][s]}</dd>
                </div>
              )),
            )}
          </dl>
          <p>
            {registry.data.open
              ? t('registry.openUntil', { date: formatDate(registry.data.registrationDeadline, language) })
              : t('registry.closed', { date: formatDate(registry.data.registrationDeadline, language) })}
          </p>
          <p className="no-print">
            <a href={registrationApi.exportUrl(slug, process.id, 'registry.csv', language)} download>
              {t('registryExport.publicCsv')}
            </a>
          </p>
        </section>
      )}

      <form className="filters" role="search" aria-label={t('registry.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="registry-kind"
          label={t('registry.filterKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          placeholder={t('common.all')}
          options={[
            { value: 'individual', label: t('registry.kind.individual') },
            { value: 'organization', label: t('registry.kind.organization') },
          ]}
        />
        <SelectField
          id="registry-status"
          label={t('registry.filterStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          placeholder={t('common.all')}
          options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`registration.status.${s}`) }))}
        />
        <ZoneSelect
          id="registry-zone"
          label={t('registry.filterZone')}
          value={zoneId}
          onChange={setZoneId}
          placeholder={t('common.allZones')}
          zones={zones.status === 'ok' ? zones.data.zones : []}
        />
      </form>

      <Loaded resource={registry} errorTitle={t('registry.loadError')}>
        {() => (
          <section aria-labelledby="registry-list">
            <h2 id="registry-list">{t('registry.listTitle')}</h2>
            <p role="status" className="result-count">
              {t('registry.showing', { shown: visible.length, count: total })}
            </p>
            {visible.length === 0 ? (
              <p className="empty">{t('registry.empty')}</p>
            ) : (
              <ul className="entry-list">
                {visible.map((e) => (
                  <RegistryItem key={e.id} entry={e} />
                ))}
              </ul>
            )}
            <ShowMore shown={visible.length} total={total} loading={loadingMore} error={moreError} onMore={() => void showMore()} />
          </section>
        )}
      </Loaded>
    </article>
  );
}

function RegistryItem({ entry: e }: { entry: RegistryEntry }) {
  const { t, language } = useT();
  return (
    <li className="entry">
      <p className="entry-head">
        <span className="entry-name">{e.name}</span> <StatusBadge status={e.status as RegistrationStatus} />
      </p>
      <p className="entry-meta">
        {e.kind === 'organization'
          ? t('registry.orgMeta', {
              type: e.organizationType ? t(`organization.type.${e.organizationType}`) : '',
              number: e.registryNumber ?? '—',
              zone: e.zone.name,
            })
          : e.delegateOf
            ? t('registry.delegateMeta', { org: e.delegateOf.name, zone: e.zone.name })
            : t('registry.individualMeta', { zone: e.zone.name })}
      </p>
      {e.status !== 'pending' && (
        <p className="entry-reason">
          {e.decidedAt && <span className="muted">{t('registry.decidedOn', { date: formatInstantDate(e.decidedAt, language) })} </span>}
          {e.decisionReason ? (
            <>
              {t('common.reason')}: {e.decisionReason}
            </>
          ) : (
            t('registry.noReason')
          )}
        </p>
      )}
    </li>
  );
}
