import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** A polite "Loading…" line that screen readers announce once. */
export function Loading() {
  const { t } = useT();
  return (
    <p className="status-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** An error box with an optional "try again" action. */
export function ErrorNotice({ title, children, onRetry }: { title: string; children?: ReactNode; onRetry?: () => void }) {
  const { t } = useT();
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title}</p>
      {children}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
