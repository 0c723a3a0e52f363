import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useT } from '../../i18n';
import { NotFoundPage } from './NotFoundPage';

/** Shown inside the layout when a page throws while rendering. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useT();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <section className="notice notice-error" role="alert" aria-labelledby="page-title">
      <h1 id="page-title">{t('errors.routeTitle')}</h1>
      <p>{t('errors.unexpected')}</p>
      <p>
        <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>{' '}
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </section>
  );
}
