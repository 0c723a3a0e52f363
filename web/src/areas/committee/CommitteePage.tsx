import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { CommitteeResult } from './CommitteeResult';
import { committeeApi } from './api';

/** The public page of the oversight committee: seats and quota, the election's votes, the elected members. */
export function CommitteePage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  useDocumentTitle(t('oversight.title'));
  const answer = useResource(`oversight:${slug}:${process.id}:${language}`, (signal) => committeeApi.get(slug, process.id, language, signal));
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('oversight.title')} lead={t('oversight.intro')} />
      <Loaded resource={answer} errorTitle={t('oversight.loadError')}>
        {(c) => <CommitteeResult committee={c} />}
      </Loaded>
    </article>
  );
}
