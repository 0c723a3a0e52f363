import { useT } from '../i18n';

/** The error of the last "show more", and the button while the server has more than is shown. */
export function ShowMore({ shown, total, loading, error, onMore }: { shown: number; total: number; loading: boolean; error: string | null; onMore: () => void }) {
  const { t } = useT();
  return (
    <>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
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
