import { useT } from '../../i18n';
import { formatPercent, formatSoles } from '../../lib/format';
import type { ExecutionList } from '../../lib/api-types';

type Summary = ExecutionList['projects'][number];

/** A bar and its value in words; the bar only repeats the words (a financial figure above 100 % fills it). */
function Bar({ id, label, percent, detail }: { id: string; label: string; percent: number; detail?: string }) {
  const { language } = useT();
  const text = formatPercent(percent / 100, language, 1);
  return (
    <div className="import-progress">
      <label htmlFor={id} className="field-label">{label}: {text}</label>
      <progress id={id} max={100} value={Math.min(100, percent)} aria-valuetext={detail ? `${text}, ${detail}` : text}>{text}</progress>
      {detail && <p className="field-hint">{detail}</p>}
    </div>
  );
}

/** A project's physical and financial progress, a bar each. */
export function ProjectBars({ project: p }: { project: Summary }) {
  const { t, language } = useT();
  return (
    <>
      <Bar id={`physical-${p.id}`} label={t('execution.physical')} percent={p.physicalPercent} />
      <Bar id={`financial-${p.id}`} label={t('execution.financial')} percent={p.financialPercent}
        detail={t('execution.financialDetail', { executed: formatSoles(p.executedCents, language), budgeted: formatSoles(p.budgetedCents, language) })} />
    </>
  );
}

/** The status in words, its reason when it has one, and the flag of a project behind schedule. */
export function ProjectStatus({ project: p }: { project: Summary }) {
  const { t } = useT();
  return (
    <p className="entry-meta">
      <span className={`badge badge-execution-${p.status}`}>{t(`execution.status.${p.status}`)}</span>
      {p.behindSchedule && <> <span className="badge badge-rejected">{t('execution.behind')}</span></>}
      {p.statusReason && <> {t('execution.because', { reason: p.statusReason })}</>}
    </p>
  );
}
