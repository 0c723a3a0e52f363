import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import type { ImportMode, ImportReport } from '../../lib/api-types';
import { RadioGroup } from '../../components/fields';
import { TableWrap } from '../../components/TableWrap';
import { said, type Said } from '../../lib/said';

export type ApplyMode = Exclude<ImportMode, 'dry-run'>;

const COLUMNS = ['dni', 'nombres', 'sexo', 'rango_edad', 'zona', 'telefono', 'correo', 'partida_organizacion'] as const;

/** The columns a registration day's CSV has, each explained. */
export function CsvColumns() {
  const { t } = useT();
  return (
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
  );
}

/** What a dry run (or an import) found: the counts, every bad line with its field, then how to import. */
export function ImportReportView({
  report,
  done,
  importError,
  busy,
  mode,
  onMode,
  onImport,
  registrationsLink,
}: {
  report: ImportReport;
  done: ImportReport | null;
  importError: Said | null;
  busy: boolean;
  mode: ApplyMode;
  onMode(mode: ApplyMode): void;
  onImport(): void;
  registrationsLink: string;
}) {
  const { t, language } = useT();
  return (
    <section aria-labelledby="import-report-title">
      <h2 id="import-report-title" tabIndex={-1}>
        {report.mode === 'dry-run' ? t('importPage.reportTitle') : t('importPage.resultTitle')}
      </h2>
      <dl className="stat-grid">
        {(['total', 'valid', 'invalid', 'written'] as const).map((k) => (
          <div key={k} className="stat">
            <dt>{t(`importPage.${k}`)}</dt>
            <dd>{formatNumber(report[k], language)}</dd>
          </div>
        ))}
      </dl>
      {importError && (
        <div id="import-error" className="notice notice-error" role="alert" tabIndex={-1}>
          <p>{said(importError)}</p>
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
            onImport();
          }}
        >
          <RadioGroup
            id="import-mode"
            name="import-mode"
            legend={t('importPage.modeLegend')}
            value={mode}
            onChange={(value) => onMode(value as ApplyMode)}
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
          <Link to={registrationsLink}>{t('importPage.toRegistrations')}</Link>
        </p>
      )}
    </section>
  );
}
