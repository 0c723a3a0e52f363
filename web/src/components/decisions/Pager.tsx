import { useT } from '../../i18n';

/** "Previous" and "Next" pages of a list the server pages (`offset`, `page` items at a time); nothing when one page holds all. */
export function Pager({ offset, count, total, page, onChange }: { offset: number; count: number; total: number; page: number; onChange(offset: number): void }) {
  const { t } = useT();
  if (total <= page) return null;
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - page))}>
        {t('common.previous')}
      </button>
      <button type="button" className="button button-secondary" disabled={offset + count >= total} onClick={() => onChange(offset + page)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
