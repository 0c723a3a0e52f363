import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { processesApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormErrors } from '../../lib/useFormErrors';
import { ErrorNotice, Loading } from '../../components/Status';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { PhaseStepper } from '../../components/PhaseStepper';
import { useStaffProcess } from '../../lib/process-context';
import { Page } from '../../components/PageHeader';

/**
 * Move the process to its next phase: first the preconditions report (what is still missing), then the reason.
 * The server checks again when asked to move; a refusal lists what is missing.
 */
export function PhasePage() {
  const { slug, process, reloadProcess, reloadMunicipality } = useStaffProcess();
  const { t, language } = useT();
  useDocumentTitle(t('phasePage.title'));
  const check = useResource(`phase-check:${slug}:${process.id}:${process.phase}`, (signal) => processesApi.phaseCheck(slug, process.id, signal));
  const [reason, setReason] = useState('');
  const [moved, setMoved] = useState<string | null>(null);
  const form = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (check.status !== 'ok' || !check.data.to) return;
    const to = check.data.to;
    void form.submit({ 'phase-reason': reasonProblem(reason, t) }, async () => {
      try {
        await processesApi.movePhase(slug, process.id, { to, reason: reason.trim() });
      } catch (cause) {
        check.reload();
        throw cause;
      }
      setMoved(t('phasePage.moved', { phase: t(`phase.${to}`) }));
      setReason('');
      form.clear();
      reloadProcess();
      reloadMunicipality();
    });
  };

  return (
    <Page eyebrow={process.name} title={t('phasePage.title')}>
      <SuccessNotice message={moved} />
      <PhaseStepper phase={process.phase} calendar={process.calendar} />
      <section aria-labelledby="check-title">
        <h2 id="check-title">{t('phasePage.checkTitle')}</h2>
        {check.status === 'loading' && <Loading />}
        {check.status === 'error' && (
          <ErrorNotice title={t('phasePage.checkError')} onRetry={check.reload}>
            <p>{check.error.message}</p>
          </ErrorNotice>
        )}
        {check.status === 'ok' && !check.data.to && <p>{t('phasePage.last')}</p>}
        {check.status === 'ok' && check.data.to && (
          <>
            {check.data.ready ? (
              <p className="notice notice-success">{t('phasePage.ready', { from: t(`phase.${check.data.from}`), to: t(`phase.${check.data.to}`) })}</p>
            ) : (
              <div className="notice notice-warning" id="preconditions">
                <p className="notice-title">{t('phasePage.notReady', { to: t(`phase.${check.data.to}`) })}</p>
                <ul className="preconditions">
                  {check.data.failures.map((f) => (
                    <li key={f.code}>{f.messages[language]}</li>
                  ))}
                </ul>
              </div>
            )}
            <button type="button" className="button button-secondary" onClick={check.reload}>
              {t('phasePage.recheck')}
            </button>
            <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
              <h3>{t('phasePage.moveTitle', { to: t(`phase.${check.data.to}`) })}</h3>
              <FormAlert id="phase-error" ref={form.alertRef} message={form.formError} />
              <ReasonField
                id="phase-reason"
                label={t('phasePage.reason')}
                hint={t('phasePage.reasonHint')}
                error={form.errors['phase-reason']}
                value={reason}
                onChange={setReason}
                rows={3}
              />
              <button type="submit" className="button" disabled={form.busy}>
                {form.busy ? t('common.saving') : t('phasePage.submit', { to: t(`phase.${check.data.to}`) })}
              </button>
            </form>
          </>
        )}
      </section>
    </Page>
  );
}
