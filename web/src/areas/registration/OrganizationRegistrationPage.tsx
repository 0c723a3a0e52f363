import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { can } from '../../lib/access';
import { filesApi } from '../files/api';
import { formatDate } from '../../lib/format';
import { registrationOpen } from '../../lib/process-rules';
import { useProcessContext } from '../../lib/process-context';
import type { Organization } from '../../lib/api-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { SuccessNotice } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { useZones } from '../plan/api';
import { registrationApi } from './api';
import { OrganizationForm, emptyOrganization, organizationValues } from './OrganizationForm';
import { OrganizationItem } from './OrganizationItem';
import { SignInFirst } from './SignInFirst';

/** Register a civil-society organization (or correct its pending registration with ?edit=<id>). */
export function OrganizationRegistrationPage() {
  const { slug, process } = useProcessContext();
  const { t, language } = useT();
  const session = useSession();
  const [params] = useSearchParams();
  const editId = params.get('edit');
  const title = editId ? t('orgRegistration.editTitle') : t('orgRegistration.title');
  useDocumentTitle(title);
  const [saved, setSaved] = useState<Organization | null>(null);
  const signedIn = Boolean(session.user);
  const zones = useZones(slug);
  const mine = useResource(`my-orgs:${slug}:${process.id}:${signedIn}`, (signal) =>
    signedIn ? registrationApi.myOrganizations(slug, process.id, signal) : Promise.resolve({ organizations: [] }),
  );
  const open = registrationOpen(process);
  const header = <PageHeader eyebrow={process.name} title={title} lead={t('orgRegistration.intro')} />;

  if (session.status === 'loading') return <Loading />;
  if (!session.user) {
    return (
      <article aria-labelledby="page-title">
        {header}
        <SignInFirst withQuery />
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
            <Link to={`/m/${slug}/p/${process.id}/register`}>{t('orgRegistration.back')}</Link>
          </p>
        </>
      ) : !open ? (
        <p className="notice">{t('myRegistration.closed', { date: formatDate(process.rules.registrationDeadline, language) })}</p>
      ) : editId && !editing ? (
        <p className="notice">{t('orgRegistration.notEditable')}</p>
      ) : (
        <OrganizationForm
          initial={editing ? organizationValues(editing) : { ...emptyOrganization, contactEmail: session.user.email ?? '' }}
          zones={zones.data.zones}
          submitLabel={editing ? t('myRegistration.saveChanges') : t('orgRegistration.submit')}
          upload={can(session.user, slug, 'file.attach') ? async (file) => (await filesApi.uploadEvidence(slug, file)).id : undefined}
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
