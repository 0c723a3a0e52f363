import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSession } from '../../lib/session';
import { can } from '../../lib/access';
import { formatInstantDate } from '../../lib/format';
import { useStaffProcess } from '../../lib/process-context';
import type { Agent } from '../../lib/api-types';
import { Page } from '../../components/PageHeader';
import { DecisionList } from '../../components/decisions/DecisionList';
import { Downloads } from '../../components/Downloads';
import { useZones } from '../plan/api';
import { registrationApi } from './api';

/** Registrations of participating agents to validate: filter, search, approve or reject with a reason, approve many. */
export function RegistrationsAdminPage() {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  const { user } = useSession();
  useDocumentTitle(t('registrationsAdmin.title'));
  const zones = useZones(slug);

  return (
    <Page
      eyebrow={process.name}
      title={t('registrationsAdmin.title')}
      lead={t('registrationsAdmin.intro')}
      header={
        <>
          {can(user, slug, 'registration.register_others') && (
            <p className="no-print">
              <Link to={`/m/${slug}/staff/p/${process.id}/registrations/new`}>{t('staff.pages.inPerson')}</Link>
            </p>
          )}
          <Downloads
            printView={{ to: `/m/${slug}/staff/p/${process.id}/registrations/print`, label: t('downloads.printView') }}
            links={[
              { href: registrationApi.exportUrl(slug, process.id, 'agents.csv', language), label: t('registryExport.agentsCsv') },
              { href: registrationApi.exportUrl(slug, process.id, 'organizations.csv', language), label: t('registryExport.organizationsCsv') },
              { href: registrationApi.exportUrl(slug, process.id, 'registry.pdf', language), label: t('registryExport.registryPdf') },
            ]}
          />
        </>
      }
    >
      <DecisionList<Agent>
        idPrefix="ra"
        entryPrefix="agent"
        resourceKey={`agents:${slug}:${process.id}`}
        load={async ({ filters, ...query }, signal) => {
          const answer = await registrationApi.agents(slug, process.id, { ...query, zoneId: filters.zoneId }, signal);
          return { items: answer.agents, total: answer.total };
        }}
        filters={[
          {
            name: 'zoneId',
            id: 'ra-zone',
            label: t('registry.filterZone'),
            placeholder: t('common.allZones'),
            options: zones.status === 'ok' ? zones.data.zones.map((z) => ({ value: z.id, label: z.name })) : [],
          },
        ]}
        searchLabel={t('registrationsAdmin.search')}
        searchHint={t('registrationsAdmin.searchHint')}
        nameOf={(a) => a.fullName}
        details={(a) => (
          <>
            <p className="entry-meta">
              {t('registrationsAdmin.meta', { dni: a.dni, sex: t(`sex.${a.sex}`), age: t(`ageBand.${a.ageBand}`), zone: a.zone.name })}
            </p>
            <p className="entry-meta">
              {a.organization ? t('registrationsAdmin.delegateOf', { org: a.organization.name }) : t('registrationsAdmin.individual')}
              {' · '}
              {[a.phone, a.email].filter(Boolean).join(' · ') || t('account.notProvided')}
              {' · '}
              {t(`registration.source.${a.source}`)} · {t('registrationsAdmin.registeredOn', { date: formatInstantDate(a.createdAt, language) })}
            </p>
          </>
        )}
        mayDecide={can(user, slug, 'registration.decide') && process.phase === 'preparation'}
        decide={(a, decision, reason) => registrationApi.decideAgent(slug, process.id, a.id, { decision, reason }).then(() => undefined)}
        revert={(a, reason) => registrationApi.revertAgent(slug, process.id, a.id, reason).then(() => undefined)}
        approveMany={(ids) => registrationApi.decideAgents(slug, process.id, { agentIds: ids, decision: 'approve' }).then(() => undefined)}
        approvedMany={(count) => t('registrationsAdmin.bulkApproved', { count })}
      />
    </Page>
  );
}
