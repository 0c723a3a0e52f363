import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useStaffProcess } from '../../lib/process-context';
import type { InPersonAgent } from '../../lib/api-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { SuccessNotice } from '../../components/FormAlert';
import { Page } from '../../components/PageHeader';
import { useZones } from '../plan/api';
import { registrationApi, useApprovedOrganizations } from './api';
import { AgentForm, emptyAgent } from './AgentForm';
import { ClaimReceipt } from './ClaimReceipt';
import { ReissueClaimCode } from './ReissueClaimCode';

/** A facilitator types in a paper registration form at a face-to-face registration day (source "in person"). */
export function InPersonRegistrationPage() {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  useDocumentTitle(t('inPerson.title'));
  const zones = useZones(slug);
  const orgs = useApprovedOrganizations(slug, process.id);
  const [last, setLast] = useState<InPersonAgent | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <Page eyebrow={process.name} title={t('inPerson.title')} lead={t('inPerson.intro')}>
      <SuccessNotice message={last ? t('inPerson.saved', { name: last.fullName }) : null} />
      {last?.claimCode && <ClaimReceipt processName={process.name} person={last} claimCode={last.claimCode} />}
      {(zones.status === 'loading' || orgs.status === 'loading') && <Loading />}
      {zones.status === 'error' && (
        <ErrorNotice title={t('staff.zonesLoadError')} onRetry={zones.reload}>
          <p>{zones.error.message}</p>
        </ErrorNotice>
      )}
      {zones.status === 'ok' && orgs.status !== 'loading' && (
        <AgentForm
          key={formKey}
          idPrefix="inperson"
          initial={emptyAgent}
          zones={zones.data.zones}
          organizations={orgs.status === 'ok' ? orgs.data.entries.map((e) => ({ id: e.id, name: e.name })) : []}
          submitLabel={t('inPerson.submit')}
          submittingLabel={t('common.sending')}
          onSubmit={async (input) => {
            const agent = await registrationApi.registerInPerson(slug, process.id, input);
            setLast(agent);
            setFormKey((n) => n + 1);
          }}
        />
      )}
      <ReissueClaimCode slug={slug} processId={process.id} processName={process.name} />
      <p className="no-print">
        <Link to={`/m/${slug}/staff/p/${process.id}/registrations`}>{t('staff.pages.registrations')}</Link>
      </p>
    </Page>
  );
}
