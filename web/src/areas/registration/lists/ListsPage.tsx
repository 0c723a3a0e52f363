import { useT } from '../../../i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useResource } from '../../../lib/useResource';
import { useProcessContext, useStaffProcess } from '../../../lib/process-context';
import { useSession } from '../../../lib/session';
import { can } from '../../../lib/access';
import { Loaded } from '../../../components/Loaded';
import { Page } from '../../../components/PageHeader';
import { registrationApi } from '../api';
import { ListStagesSummary, PublishedList } from './ListParts';
import { ChallengeForm } from './ChallengeForm';
import { ChallengeItem } from './ChallengeItem';
import { PublishActions } from './PublishActions';
import { CommissionSection } from './CommissionSection';

/**
 * The lists of Preparation, public: the dates, the preliminary list and its changes (or the definitive list and its
 * act), every challenge with its answer and outcome. An approved agent challenges here, and answers a challenge to
 * their own registration. No DNI, phone or email (the API sends none).
 */
export function ListsPage() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  const { user } = useSession();
  useDocumentTitle(t('lists.title'));
  const lists = useResource(`lists:${slug}:${process.id}:${user?.id ?? ''}`, (signal) => registrationApi.lists(slug, process.id, signal));
  return (
    <Page eyebrow={process.name} title={t('lists.title')} lead={t('lists.intro')}>
      <Loaded resource={lists} errorTitle={t('lists.loadError')}>
        {(data) => {
          const definitive = data.published.some((p) => p.stage === 'definitive');
          const preliminary = data.published.some((p) => p.stage === 'preliminary');
          const s = data.stages;
          const windowOpen = Boolean(s && preliminary && !definitive && data.today >= s.challengesFrom && data.today <= s.challengesUntil);
          return (
            <>
              <ListStagesSummary lists={data} slug={slug} processId={process.id} />
              {windowOpen && data.myAgentId && <ChallengeForm slug={slug} processId={process.id} lists={data} onFiled={lists.reload} />}
              {windowOpen && !data.myAgentId && <p className="notice">{t('lists.challenge.whoMay')}</p>}
              <ChallengesSection slug={slug} processId={process.id} data={data} reload={lists.reload} staff={false} />
              <CommissionSection slug={slug} processId={process.id} lists={data} onSaved={lists.reload} editable={false} />
              <PublishedList lists={data} />
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}

/** The staff side: publish the lists, decide the challenges with a reason, open the act with the DNI column. */
export function ListsAdminPage() {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const { user } = useSession();
  useDocumentTitle(t('listsAdmin.title'));
  const lists = useResource(`lists-admin:${slug}:${process.id}`, (signal) => registrationApi.lists(slug, process.id, signal));
  const mayPublish = can(user, slug, 'registration.publish_list') && process.phase === 'preparation';
  return (
    <Page eyebrow={process.name} title={t('listsAdmin.title')} lead={t('listsAdmin.intro')}>
      <Loaded resource={lists} errorTitle={t('lists.loadError')}>
        {(data) => (
          <>
            <ListStagesSummary lists={data} slug={slug} processId={process.id} staff />
            {mayPublish && <PublishActions slug={slug} processId={process.id} lists={data} onPublished={lists.reload} />}
            <CommissionSection slug={slug} processId={process.id} lists={data} onSaved={lists.reload}
              editable={mayPublish && !data.published.some((p) => p.stage === 'definitive')} />
            <ChallengesSection slug={slug} processId={process.id} data={data} reload={lists.reload} staff={data.mayDecide} />
            <PublishedList lists={data} />
          </>
        )}
      </Loaded>
    </Page>
  );
}

function ChallengesSection({ slug, processId, data, reload, staff }: {
  slug: string; processId: string; data: import('../../../lib/api-types').RegistrationLists; reload(): void; staff: boolean;
}) {
  const { t } = useT();
  return (
    <section aria-labelledby="challenges-title">
      <h2 id="challenges-title">{t('lists.challenges.title', { count: data.challenges.length })}</h2>
      {data.challenges.length === 0 ? (
        <p>{t('lists.challenges.none')}</p>
      ) : (
        <ol className="entry-list">
          {data.challenges.map((c) => (
            <ChallengeItem key={c.id} slug={slug} processId={processId} challenge={c} lists={data} onChanged={reload} staff={staff} />
          ))}
        </ol>
      )}
    </section>
  );
}
