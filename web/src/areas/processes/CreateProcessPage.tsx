import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { planApi } from '../plan/api';
import { processesApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormErrors } from '../../lib/useFormErrors';
import { peruToday } from '../../lib/format';
import { ErrorNotice, Loading } from '../../components/Status';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { useStaffContext } from '../../lib/process-context';
import { ProcessSettingsForm, iloDefaults } from './ProcessSettingsForm';

/** Open the yearly process: as a copy of last year's (dates moved a year), or from Ilo's defaults. */
export function CreateProcessPage() {
  const { slug, processes, reloadMunicipality } = useStaffContext();
  const { t } = useT();
  const navigate = useNavigate();
  useDocumentTitle(t('createProcess.title'));
  const zones = useResource(`zones:${slug}`, (signal) => planApi.zones(slug, signal));
  const newest = processes[0];
  const nextYear = newest ? newest.fiscalYear + 1 : Number(peruToday().slice(0, 4)) + 1;
  const [initial] = useState(() => iloDefaults(nextYear));

  const created = (id: string) => {
    reloadMunicipality();
    navigate(`/m/${slug}/staff/p/${id}/settings?created=1`);
  };

  return (
    <article aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{t('createProcess.title')}</h1>
        <p className="lead">{t('createProcess.intro')}</p>
      </header>
      {newest && <CopyForm slug={slug} processes={processes} nextYear={nextYear} onCreated={created} />}
      <section aria-labelledby="new-title">
        <h2 id="new-title">{t('createProcess.fromScratch')}</h2>
        {zones.status === 'loading' && <Loading />}
        {zones.status === 'error' && (
          <ErrorNotice title={t('staff.zonesLoadError')} onRetry={zones.reload}>
            <p>{zones.error.message}</p>
          </ErrorNotice>
        )}
        {zones.status === 'ok' && (
          <ProcessSettingsForm
            mode="create"
            initial={initial}
            zones={zones.data.zones}
            submitLabel={t('createProcess.submit')}
            onSubmit={async ({ reason, ...input }) => {
              const p = await processesApi.createProcess(slug, { ...input, ...(reason ? { reason } : {}) });
              created(p.id);
            }}
          />
        )}
      </section>
    </article>
  );
}

function CopyForm({ slug, processes, nextYear, onCreated }: { slug: string; processes: { id: string; name: string; fiscalYear: number }[]; nextYear: number; onCreated(id: string): void }) {
  const { t } = useT();
  const [source, setSource] = useState(processes[0]!.id);
  const [year, setYear] = useState(String(nextYear));
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.showClientErrors({ 'copy-year': /^\d{4}$/.test(year.trim()) ? null : t('processForm.errors.year') })) return;
    setBusy(true);
    try {
      const p = await processesApi.copyProcess(slug, source, { fiscalYear: Number(year) });
      onCreated(p.id);
    } catch (cause) {
      form.showServerError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="copy-title">
      <h2 id="copy-title">{t('createProcess.copyTitle')}</h2>
      <p>{t('createProcess.copyIntro')}</p>
      <form ref={form.formRef} noValidate onSubmit={submit}>
        <FormAlert id="copy-error" ref={form.alertRef} message={form.formError} />
        <SelectField
          id="copy-source"
          label={t('createProcess.copySource')}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          options={processes.map((p) => ({ value: p.id, label: p.name }))}
        />
        <TextField
          id="copy-year"
          data-field="fiscalYear"
          label={t('processForm.fiscalYear')}
          error={form.errors['copy-year']}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          inputMode="numeric"
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving') : t('createProcess.copySubmit')}
        </button>
      </form>
    </section>
  );
}
