import { useT } from '../../i18n';
import type { BodyQuota } from '../../lib/api-types';
import { QuotaBadge } from '../../components/Badges';

/** Needed women still missing: the quota minus the women seated, never below zero. */
function womenMissing(body: Pick<BodyQuota, 'minWomen' | 'women'>): number {
  return Math.max(0, body.minWomen - body.women);
}

/** A body's seats, women and men seated, the women it needs, and whether its quota is met, open or broken. */
export function BodyFigures({ body }: { body: BodyQuota }) {
  const { t } = useT();
  const figures: [string, number][] = [
    [t('quota.seats'), body.seats],
    [t('quota.filled'), body.filled],
    [t('quota.women'), body.women],
    [t('quota.men'), body.men],
    [t('quota.minWomen'), body.minWomen],
    [t('quota.missing'), womenMissing(body)],
  ];
  return (
    <>
      <dl className="stat-grid">
        {figures.map(([label, value]) => (
          <div key={label} className="stat">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        {t('quota.statusLabel')}: <QuotaBadge status={body.status} />{' '}
        <span>{t(`quota.stateExplained.${body.status}`, { missing: womenMissing(body), free: body.seats - body.filled })}</span>
      </p>
    </>
  );
}
