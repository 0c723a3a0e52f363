import { useT } from '../i18n';
import type { ApiError } from '../lib/api';

/**
 * A refusal because of the gender quota or the seats (QUOTA_BROKEN, BODY_FULL): the server's message and its numbers
 * laid out, so the administrator sees at once why and by how much.
 */
export function isQuotaRefusal(error: ApiError | null | undefined): boolean {
  return error?.code === 'QUOTA_BROKEN' || error?.code === 'BODY_FULL';
}

export function QuotaRefusal({ error, id }: { error: ApiError; id?: string }) {
  const { t } = useT();
  const d = (error.details ?? {}) as Record<string, unknown>;
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
  const rows: [string, number | null][] =
    error.code === 'QUOTA_BROKEN'
      ? [
          [t('quota.refusal.seats'), num('seats')],
          [t('quota.refusal.womenRequired'), num('required')],
          [t('quota.refusal.womenReachable'), num('women')],
        ]
      : [
          [t('quota.refusal.seats'), num('seats')],
          [t('quota.refusal.filled'), num('filled')],
          [t('quota.refusal.requested'), num('requested')],
        ];
  return (
    <div id={id} className="notice notice-error quota-refusal" role="alert" tabIndex={-1}>
      <p className="notice-title">
        <span aria-hidden="true">⚠ </span>
        {error.code === 'QUOTA_BROKEN' ? t('quota.refusal.titleQuota') : t('quota.refusal.titleFull')}
      </p>
      <p>{error.message}</p>
      <dl className="figures">
        {rows
          .filter(([, v]) => v !== null)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

/** A refused request's message, focusable by its id: laid out with its numbers when it is a quota refusal. */
export function RefusalNotice({ error, id }: { error: ApiError; id: string }) {
  if (isQuotaRefusal(error)) return <QuotaRefusal error={error} id={id} />;
  return (
    <div id={id} className="notice notice-error" role="alert" tabIndex={-1}>
      <p>{error.message}</p>
    </div>
  );
}
