import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { focusWhenRendered } from '../../lib/focus';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import type { ExecutionImportJob, ExecutionImportReport } from '../../lib/api-types';
import { FieldError } from '../../components/fields';
import { SuccessNotice } from '../../components/FormAlert';
import { Page } from '../../components/PageHeader';
import { TableWrap } from '../../components/TableWrap';
import { ImportProgressView } from '../registration/ImportProgressView';
import { runExecutionImport, type ExecutionImportMode } from './api';
import { ReportChanges } from './ReportChanges';
import { said, type Said } from '../../lib/said';

const COLUMNS = ['proyecto', 'codigo_inversion', 'fecha', 'avance_fisico', 'ejecutado', 'estado', 'motivo'] as const;

/**
 * The progress CSV exported by the budget system: a dry run lists every bad row (line, column, rule) and what each good
 * row would change; then the import writes all the rows or none. Both run as jobs whose progress the page shows.
 */
export function ImportPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('execution.importTitle'));
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<Said | null>(null);
  const [report, setReport] = useState<ExecutionImportReport | null>(null);
  const [done, setDone] = useState<ExecutionImportReport | null>(null);
  const [importError, setImportError] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ mode: ExecutionImportMode; progress: ExecutionImportJob['progress'] } | null>(null);
  const following = useRef<AbortController | null>(null);
  useEffect(() => () => following.current?.abort(), []);

  const run = async (mode: ExecutionImportMode) => {
    if (!file) {
      setFileError(t('execution.chooseFile'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setFileError(null);
    setImportError(null);
    const controller = new AbortController();
    following.current = controller;
    try {
      const answer = await runExecutionImport(slug, process.id, file, mode, (p) => setProgress({ mode, progress: p }), controller.signal);
      setReport(answer);
      setDone(mode === 'dry-run' ? null : answer);
      focusWhenRendered(() => document.getElementById('import-report-title'));
    } catch (cause) {
      if (controller.signal.aborted) return;
      if (!isApiError(cause)) throw cause;
      const details = cause.details as { report?: ExecutionImportReport } | undefined;
      if (details?.report) {
        setReport(details.report);
        setImportError(cause);
        focusWhenRendered(() => document.getElementById('import-error'));
      } else {
        setReport(null);
        setFileError(cause);
        focusWhenRendered(() => input.current);
      }
    } finally {
      if (!controller.signal.aborted) {
        setBusy(false);
        setProgress(null);
      }
    }
  };

  return (
    <Page eyebrow={<Link to={`/m/${slug}/staff/p/${process.id}/execution`}>{t('execution.staffTitle')}</Link>} title={t('execution.importTitle')} lead={t('execution.importIntro')}>
      <details className="card">
        <summary>{t('execution.formatTitle')}</summary>
        <p>{t('execution.formatText')}</p>
        <ul>
          {COLUMNS.map((c) => <li key={c}><code>{c === 'ejecutado' ? 'ejecutado_<fuente>' : c}</code>: {t(`execution.column.${c}`)}</li>)}
        </ul>
      </details>
      <form noValidate className="form" onSubmit={(e: FormEvent<HTMLFormElement>) => { e.preventDefault(); void run('dry-run'); }}>
        <div className={`field${fileError ? ' field-invalid' : ''}`}>
          <label htmlFor="import-file" className="field-label">{t('execution.file')}</label>
          <FieldError id="import-file" error={fileError} />
          <input ref={input} id="import-file" type="file" className="input input-file" accept=".csv,text/csv" aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'import-file-error' : undefined}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); setDone(null); setFileError(null); setImportError(null); }} />
        </div>
        <button type="submit" className="button" disabled={busy}>{t('execution.check')}</button>
      </form>

      <ImportProgressView progress={progress?.progress ?? null} mode={progress?.mode ?? 'dry-run'} />
      <SuccessNotice message={done ? t('execution.imported', { count: done.written }) : null} />

      {report && (
        <section aria-labelledby="import-report-title">
          <h2 id="import-report-title" tabIndex={-1}>{report.mode === 'dry-run' ? t('execution.dryRunTitle') : t('execution.resultTitle')}</h2>
          <p>{t('execution.counts', { total: formatNumber(report.total, language), valid: formatNumber(report.valid, language), invalid: formatNumber(report.invalid, language) })}</p>
          {importError && <p id="import-error" className="notice notice-error" role="alert" tabIndex={-1}>{said(importError)}</p>}
          {report.errors.length > 0 && (
            <TableWrap label={t('execution.errorsTitle')}>
              <table className="table table-compact">
                <caption>{t('execution.errorsTitle')}</caption>
                <thead><tr><th scope="col">{t('execution.line')}</th><th scope="col">{t('execution.column.title')}</th><th scope="col">{t('execution.problem')}</th></tr></thead>
                <tbody>
                  {report.errors.map((e, i) => (
                    <tr key={`${e.line}-${i}`}><th scope="row">{e.line}</th><td>{e.column ?? '—'}</td><td>{e.message}</td></tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {report.changes.length > 0 && (
            <>
              <h3>{report.mode === 'dry-run' ? t('execution.wouldChange') : t('execution.changed')}</h3>
              <ul className="entry-list">
                {report.changes.map((c) => (
                  <li key={c.line} className="entry">
                    <p className="entry-head">{t('execution.lineProject', { line: c.line, number: c.number, title: c.title })}</p>
                    <ReportChanges changes={c.changes} />
                    {c.warnings.map((w) => <p key={w} className="notice notice-warning">{w}</p>)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {report.mode === 'dry-run' && report.invalid === 0 && report.changes.length > 0 && (
            <button type="button" className="button" disabled={busy} onClick={() => void run('all-or-nothing')}>{t('execution.apply', { count: report.changes.length })}</button>
          )}
        </section>
      )}
    </Page>
  );
}
