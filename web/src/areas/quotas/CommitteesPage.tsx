import { useState } from 'react';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import { SuccessNotice } from '../../components/FormAlert';
import { Loaded } from '../../components/Loaded';
import { Page } from '../../components/PageHeader';
import { quotasApi } from './api';
import { BodyFigures } from './BodyFigures';
import { CommitteeCard } from './CommitteeCard';
import { QuotaDownloads } from './QuotaDownloads';

/** Elect approved agents to the directive and oversight committees; the server refuses what would break the quota. */
export function CommitteesPage() {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  useDocumentTitle(t('committees.title'));
  const quotas = useResource(`quotas:${slug}:${process.id}`, (signal) => quotasApi.quotas(slug, process.id, signal));
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <Page eyebrow={process.name} title={t('committees.title')} lead={t('committees.intro')} header={<QuotaDownloads slug={slug} processId={process.id} />}>
      <SuccessNotice message={saved} />
      <Loaded resource={quotas} errorTitle={t('quota.loadError')}>
        {({ bodies }) =>
          bodies.map((body) =>
          body.kind === 'delegates' ? (
            <section key={body.kind} className="card" aria-labelledby="body-delegates">
              <h2 id="body-delegates">{t('quota.body.delegates')}</h2>
              <p className="muted">{t('committees.delegatesHelp')}</p>
              <BodyFigures body={body} />
            </section>
          ) : (
            <CommitteeCard
              key={body.kind}
              body={body}
              onChanged={(message) => {
                setSaved(message);
                quotas.reload();
              }}
            />
          ),
          )
        }
      </Loaded>
    </Page>
  );
}

