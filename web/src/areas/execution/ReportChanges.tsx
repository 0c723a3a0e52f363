import { useT } from '../../i18n';
import { formatDate, formatPercent, formatSoles } from '../../lib/format';
import type { ExecutionChanges } from '../../lib/api-types';

/** What a report changed, one line each, in words. */
export function ReportChanges({ changes: c }: { changes: ExecutionChanges }) {
  const { t, language } = useT();
  const pct = (n: number) => formatPercent(n / 100, language, 1);
  const lines: string[] = [];
  if (c.budget) lines.push(t('execution.changes.tracked'));
  if (c.status) lines.push(c.status.from ? t('execution.changes.status', { from: t(`execution.status.${c.status.from}`), to: t(`execution.status.${c.status.to}`) }) : t('execution.changes.statusSet', { to: t(`execution.status.${c.status.to}`) }));
  if (c.physicalPercent && c.physicalPercent.from !== undefined) lines.push(t('execution.changes.physical', { from: pct(c.physicalPercent.from), to: pct(c.physicalPercent.to) }));
  for (const e of c.executed ?? []) lines.push(t('execution.changes.executed', { code: e.code, from: formatSoles(e.fromCents, language), to: formatSoles(e.toCents, language) }));
  if (c.investmentCode) lines.push(t('execution.changes.investmentCode', { to: c.investmentCode.to ?? '—' }));
  if (c.milestone) {
    const m = c.milestone.to ?? { name: c.milestone.name ?? '', plannedOn: c.milestone.plannedOn ?? '', actualOn: c.milestone.actualOn ?? null };
    lines.push(t(c.milestone.to ? 'execution.changes.milestoneChanged' : 'execution.changes.milestoneAdded', { name: m.name, planned: m.plannedOn ? formatDate(m.plannedOn, language) : '—' })
      + (m.actualOn ? ` ${t('execution.changes.reachedOn', { date: formatDate(m.actualOn, language) })}` : ''));
  }
  if (c.document) lines.push(t(c.document.kind === 'photo' ? 'execution.changes.photo' : 'execution.changes.document', { caption: c.document.caption }));
  return (
    <ul>
      {lines.map((l, i) => <li key={i}>{l}</li>)}
    </ul>
  );
}
