import { Link, useParams } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useProcessContext } from '../../lib/process-context';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { ActaDocument } from './ActaDocument';
import { actaApi } from './api';

/**
 * The public page of the Acta de Acuerdos y Compromisos, once issued: the latest version (or the one the address
 * names), its SHA-256, its PDF and the earlier versions. It prints as the document (menus and links hidden).
 */
export function ActaPage() {
  const { slug, process } = useProcessContext();
  const { version: raw } = useParams();
  const version = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  const { t, language } = useT();
  useDocumentTitle(t('acta.title'));
  const answer = useResource(`acta:${slug}:${process.id}:${version ?? 'latest'}:${language}`, (signal) => actaApi.issued(slug, process.id, version, signal));
  const base = `/m/${encodeURIComponent(slug)}/p/${encodeURIComponent(process.id)}/acta`;
  return (
    <article aria-labelledby="page-title">
      <PageHeader eyebrow={process.name} title={t('acta.title')} lead={t('acta.intro')} />
      {answer.status === 'error' && answer.error.code === 'ACTA_NOT_ISSUED_YET'
        ? <p className="notice">{t('acta.notIssued')}</p>
        : (
          <Loaded resource={answer} errorTitle={t('acta.loadError')}>
            {(acta) => (
              <>
                <p className="no-print">
                  <a className="button" href={acta.pdfUrl} download>{t('acta.downloadPdf', { version: acta.version })}</a>
                  {acta.scan && <> <a href={acta.scan.url}>{t('acta.scanOf', { version: acta.version })}</a></>}
                </p>
                <ActaDocument acta={acta} />
                {acta.versions.length > 1 && (
                  <section aria-labelledby="acta-versions" className="no-print">
                    <h2 id="acta-versions">{t('acta.versionsTitle')}</h2>
                    <ul>
                      {acta.versions.map((v) => (
                        <li key={v.version}>
                          {v.version === acta.version
                            ? <strong>{t('acta.versionItem', { version: v.version, date: formatDateTime(v.issuedAt, language) })}</strong>
                            : <Link to={v === acta.versions[0] ? base : `${base}/versions/${v.version}`}>{t('acta.versionItem', { version: v.version, date: formatDateTime(v.issuedAt, language) })}</Link>}
                          {v.reason && <> {t('acta.versionReason', { reason: v.reason })}</>}{' '}
                          <a href={v.pdfUrl} download>{t('acta.pdfOf', { version: v.version })}</a>
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
              </>
            )}
          </Loaded>
        )}
    </article>
  );
}
