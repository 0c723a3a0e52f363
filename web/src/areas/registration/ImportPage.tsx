import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { registrationApi } from './api';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { formatNumber } from '../../lib/format';
import type { ImportMode, ImportReport } from '../../lib/prep-types';
import { FieldError, RadioGroup } from '../../components/fields';
import { SuccessNotice } from '../../components/FormAlert';
import { TableWrap } from '../../components/TableWrap';
import { useStaffProcess } from '../../lib/process-context';
import { focusWhenRendered } from '../../lib/focus';
import { Page } from '../../components/PageHeader';

const COLUMNS = ['dni', 'nombres', 'sexo', 'rango_edad', 'zona', 'telefono', 'correo', 'partida_organizacion'] as const;

/**
 * Bulk import of a registration day's spreadsheet (CSV): first a dry run that lists every bad line with its field
 * and message, then the choice: import everything or nothing, or only the valid rows.
 */
export function ImportPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('importPage.title'));
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [mode, setMode] = useState<Exclude<ImportMode, 'dry-run'>>('all-or-nothing');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [importError, setImportError] = useState<string | null>(null);

  const run = async (which: ImportMode) => {
    if (!file) {
      setFileError(t('importPage.chooseFile'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setFileError(null);
    setImportError(null);
    try {
      const answer = await registrationApi.importAgents(slug, process.id, file, which);
      if (which === 'dry-run') {
        setReport(answer);
        setDone(null);
        focusWhenRendered(() => document.getElementById('import-report-title'));
      } else {
        setDone(answer);
        setReport(answer);
      }
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      const details = cause.details as { report?: ImportReport } | undefined;
      if (cause.code === 'CSV_INVALID_ROWS' && details?.report) {
        setReport(details.report);
        setImportError(cause.message);
        focusWhenRendered(() => document.getElementById('import-error'));
      } else if (which === 'dry-run' || !report) {
        setReport(null);
        setFileError(cause.message);
        focusWhenRendered(() => input.current);
      } else {
        setImportError(cause.message);
        focusWhenRendered(() => document.getElementById('import-error'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page eyebrow={process.name} title={t('importPage.title')} lead={t('importPage.intro')}>
      <details className="card">
        <summary>{t('importPage.formatTitle')}</summary>
        <p>{t('importPage.formatText')}</p>
        <ul>
          {COLUMNS.map((c) => (
            <li key={c}>
              <code>{c}</code>: {t(`importPage.column.${c}`)}
            </li>
          ))}
        </ul>
      </details>

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

      <SuccessNotice message={done ? t('importPage.done', { count: done.written }) : null} />

      {report && (
        <section aria-labelledby="import-report-title">
          <h2 id="import-report-title" tabIndex={-1}>
            {report.mode === 'dry-run' ? t('importPage.reportTitle') : t('importPage.resultTitle')}
          </h2>
          <dl className="stat-grid">
            <div className="stat">
              <dt>{t('importPage.total')}</dt>
              <dd>{formatNumber(report.total, language)}</dd>
            </div>
            <div className="stat">
              <dt>{t('importPage.valid')}</dt>
              <dd>{formatNumber(report.valid, language)}</dd>
            </div>
            <div className="stat">
              <dt>{t('importPage.invalid')}</dt>
              <dd>{formatNumber(report.invalid, language)}</dd>
            </div>
            <div className="stat">
              <dt>{t('importPage.written')}</dt>
              <dd>{formatNumber(report.written, language)}</dd>
            </div>
          </dl>
          {importError && (
            <div id="import-error" className="notice notice-error" role="alert" tabIndex={-1}>
              <p>{importError}</p>
            </div>
          )}
          {report.errors.length === 0 ? (
            <p>{t('importPage.noErrors')}</p>
          ) : (
            <TableWrap label={t('importPage.errorsTitle')}>
              <table className="table">
                <caption>{t('importPage.errorsTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('importPage.line')}
                    </th>
                    <th scope="col">{t('importPage.field')}</th>
                    <th scope="col">{t('importPage.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((e, i) => (
                    <tr key={`${e.line}-${e.field}-${i}`}>
                      <td className="num">{e.line}</td>
                      <td>{e.field ?? '—'}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {!done && report.total > 0 && (
            <form
              className="form"
              noValidate
              onSubmit={(e: FormEvent<HTMLFormElement>) => {
                e.preventDefault();
                void run(mode);
              }}
            >
              <RadioGroup
                id="import-mode"
                name="import-mode"
                legend={t('importPage.modeLegend')}
                value={mode}
                onChange={(value) => setMode(value as typeof mode)}
                options={[
                  { value: 'all-or-nothing', label: t('importPage.allOrNothing') },
                  { value: 'valid-rows', label: t('importPage.validRows', { count: report.valid }) },
                ]}
              />
              <button type="submit" className="button" disabled={busy}>
                {busy ? t('common.saving') : t('importPage.import')}
              </button>
            </form>
          )}
          {done && (
            <p>
              <Link to={`/m/${slug}/staff/p/${process.id}/registrations`}>{t('importPage.toRegistrations')}</Link>
            </p>
          )}
        </section>
      )}
    </Page>
  );
}
