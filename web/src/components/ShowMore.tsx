import { useT } from '../i18n';
import { said, type Said } from '../lib/said';

/** The error of the last "show more", and the button while the server has more than is shown. */
export function ShowMore({ shown, total, loading, error, onMore }: { shown: number; total: number; loading: boolean; error: Said | null; onMore: () => void }) {
  const { t } = useT();
  return (
    <>
      {error && (
        <p className="notice notice-error" role="alert">
          {said(error)}
        </p>
      )}
      {total > shown && (
        <button type="button" className="button button-secondary" disabled={loading} onClick={onMore}>
          {loading ? t('common.loading') : t('common.showMore')}
        </button>
      )}
    </>
  );
}
