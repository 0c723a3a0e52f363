import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useProcessContext } from '../../lib/process-context';
import { Loaded } from '../../components/Loaded';
import { registrationApi } from './api';
import { OrganizationItem } from './OrganizationItem';

/** The organizations the signed-in person registered in this process, and a link to register one. */
export function MyOrganizations({ slug, open }: { slug: string; open: boolean }) {
  const { process } = useProcessContext();
  const { t } = useT();
  const list = useResource(`my-orgs:${slug}:${process.id}`, (signal) => registrationApi.myOrganizations(slug, process.id, signal));
  const base = `/m/${slug}/p/${process.id}/register/organization`;
  return (
    <section aria-labelledby="my-orgs">
      <h2 id="my-orgs">{t('myRegistration.orgsTitle')}</h2>
      <Loaded resource={list} errorTitle={t('myRegistration.loadError')}>
        {({ organizations }) =>
          organizations.length === 0 ? (
            <p>{t('myRegistration.noOrgs')}</p>
          ) : (
            <ul className="entry-list">
              {organizations.map((o) => (
                <OrganizationItem key={o.id} org={o} editLink={o.status === 'pending' && open ? `${base}?edit=${encodeURIComponent(o.id)}` : null} />
              ))}
            </ul>
          )
        }
      </Loaded>
      {open && (
        <p>
          <Link to={base}>{t('process.call.registerOrganization')}</Link>
        </p>
      )}
    </section>
  );
}
