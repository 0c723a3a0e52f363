import { useT } from '../../i18n';
import { formatSoles } from '../../lib/format';
import type { OversightProject, OversightRequest } from './api';

const PIA_BADGE = { included: 'badge-approved', included_less: 'badge-pending', missing: 'badge-rejected' } as const;

/** A project's place in the opening budget (PIA), in words, with the amounts. */
export function PiaFlagText({ project: p }: { project: OversightProject }) {
  const { t, language } = useT();
  return (
    <p className="entry-meta">
      <span className={`badge ${PIA_BADGE[p.piaFlag]}`}>{t(`vigilance.pia.${p.piaFlag}`)}</span>{' '}
      {p.piaCents === null
        ? t('vigilance.pia.notRecorded', { agreed: formatSoles(p.agreedCents, language) })
        : t('vigilance.pia.amounts', { agreed: formatSoles(p.agreedCents, language), pia: formatSoles(p.piaCents, language) })}
    </p>
  );
}

/** Where a request stands: answered, overdue, or waiting before its deadline. */
export function RequestState({ request: r }: { request: OversightRequest }) {
  const { t } = useT();
  if (r.answer) return <span className="badge badge-approved">{t('vigilance.requests.answered')}</span>;
  if (r.overdue) return <span className="badge badge-rejected">{t('vigilance.requests.overdue')}</span>;
  return <span className="badge badge-pending">{t('vigilance.requests.pending')}</span>;
}
