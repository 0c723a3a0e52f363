import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { useT } from '../../i18n';
import { processesApi } from '../processes/api';
import { useResource } from '../../lib/useResource';
import { useSession } from '../../lib/session';
import { can } from '../../lib/access';
import { ErrorNotice, Loading } from '../../components/Status';
import { useStaffContext, type StaffProcessContext } from '../../lib/process-context';
import type { MenuEntry } from '../../lib/area';

/** Staff pages of one process: loads it once, shows the process's staff menu, hands the process to the page. */
export function StaffProcessLayout({ menu }: { menu: MenuEntry[] }) {
  const staff = useStaffContext();
  const { processId = '' } = useParams();
  const { t } = useT();
  const { user } = useSession();
  const detail = useResource(`process:${staff.slug}:${processId}`, (signal) => processesApi.process(staff.slug, processId, signal));
  // On a phone the menu folds behind one button naming the page, so the page itself comes first; it folds again on each move.
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  if (detail.status === 'loading') return <Loading />;
  if (detail.status === 'error') {
    return (
      <ErrorNotice title={t('process.loadError')} onRetry={detail.reload}>
        <p>{detail.error.message}</p>
      </ErrorNotice>
    );
  }
  const context: StaffProcessContext = { ...staff, process: detail.data, reloadProcess: detail.reload };
  const base = `/m/${staff.slug}/staff/p/${processId}`;
  const pages = menu.filter((p) => can(user, staff.slug, p.action));
  // The page we are on: its own entry, or the entry it sits under (a session under the trainings), the closest one.
  const here = pages.find((p) => pathname === `${base}/${p.path}`)
    ?? [...pages].sort((a, b) => b.path.length - a.path.length).find((p) => pathname.startsWith(`${base}/${p.path}/`));
  return (
    <>
      <nav className="section-nav folding-nav" aria-label={t('staff.processNav', { name: detail.data.name })}>
        <button type="button" className="nav-toggle" aria-expanded={menuOpen} aria-controls="staff-process-menu" onClick={() => setMenuOpen((o) => !o)}>
          {t('staff.menuToggle', { page: here ? t(here.label) : detail.data.name })}
        </button>
        <ul id="staff-process-menu" className={menuOpen ? 'open' : undefined}>
          <li>
            <NavLink to={base} end>
              {detail.data.name}
            </NavLink>
          </li>
          {pages.map((p) => (
            <li key={p.path}>
              <NavLink to={`${base}/${p.path}`} end>
                {t(p.label)}
              </NavLink>
            </li>
          ))}
          <li>
            <Link to={`/m/${staff.slug}/p/${processId}`}>{t('staff.publicPage')}</Link>
          </li>
        </ul>
      </nav>
      <Outlet context={context} />
    </>
  );
}
