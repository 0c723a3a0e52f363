import { useEffect, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useT } from '../i18n';
import { useSession } from '../lib/session';
import { isApiError } from '../lib/api';
import { LanguageSwitch } from './LanguageSwitch';

const MAIN_ID = 'main';

export function Layout() {
  const { t } = useT();
  const mainRef = useRef<HTMLElement>(null);
  useFocusMainOnNavigation(mainRef);
  // While a lazily loaded page's code arrives, a thin bar at the top says something is happening.
  const loadingPage = useNavigation().state === 'loading';

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    // Focus <main> without adding "#main" to the address (the router owns the URL).
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <>
      {loadingPage && <div className="route-progress" aria-hidden="true" />}
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToMain}>
        {t('layout.skipLink')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <LanguageSwitch />
          <AccountNav />
        </div>
      </header>
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="container site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('layout.footer')}</p>
        </div>
      </footer>
    </>
  );
}

function AccountNav() {
  const { t } = useT();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (session.status === 'loading') return <div className="account-nav" aria-hidden="true" />;

  if (!session.user) {
    // Come back here after signing in; from home or the auth pages, go to the account page (it lists the roles).
    const stay = !['/', '/signin', '/signup'].includes(location.pathname);
    const next = stay ? location.pathname + location.search : null;
    return (
      <nav className="account-nav" aria-label={t('layout.accountNav')}>
        <NavLink to={next ? `/signin?next=${encodeURIComponent(next)}` : '/signin'} className="header-button">
          {t('layout.signIn')}
        </NavLink>
      </nav>
    );
  }

  const signOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await session.signOut();
      navigate('/');
    } catch (cause) {
      setError(isApiError(cause) ? cause.message : t('layout.signOutError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <nav className="account-nav signed-in" aria-label={t('layout.accountNav')}>
      <NavLink to="/account" className="header-button user-name">
        <span className="visually-hidden">{t('layout.myAccount')}: </span>
        {session.user.name}
      </NavLink>
      <button type="button" className="button-link header-button" onClick={signOut} disabled={busy}>
        {t('layout.signOut')}
      </button>
      {error && (
        <p role="alert" className="header-error">
          {error}
        </p>
      )}
    </nav>
  );
}

/**
 * After a client-side navigation, move focus to <main> so keyboard and screen-reader users start at the new
 * content (a full page load would do the same). Not on the first render: there, Tab must reach the skip link first.
 */
function useFocusMainOnNavigation(mainRef: RefObject<HTMLElement | null>) {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname, mainRef]);
}
