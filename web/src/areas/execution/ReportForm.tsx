import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { parseSoles, peruToday, solesForInput } from '../../lib/format';
import type { ExecutionProject, ExecutionReportAnswer, ExecutionReportBody } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { SelectField, TextAreaField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { EXECUTION_STATUSES, executionApi, type ExecutionStatus } from './api';
import { useLineLabel } from './ProjectPage';

/** Where a status may go (the server's transition table decides; this only keeps impossible choices out of the list). */
const NEXT: Record<ExecutionStatus, readonly ExecutionStatus[]> = {
  in_design: ['tendering', 'in_execution', 'suspended', 'cancelled'],
  tendering: ['in_design', 'in_execution', 'suspended', 'cancelled'],
  in_execution: ['completed', 'suspended', 'cancelled'],
  suspended: ['in_design', 'tendering', 'in_execution', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** An administrator's progress report: date, status, physical %, executed per source, investment code, and why. */
export function ReportForm({ slug, processId, project: p, onDone }: { slug: string; processId: string; project: ExecutionProject; onDone(a: ExecutionReportAnswer): void }) {
  const { t, language } = useT();
  const f = useFormErrors();
  const lineLabel = useLineLabel();
  const [reportedOn, setReportedOn] = useState(peruToday());
  const [status, setStatus] = useState<ExecutionStatus | ''>('');
  const [physical, setPhysical] = useState(String(p.physicalPercent));
  const [executed, setExecuted] = useState<Record<string, string>>(() => Object.fromEntries(p.lines.map((l) => [l.code, solesForInput(l.executedCents, language)])));
  const [code, setCode] = useState(p.investmentCode ?? '');
  const [reason, setReason] = useState('');
  const options = NEXT[p.status];

  const send = () => {
    const percent = Number(physical.replace(',', '.'));
    const amounts = p.lines.map((l) => ({ line: l, cents: parseSoles(executed[l.code] ?? '') }));
    const needsReason = status === 'suspended' || status === 'cancelled';
    void f.submit({
      'report-date': reportedOn ? null : t('execution.errors.date'),
      'report-physical': physical.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100 ? t('execution.errors.physical') : null,
      ...Object.fromEntries(amounts.map(({ line, cents }) => [`report-executed-${line.code}`, cents === null ? t('execution.errors.amount') : null])),
      'report-reason': needsReason && reason.trim().length < 5 ? t('execution.errors.reason') : null,
    }, async () => {
      const body: ExecutionReportBody = { reportedOn, physicalPercent: percent, reason: reason.trim() || undefined };
      if (status) body.status = status;
      const changed = amounts.filter(({ line, cents }) => cents !== line.executedCents).map(({ line, cents }) => ({ code: line.code, executedCents: cents! }));
      if (changed.length > 0) body.executed = changed;
      if (code.trim() !== (p.investmentCode ?? '')) body.investmentCode = code.trim() || null;
      const answer = await executionApi.report(slug, processId, p.id, body);
      setStatus('');
      setReason('');
      onDone(answer);
    });
  };

  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="report-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="report-title">{t('execution.reportTitle')}</h2>
      <FormAlert id="report-alert" ref={f.alertRef} message={f.formError} />
      <TextField id="report-date" data-field="reportedOn" type="date" max={peruToday()} label={t('execution.reportedOnLabel')} value={reportedOn}
        onChange={(e) => setReportedOn(e.target.value)} error={f.errors['report-date']} />
      {options.length > 0 ? (
        <SelectField id="report-status" data-field="status" label={t('execution.newStatus')} value={status} placeholder={t('execution.keepStatus', { status: t(`execution.status.${p.status}`) })}
          onChange={(e) => setStatus(e.target.value as ExecutionStatus | '')} error={f.errors['report-status']}
          options={EXECUTION_STATUSES.filter((s) => options.includes(s)).map((s) => ({ value: s, label: t(`execution.status.${s}`) }))} />
      ) : <p className="notice">{t('execution.finalStatus', { status: t(`execution.status.${p.status}`) })}</p>}
      <TextField id="report-physical" data-field="physicalPercent" inputMode="decimal" label={t('execution.physicalLabel')} hint={t('execution.physicalHint')}
        value={physical} onChange={(e) => setPhysical(e.target.value)} error={f.errors['report-physical']} />
      <fieldset className="fieldset" data-field="executed">
        <legend>{t('execution.executedLegend')}</legend>
        {p.lines.map((l) => (
          <TextField key={l.code} id={`report-executed-${l.code}`} inputMode="decimal" label={lineLabel(l)}
            hint={t('execution.budgetedHint', { amount: solesForInput(l.budgetedCents, language) })}
            value={executed[l.code] ?? ''} onChange={(e) => setExecuted({ ...executed, [l.code]: e.target.value })} error={f.errors[`report-executed-${l.code}`]} />
        ))}
      </fieldset>
      <TextField id="report-code" data-field="investmentCode" label={t('execution.investmentCode')} hint={t('execution.investmentCodeHint')} value={code}
        onChange={(e) => setCode(e.target.value)} error={f.errors['report-code']} />
      <TextAreaField id="report-reason" data-field="reason" label={t('execution.reasonLabel')} hint={t('execution.reasonHint')} rows={2} value={reason}
        onChange={(e) => setReason(e.target.value)} error={f.errors['report-reason']} />
      <p className="actions">
        <button type="submit" className="button" disabled={f.busy}>{t('execution.saveReport')}</button>
      </p>
    </form>
  );
}
