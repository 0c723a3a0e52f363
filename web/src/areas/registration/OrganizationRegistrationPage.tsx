import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useT } from '../../i18n';
import { planApi } from '../plan/api';
import { registrationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { formatDate } from '../../lib/format';
import type { Organization } from '../../lib/prep-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { SuccessNotice } from '../../components/FormAlert';
import { useProcessContext } from '../../lib/process-context';
import { registrationOpen } from '../../lib/process-rules';
import { OrganizationForm, emptyOrganization } from './OrganizationForm';
import { OrganizationItem } from './MyRegistrationPage';

/** Register a civil-society organization (or correct its pending registration with ?edit=<id>). */
export function OrganizationRegistrationPage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  const session = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const editId = params.get('edit');
  useDocumentTitle(editId ? t('orgRegistration.editTitle') : t('orgRegistration.title'));
  const [saved, setSaved] = useState<Organization | null>(null);
  const signedIn = Boolean(session.user);
  const zones = useResource(`zones:${slug}`, (signal) => planApi.zones(slug, signal));
  const mine = useResource(`my-orgs:${slug}:${process.id}:${signedIn}`, (signal) =>
    signedIn ? registrationApi.myOrganizations(slug, process.id, signal) : Promise.resolve({ organizations: [] }),
  );
  const open = registrationOpen(process);
  const back = `/m/${slug}/p/${process.id}/register`;

  const header = (
    <header className="page-header">
      <p className="eyebrow">{process.name}</p>
      <h1 id="page-title">{editId ? t('orgRegistration.editTitle') : t('orgRegistration.title')}</h1>
      <p className="lead">{t('orgRegistration.intro')}</p>
    </header>
  );

  if (session.status === 'loading') return <Loading />;
  if (!session.user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <article aria-labelledby="page-title">
        {header}
        <p>{t('myRegistration.signInFirst')}</p>
        <p className="actions">
          <Link className="button" to={`/signin?next=${next}`}>
            {t('layout.signIn')}
          </Link>
        </p>
      </article>
    );
  }
  if (zones.status === 'loading' || mine.status === 'loading') return <Loading />;
  if (zones.status === 'error' || mine.status === 'error') {
    const error = zones.status === 'error' ? zones.error : mine.status === 'error' ? mine.error : null;
    return (
      <ErrorNotice title={t('myRegistration.loadError')} onRetry={() => [zones, mine].forEach((r) => r.reload())}>
        <p>{error?.message}</p>
      </ErrorNotice>
    );
  }
  const editing = editId ? mine.data.organizations.find((o) => o.id === editId) : undefined;

  return (
    <article aria-labelledby="page-title">
      {header}
      {saved ? (
        <>
          <SuccessNotice message={editId ? t('orgRegistration.updated') : t('orgRegistration.received')} />
          <ul className="entry-list">
            <OrganizationItem org={saved} editLink={null} />
          </ul>
          <p>
            <Link to={back}>{t('orgRegistration.back')}</Link>
          </p>
        </>
      ) : !open ? (
        <p className="notice">{t('myRegistration.closed', { date: formatDate(process.rules.registrationDeadline, language) })}</p>
      ) : editId && !editing ? (
        <p className="notice">{t('orgRegistration.notEditable')}</p>
      ) : (
        <OrganizationForm
          initial={
            editing
              ? {
                  name: editing.name,
                  type: editing.type,
                  registryNumber: editing.registryNumber,
                  zoneId: editing.zone.id,
                  contactPhone: editing.contactPhone ?? '',
                  contactEmail: editing.contactEmail ?? '',
                }
              : { ...emptyOrganization, contactEmail: session.user.email ?? '' }
          }
          zones={zones.data.zones}
          submitLabel={editing ? t('myRegistration.saveChanges') : t('orgRegistration.submit')}
          onSubmit={async (input) => {
            const result = editing
              ? await registrationApi.updateOrganization(slug, process.id, editing.id, input)
              : await registrationApi.registerOrganization(slug, process.id, input);
            setSaved(result);
          }}
        />
      )}
    </article>
  );
}
