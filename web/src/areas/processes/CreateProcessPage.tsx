import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { useZones } from '../plan/api';
import { processesApi } from './api';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormErrors } from '../../lib/useFormErrors';
import { peruToday } from '../../lib/format';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { useStaffContext } from '../../lib/process-context';
import { ProcessSettingsForm, iloDefaults } from './ProcessSettingsForm';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';

/** Open the yearly process: as a copy of last year's (dates moved a year), or from Ilo's defaults. */
export function CreateProcessPage() {
  const { slug, processes, reloadMunicipality } = useStaffContext();
  const { t } = useT();
  const navigate = useNavigate();
  useDocumentTitle(t('createProcess.title'));
  const zones = useZones(slug);
  const newest = processes[0];
  const nextYear = newest ? newest.fiscalYear + 1 : Number(peruToday().slice(0, 4)) + 1;
  const [initial] = useState(() => iloDefaults(nextYear));

  const created = (id: string) => {
    reloadMunicipality();
    navigate(`/m/${slug}/staff/p/${id}/settings?created=1`);
  };

  return (
    <Page title={t('createProcess.title')} lead={t('createProcess.intro')}>
      {newest && <CopyForm slug={slug} processes={processes} nextYear={nextYear} onCreated={created} />}
      <section aria-labelledby="new-title">
        <h2 id="new-title">{t('createProcess.fromScratch')}</h2>
        <Loaded resource={zones} errorTitle={t('staff.zonesLoadError')}>
          {(data) => (
            <ProcessSettingsForm
              mode="create"
              initial={initial}
              zones={data.zones}
              submitLabel={t('createProcess.submit')}
              onSubmit={async ({ reason, ...input }) => {
                const p = await processesApi.createProcess(slug, { ...input, ...(reason ? { reason } : {}) });
                created(p.id);
              }}
            />
          )}
        </Loaded>
      </section>
    </Page>
  );
}

function CopyForm({ slug, processes, nextYear, onCreated }: { slug: string; processes: { id: string; name: string; fiscalYear: number }[]; nextYear: number; onCreated(id: string): void }) {
  const { t } = useT();
  const [source, setSource] = useState(processes[0]!.id);
  const [year, setYear] = useState(String(nextYear));
  const form = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit({ 'copy-year': /^\d{4}$/.test(year.trim()) ? null : t('processForm.errors.year') }, async () => {
      const p = await processesApi.copyProcess(slug, source, { fiscalYear: Number(year) });
      onCreated(p.id);
    });
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
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? t('common.saving') : t('createProcess.copySubmit')}
        </button>
      </form>
    </section>
  );
}
