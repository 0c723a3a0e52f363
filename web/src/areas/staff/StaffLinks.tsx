import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useSession } from '../../lib/session';
import { can } from '../../lib/access';
import type { MenuEntry } from '../../lib/area';

/** Staff page links (the areas' menu entries), each shown only to the roles whose actions it needs. */
export function StaffLinks({ slug, base, pages }: { slug: string; base: string; pages: MenuEntry[] }) {
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
