import { useT } from '../../i18n';
import type { ProcessOpenData } from './api';
import { SCHEMA_DOC_URL } from './api';

/** The open data files, each in CSV and JSON, and the schema they follow. */
export function OpenDataFiles({ files, schemaUrl }: { files: ProcessOpenData['files']; schemaUrl: string }) {
  const { t } = useT();
  const names = [...new Set(files.map((f) => f.file))];
  return (
    <>
      <ul>
        {names.map((name) => (
          <li key={name}>
            <span>{t(`portal.openData.files.${name}`)}:</span>{' '}
            {files.filter((f) => f.file === name).map((f, i) => (
              <span key={f.format}>
                {i > 0 && ' · '}
                <a href={f.url} download aria-label={t('portal.openData.download', { file: t(`portal.openData.files.${name}`), format: f.format.toUpperCase() })}>
                  {f.format.toUpperCase()}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
      <p className="muted">
        {t('portal.openData.schema')} <a href={SCHEMA_DOC_URL}>{t('portal.openData.schemaDoc')}</a> · <a href={schemaUrl}>{t('portal.openData.schemaJson')}</a>
      </p>
    </>
  );
}
