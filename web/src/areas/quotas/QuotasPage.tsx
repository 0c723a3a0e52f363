import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatInstantDate } from '../../lib/format';
import { useProcessContext } from '../../lib/process-context';
import type { BodyQuota } from '../../lib/api-types';
import { Loaded } from '../../components/Loaded';
import { Page } from '../../components/PageHeader';
import { quotasApi } from './api';
import { BodyFigures } from './BodyFigures';
import { MemberName } from './MemberName';
import { QuotaDownloads } from './QuotaDownloads';

/** Where each representative body stands against its seats and its women quota, and who sits on the committees. */
export function QuotasPage() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  useDocumentTitle(t('quota.title'));
  const quotas = useResource(`quotas:${slug}:${process.id}`, (signal) => quotasApi.quotas(slug, process.id, signal));

  return (
    <Page eyebrow={process.name} title={t('quota.title')} lead={t('quota.intro')} header={<QuotaDownloads slug={slug} processId={process.id} />}>
      <Loaded resource={quotas} errorTitle={t('quota.loadError')}>
        {({ bodies }) => (bodies.length === 0 ? <p className="empty">{t('quota.none')}</p> : bodies.map((body) => <BodyCard key={body.kind} body={body} />))}
      </Loaded>
    </Page>
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
                  <MemberName member={m} />
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
