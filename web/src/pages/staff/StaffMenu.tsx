import { Link } from 'react-router';
import { useT, type MessageKey } from '../../i18n';
import { useSession } from '../../lib/session';
import { can, type Action } from '../../lib/access';

/** The staff pages of one process, each shown only to the roles whose actions it needs. */
export const PROCESS_PAGES: { path: string; label: MessageKey; action: Action }[] = [
  { path: 'settings', label: 'staff.pages.settings', action: 'process.manage' },
  { path: 'phase', label: 'staff.pages.phase', action: 'process.manage' },
  { path: 'announcements', label: 'staff.pages.announcements', action: 'announcement.manage' },
  { path: 'registrations', label: 'staff.pages.registrations', action: 'registration.read' },
  { path: 'registrations/new', label: 'staff.pages.inPerson', action: 'registration.register_others' },
  { path: 'organizations', label: 'staff.pages.organizations', action: 'registration.read' },
  { path: 'import', label: 'staff.pages.import', action: 'registration.import' },
  { path: 'committees', label: 'staff.pages.committees', action: 'body.manage' },
  { path: 'trainings', label: 'staff.pages.trainings', action: 'training.manage' },
];

/** Pages of the municipality as a whole. */
export const MUNICIPALITY_PAGES: { path: string; label: MessageKey; action: Action }[] = [
  { path: 'new', label: 'staff.pages.newProcess', action: 'process.manage' },
  { path: 'zones', label: 'staff.pages.zones', action: 'plan.manage' },
  { path: 'plan', label: 'staff.pages.plan', action: 'plan.manage' },
  { path: 'notifications', label: 'staff.pages.notifications', action: 'notification.read' },
  { path: 'audit', label: 'staff.pages.audit', action: 'audit.read' },
];

export function StaffLinks({ slug, base, pages }: { slug: string; base: string; pages: { path: string; label: MessageKey; action: Action }[] }) {
  const { t } = useT();
  const { user } = useSession();
  const visible = pages.filter((p) => can(user, slug, p.action));
  if (visible.length === 0) return null;
  return (
    <ul className="link-grid">
      {visible.map((p) => (
        <li key={p.path}>
          <Link to={`${base}/${p.path}`}>{t(p.label)}</Link>
        </li>
      ))}
    </ul>
  );
}
