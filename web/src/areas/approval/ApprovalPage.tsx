import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { ChainStepper } from './ChainStepper';
import { Downloads } from './Downloads';
import { FormalList } from './FormalList';
import { SessionList } from './SessionList';
import { approvalApi } from './api';

/** The public page of the approval chain: where it stands, the CCL's and the council's decisions, the list and its amendments. */
export function ApprovalPage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  useDocumentTitle(t('approval.title'));
  const answer = useResource(`approval:${slug}:${process.id}:${language}`, (signal) => approvalApi.get(slug, process.id, language, signal));
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('approval.title')} lead={t('approval.intro')} />
      <Loaded resource={answer} errorTitle={t('approval.loadError')}>
        {(c) => (
          <>
            <ChainStepper chain={c} />
            <Downloads chain={c} />
            <SessionList chain={c} />
            <FormalList chain={c} />
          </>
        )}
      </Loaded>
    </article>
  );
}
