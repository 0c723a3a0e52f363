import { Link } from 'react-router';
import { useT } from '../i18n';
import type { RoleGrant } from '../lib/api-types';

/** "Administrador — Municipalidad Provincial de Ilo", one line per role, each linking to the municipality. */
export function RoleList({ roles }: { roles: RoleGrant[] }) {
  const { t } = useT();
  return (
    <ul className="role-list">
      {roles.map((grant) => (
        <li key={`${grant.municipalityId}:${grant.role}`}>
          <Link to={`/m/${grant.municipalitySlug}`}>
            {t('role.inMunicipality', { role: t(`role.${grant.role}`), municipality: grant.municipalityName })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
