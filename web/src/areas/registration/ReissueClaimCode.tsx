import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import type { Agent, ClaimCode } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { FormAlert } from '../../components/FormAlert';
import { FormActions } from '../../components/FormActions';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { registrationApi } from './api';
import { ClaimReceipt } from './ClaimReceipt';

/** Staff give a registration without an account a new link code (lost receipt, expired or locked code), with the reason. */
export function ReissueClaimCode({ slug, processId, processName }: { slug: string; processId: string; processName: string }) {
  const { t } = useT();
  const search = useFormErrors();
  const issue = useFormErrors();
  const [dni, setDni] = useState('');
  const [found, setFound] = useState<Agent | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [issued, setIssued] = useState<{ agent: Agent; code: ClaimCode } | null>(null);

  return (
    <section className="card" aria-labelledby="reissue-title">
      <h2 id="reissue-title" className="no-print">{t('inPerson.reissue.title')}</h2>
      <p className="no-print">{t('inPerson.reissue.intro')}</p>
      <form
        ref={search.formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setIssued(null);
          void search.submit({ 'reissue-dni': /^\d{8}$/.test(dni.trim()) ? null : t('inPerson.reissue.dniInvalid') }, async () => {
            const { agents } = await registrationApi.agents(slug, processId, { q: dni.trim(), limit: 5 });
            const agent = agents.find((a) => a.dni === dni.trim()) ?? null;
            setFound(agent);
            setMissing(agent ? null : dni.trim());
          });
        }}
      >
        <FormAlert id="reissue-search-error" ref={search.alertRef} message={search.formError} />
        <TextField id="reissue-dni" data-field="q" label={t('inPerson.reissue.dni')} error={search.errors['reissue-dni']} value={dni} inputMode="numeric" maxLength={8} onChange={(e) => setDni(e.target.value)} />
        <FormActions busy={search.busy} submitLabel={t('inPerson.reissue.search')} busyLabel={t('common.sending')} />
      </form>
      <div role="status" className="no-print">
        {missing && <p>{t('inPerson.reissue.notFound', { dni: missing })}</p>}
        {found && !found.mine && <p>{t('inPerson.reissue.found', { name: found.fullName, status: t(`registration.status.${found.status}`) })}</p>}
      </div>
      {found && !issued && (
        <form
          ref={issue.formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void issue.submit({ 'reissue-reason': reasonProblem(reason, t) }, async () => {
              const code = await registrationApi.issueClaimCode(slug, processId, found.id, reason.trim());
              setIssued({ agent: found, code });
              setReason('');
            });
          }}
        >
          <FormAlert id="reissue-error" ref={issue.alertRef} message={issue.formError} />
          <ReasonField id="reissue-reason" label={t('inPerson.reissue.reason')} value={reason} onChange={setReason} error={issue.errors['reissue-reason']} />
          <FormActions busy={issue.busy} submitLabel={t('inPerson.reissue.submit')} busyLabel={t('common.sending')} />
        </form>
      )}
      {issued && <ClaimReceipt processName={processName} person={issued.agent} claimCode={issued.code} />}
    </section>
  );
}
