import { useT } from '../../i18n';
import { trainingApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { SessionCard } from './SessionCard';
import { byWhatComesNext } from './session-order';

/** Training sessions: when (Peru time), where, the topic, and the briefing materials to download. */
export function TrainingsPage() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  useDocumentTitle(t('training.title'));
  const list = useResource(`trainings:${slug}:${process.id}`, (signal) => trainingApi.trainings(slug, process.id, signal));

  return (
    <Page eyebrow={process.name} title={t('training.title')}>
      <Loaded resource={list} errorTitle={t('training.loadError')}>
        {(data) => (
          <>
            <p className="lead">
              {data.rules.trainingRequiredToVote
                ? t('process.rules.trainingRequired', { count: data.rules.minTrainingSessions })
                : t('process.rules.trainingNotRequired')}
            </p>
            {data.sessions.length === 0 ? (
              <p className="empty">{t('training.none')}</p>
            ) : (
              <ul className="session-list">
                {byWhatComesNext(data.sessions).map((s) => (
                  <SessionCard key={s.id} session={s} slug={slug} processId={process.id} />
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}
