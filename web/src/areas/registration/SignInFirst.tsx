import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n';

/** Registering needs an account: links to sign in (and to create one), coming back here afterwards. */
export function SignInFirst({ lead = false, offerSignUp = false, withQuery = false }: { lead?: boolean; offerSignUp?: boolean; withQuery?: boolean }) {
  const { t } = useT();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + (withQuery ? location.search : ''));
  return (
    <>
      <p className={lead ? 'lead' : undefined}>{t('myRegistration.signInFirst')}</p>
      <p className="actions">
        <Link className="button" to={`/signin?next=${next}`}>
          {t('layout.signIn')}
        </Link>
        {offerSignUp && (
          <Link className="button button-secondary" to={`/signup?next=${next}`}>
            {t('signin.createAccount')}
          </Link>
        )}
      </p>
    </>
  );
}
