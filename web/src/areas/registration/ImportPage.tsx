import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { runImport } from './api';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import type { ImportMode, ImportProgress, ImportReport } from '../../lib/api-types';
import { CsvColumns, ImportReportView, type ApplyMode } from './ImportReportView';
import { ImportProgressView } from './ImportProgressView';
import { FieldError } from '../../components/fields';
import { SuccessNotice } from '../../components/FormAlert';
import { useStaffProcess } from '../../lib/process-context';
import { focusWhenRendered } from '../../lib/focus';
import { Page } from '../../components/PageHeader';
import { said, type Said } from '../../lib/said';

/**
 * Bulk import of a registration day's spreadsheet (CSV): first a dry run that lists every bad line with its field
 * and message, then the choice: import everything or nothing, or only the valid rows. Each runs as a job on the
 * server, whose progress the page shows until its report comes.
 */
export function ImportPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('importPage.title'));
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<Said | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [mode, setMode] = useState<ApplyMode>('all-or-nothing');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [importError, setImportError] = useState<Said | null>(null);
  const [progress, setProgress] = useState<{ mode: ImportMode; progress: ImportProgress } | null>(null);
  // Polling stops when the page goes away.
  const following = useRef<AbortController | null>(null);
  useEffect(() => () => following.current?.abort(), []);

  const run = async (which: ImportMode) => {
    if (!file) {
      setFileError(t('importPage.chooseFile'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setFileError(null);
    setImportError(null);
    const controller = new AbortController();
    following.current = controller;
    try {
      const answer = await runImport(slug, process.id, file, which, (p) => setProgress({ mode: which, progress: p }), controller.signal);
      if (which === 'dry-run') {
        setReport(answer);
        setDone(null);
        focusWhenRendered(() => document.getElementById('import-report-title'));
      } else {
        setDone(answer);
        setReport(answer);
      }
    } catch (cause) {
      if (controller.signal.aborted) return;
      if (!isApiError(cause)) throw cause;
      const details = cause.details as { report?: ImportReport } | undefined;
      if (cause.code === 'CSV_INVALID_ROWS' && details?.report) {
        setReport(details.report);
        setImportError(cause);
        focusWhenRendered(() => document.getElementById('import-error'));
      } else if (which === 'dry-run' || !report) {
        setReport(null);
        setFileError(cause);
        focusWhenRendered(() => input.current);
      } else {
        setImportError(cause);
        focusWhenRendered(() => document.getElementById('import-error'));
      }
    } finally {
      if (!controller.signal.aborted) {
        setBusy(false);
        setProgress(null);
      }
    }
  };

  return (
    <Page eyebrow={process.name} title={t('importPage.title')} lead={t('importPage.intro')}>
      <CsvColumns />

      <form
        noValidate
        className="form"
        onSubmit={(e: FormEvent<HTMLFormElement>) => {
          e.preventDefault();
          void run('dry-run');
        }}
      >
        <div className={`field${fileError ? ' field-invalid' : ''}`}>
          <label htmlFor="import-file" className="field-label">
            {t('importPage.file')}
          </label>
          <p id="import-file-hint" className="field-hint">
            {t('importPage.fileHint')}
          </p>
          <FieldError id="import-file" error={fileError} />
          <input
            ref={input}
            id="import-file"
            type="file"
            className="input input-file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`import-file-hint${fileError ? ' import-file-error' : ''}`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setDone(null);
              setFileError(null);
              setImportError(null);
            }}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('importPage.checking') : t('importPage.check')}
        </button>
      </form>

      <ImportProgressView progress={progress?.progress ?? null} mode={progress?.mode ?? 'dry-run'} />

      <SuccessNotice message={done ? t('importPage.done', { count: done.written }) : null} />

      {report && (
        <ImportReportView
          report={report}
          done={done}
          importError={importError}
          busy={busy}
          mode={mode}
          onMode={setMode}
          onImport={() => void run(mode)}
          registrationsLink={`/m/${slug}/staff/p/${process.id}/registrations`}
        />
      )}
    </Page>
  );
}
