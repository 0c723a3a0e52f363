import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';

export function NotFoundPage() {
  const { t } = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </section>
  );
}
