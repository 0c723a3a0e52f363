import { useT } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { useProcessContext } from '../../lib/process-context';
import { Loading } from '../../components/Status';
import { Page } from '../../components/PageHeader';
import { MyAgentRegistration } from './MyAgentRegistration';
import { SignInFirst } from './SignInFirst';

/** "My registration": register as a participating agent, see the status and the reason of the decision, correct it while pending. */
export function MyRegistrationPage() {
  const { slug, process } = useProcessContext();
  const { t } = useT();
  const session = useSession();
  useDocumentTitle(t('myRegistration.title'));

  if (session.status === 'loading') return <Loading />;
  return (
    <Page eyebrow={process.name} title={t('myRegistration.title')}>
      {session.user ? (
        <MyAgentRegistration key={session.user.id} slug={slug} />
      ) : (
        <>
          <SignInFirst lead offerSignUp />
          <p>{t('myRegistration.inPerson')}</p>
        </>
      )}
    </Page>
  );
}
