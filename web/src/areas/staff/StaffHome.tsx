import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { rolesIn } from '../../lib/access';
import { useStaffContext } from '../../lib/process-context';
import type { MenuEntry } from '../../lib/area';
import { StaffLinks } from './StaffLinks';

/** The staff menu of a municipality: its pages, and the pages of each process (newest year first). */
export function StaffHome({ municipalityPages, processPages }: { municipalityPages: MenuEntry[]; processPages: MenuEntry[] }) {
  const { slug, municipality, processes } = useStaffContext();
  const { t } = useT();
  const { user } = useSession();
  useDocumentTitle(t('staff.title'));
  const roles = rolesIn(user, slug);
  const active = processes.filter((p) => p.phase !== 'closed');
  const closed = processes.filter((p) => p.phase === 'closed');

  return (
    <article aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">{municipality.name}</p>
        <h1 id="page-title">{t('staff.title')}</h1>
        <p className="my-role">
          {t('municipality.yourRole')}: <strong>{roles.map((r) => t(`role.${r}`)).join(', ')}</strong>
        </p>
      </header>
      <section aria-labelledby="municipality-pages">
        <h2 id="municipality-pages">{t('staff.municipalityPages')}</h2>
        <StaffLinks slug={slug} base={`/m/${slug}/staff`} pages={municipalityPages} />
      </section>
      <section aria-labelledby="process-pages">
        <h2 id="process-pages">{t('staff.processPages')}</h2>
        {processes.length === 0 && <p className="empty">{t('municipality.noProcesses')}</p>}
        {active.map((p) => (
          <section key={p.id} className="card" aria-labelledby={`staff-process-${p.id}`}>
            <h3 id={`staff-process-${p.id}`}>
              <Link to={`/m/${slug}/staff/p/${p.id}`}>{p.name}</Link>
            </h3>
            <p className="muted">
              {t('municipality.currentPhase')}: {t(`phase.${p.phase}`)}
            </p>
            <StaffLinks slug={slug} base={`/m/${slug}/staff/p/${p.id}`} pages={processPages} />
          </section>
        ))}
        {closed.length > 0 && (
          <details className="card">
            <summary>{t('staff.closedProcesses', { count: closed.length })}</summary>
            <ul>
              {closed.map((p) => (
                <li key={p.id}>
                  <Link to={`/m/${slug}/staff/p/${p.id}`}>{p.name}</Link>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </article>
  );
}
