import { useT } from '../../i18n';
import { quotasApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatInstantDate } from '../../lib/format';
import type { BodyQuota } from '../../lib/prep-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { QuotaBadge } from '../../components/Badges';
import { useProcessContext } from '../../lib/process-context';
import { Page } from '../../components/PageHeader';

/** Where each representative body stands against its seats and its women quota, and who sits on the committees. */
export function QuotasPage() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  useDocumentTitle(t('quota.title'));
  const quotas = useResource(`quotas:${slug}:${process.id}`, (signal) => quotasApi.quotas(slug, process.id, signal));

  return (
    <Page eyebrow={process.name} title={t('quota.title')} lead={t('quota.intro')}>
      {quotas.status === 'loading' && <Loading />}
      {quotas.status === 'error' && (
        <ErrorNotice title={t('quota.loadError')} onRetry={quotas.reload}>
          <p>{quotas.error.message}</p>
        </ErrorNotice>
      )}
      {quotas.status === 'ok' &&
        (quotas.data.bodies.length === 0 ? (
          <p className="empty">{t('quota.none')}</p>
        ) : (
          quotas.data.bodies.map((body) => <BodyCard key={body.kind} body={body} />)
        ))}
    </Page>
  );
}

/** Needed women still missing: the quota minus the women seated, never below zero. */
export function womenMissing(body: Pick<BodyQuota, 'minWomen' | 'women'>): number {
  return Math.max(0, body.minWomen - body.women);
}

export function BodyFigures({ body }: { body: BodyQuota }) {
  const { t } = useT();
  const figures: [string, number][] = [
    [t('quota.seats'), body.seats],
    [t('quota.filled'), body.filled],
    [t('quota.women'), body.women],
    [t('quota.men'), body.men],
    [t('quota.minWomen'), body.minWomen],
    [t('quota.missing'), womenMissing(body)],
  ];
  return (
    <>
      <dl className="stat-grid">
        {figures.map(([label, value]) => (
          <div key={label} className="stat">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        {t('quota.statusLabel')}: <QuotaBadge status={body.status} />{' '}
        <span>{t(`quota.stateExplained.${body.status}`, { missing: womenMissing(body), free: body.seats - body.filled })}</span>
      </p>
    </>
  );
}

function BodyCard({ body }: { body: BodyQuota }) {
  const { t, language } = useT();
  const id = `body-${body.kind}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t(`quota.body.${body.kind}`)}</h2>
      <p className="muted">{t(`quota.bodyHelp.${body.kind}`)}</p>
      <BodyFigures body={body} />
      {body.members !== null && (
        <>
          <h3>{t('quota.members')}</h3>
          {body.members.length === 0 ? (
            <p>{t('quota.noMembers')}</p>
          ) : (
            <ul className="member-list">
              {body.members.map((m) => (
                <li key={m.agentId}>
                  <strong>{m.name}</strong> — {t(`sex.${m.sex}`)}
                  {m.organization && <> — {m.organization.name}</>}
                  <span className="muted"> ({t('quota.electedOn', { date: formatInstantDate(m.electedAt, language) })})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
