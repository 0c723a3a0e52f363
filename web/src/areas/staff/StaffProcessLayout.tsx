import { Link, NavLink, Outlet, useParams } from 'react-router';
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
  return (
    <>
      <nav className="section-nav" aria-label={t('staff.processNav', { name: detail.data.name })}>
        <ul>
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
