import { useT } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { can } from '../../lib/access';
import { formatInstantDate } from '../../lib/format';
import { useStaffProcess } from '../../lib/process-context';
import { ORGANIZATION_TYPES, type Organization } from '../../lib/api-types';
import { Page } from '../../components/PageHeader';
import { DecisionList } from '../../components/decisions/DecisionList';
import { Downloads } from '../../components/Downloads';
import { registrationApi } from './api';
import { fileUrl } from '../../lib/paths';

/** Organizations to validate: check the SUNARP registry number, approve (it may then accredit delegates) or reject with a reason. */
export function OrganizationsAdminPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  const { user } = useSession();
  useDocumentTitle(t('organizationsAdmin.title'));

  return (
    <Page
      eyebrow={process.name}
      title={t('organizationsAdmin.title')}
      lead={t('organizationsAdmin.intro')}
      header={
        <Downloads
          printView={{ to: `/m/${slug}/staff/p/${process.id}/registrations/print`, label: t('downloads.printView') }}
          links={[
            { href: registrationApi.exportUrl(slug, process.id, 'organizations.csv', language), label: t('registryExport.organizationsCsv') },
            { href: registrationApi.exportUrl(slug, process.id, 'registry.pdf', language), label: t('registryExport.registryPdf') },
          ]}
        />
      }
    >
      <DecisionList<Organization>
        idPrefix="oa"
        entryPrefix="org"
        resourceKey={`orgs:${slug}:${process.id}`}
        load={async ({ filters, ...query }, signal) => {
          const answer = await registrationApi.organizations(slug, process.id, { ...query, type: filters.type }, signal);
          return { items: answer.organizations, total: answer.total };
        }}
        filters={[
          {
            name: 'type',
            id: 'oa-type',
            label: t('orgForm.type'),
            placeholder: t('common.all'),
            options: ORGANIZATION_TYPES.map((o) => ({ value: o, label: t(`organization.type.${o}`) })),
          },
        ]}
        searchLabel={t('organizationsAdmin.search')}
        nameOf={(o) => o.name}
        details={(o) => (
          <>
            <p className="entry-meta">
              {t('registry.orgMeta', { type: t(`organization.type.${o.type}`), number: o.registryNumber, zone: o.zone.name })}
            </p>
            {o.standing.kind && (
              <p className="entry-meta">
                {t(`orgForm.standingKinds.${o.standing.kind}`)}
                {o.standing.fileId && <> · <a href={fileUrl(slug, o.standing.fileId)}>{t('orgForm.standingDocument', { name: o.name })}</a></>}
              </p>
            )}
            <p className="entry-meta">
              {[o.contactPhone, o.contactEmail].filter(Boolean).join(' · ') || t('account.notProvided')} · {t(`registration.source.${o.source}`)} ·{' '}
              {t('registrationsAdmin.registeredOn', { date: formatInstantDate(o.createdAt, language) })}
            </p>
          </>
        )}
        mayDecide={can(user, slug, 'registration.decide') && process.phase === 'preparation'}
        decide={(o, decision, reason) => registrationApi.decideOrganization(slug, process.id, o.id, { decision, reason }).then(() => undefined)}
        revert={(o, reason) => registrationApi.revertOrganization(slug, process.id, o.id, reason).then(() => undefined)}
        approveMany={(ids) => registrationApi.decideOrganizations(slug, process.id, { organizationIds: ids, decision: 'approve' }).then(() => undefined)}
        approvedMany={(count) => t('organizationsAdmin.bulkApproved', { count })}
      />
    </Page>
  );
}
