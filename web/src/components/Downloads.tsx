import { Link } from 'react-router';
import { useT } from '../i18n';

export interface DownloadLink {
  href: string;
  /** What the file holds and its format: "Agentes (CSV)". */
  label: string;
}

/**
 * The downloads of a staff page (CSV, PDF) and its printing: a print button (the page prints every row already), or
 * a link to the page's print view when the page shows one page of rows at a time. None of it is printed.
 */
export function Downloads({ links, printView, print }: { links: DownloadLink[]; printView?: { to: string; label: string }; print?: boolean }) {
  const { t } = useT();
  return (
    <div className="downloads no-print" role="group" aria-label={t('downloads.label')}>
      {links.map((l) => (
        <a key={l.href} className="button button-secondary" href={l.href} download>
          {l.label}
        </a>
      ))}
      {printView && (
        <Link className="button button-secondary" to={printView.to}>
          {printView.label}
        </Link>
      )}
      {print && (
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('downloads.print')}
        </button>
      )}
    </div>
  );
}
