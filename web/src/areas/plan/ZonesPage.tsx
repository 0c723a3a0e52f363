import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { planApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormErrors } from '../../lib/useFormErrors';
import { formatNumber } from '../../lib/format';
import { ZONE_KINDS, type Zone } from '../../lib/prep-types';
import { ErrorNotice, Loading } from '../../components/Status';
import { TextField } from '../../components/TextField';
import { SelectField, TextAreaField } from '../../components/fields';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { useStaffContext } from '../../lib/process-context';

/** Zones of the municipality (sectors, neighbourhood committees, rural centres): add one, correct one with a reason. */
export function ZonesPage() {
  const { slug, municipality } = useStaffContext();
  const { t, language } = useT();
  useDocumentTitle(t('zones.title'));
  const list = useResource(`zones:${slug}`, (signal) => planApi.zones(slug, signal));
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <article aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">{municipality.name}</p>
        <h1 id="page-title">{t('zones.title')}</h1>
        <p className="lead">{t('zones.intro')}</p>
      </header>
      <SuccessNotice message={saved} />
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && (
        <ErrorNotice title={t('staff.zonesLoadError')} onRetry={list.reload}>
          <p>{list.error.message}</p>
        </ErrorNotice>
      )}
      {list.status === 'ok' && (
        <ul className="entry-list">
          {list.data.zones.map((z) => (
            <li key={z.id} className="entry">
              <p className="entry-head">
                <span className="entry-name">
                  {z.code} · {z.name}
                </span>
              </p>
              <p className="entry-meta">
                {t(`zones.kind.${z.kind}`)} · {z.population === null ? t('zones.noPopulation') : t('zones.population', { count: z.population, n: formatNumber(z.population, language) })}
              </p>
              {editing === z.id ? (
                <ZoneForm
                  idPrefix={`zone-${z.id}`}
                  initial={z}
                  needsReason
                  submitLabel={t('common.save')}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (input) => {
                    await planApi.updateZone(slug, z.id, { ...input, reason: input.reason ?? '' });
                    setEditing(null);
                    setSaved(t('zones.saved', { name: input.name }));
                    list.reload();
                  }}
                />
              ) : (
                <button type="button" className="button button-secondary" onClick={() => setEditing(z.id)}>
                  {t('zones.edit', { name: z.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="new-zone">
        <h2 id="new-zone">{t('zones.newTitle')}</h2>
        <ZoneForm
          key={formKey}
          idPrefix="zone-new"
          initial={{ code: '', name: '', kind: 'sector', population: null }}
          submitLabel={t('zones.create')}
          onSubmit={async (input) => {
            await planApi.createZone(slug, { code: input.code, name: input.name, kind: input.kind, population: input.population });
            setSaved(t('zones.created', { name: input.name }));
            setFormKey((n) => n + 1);
            list.reload();
          }}
        />
      </section>
    </article>
  );
}

type ZoneInput = Omit<Zone, 'id'> & { reason?: string };

function ZoneForm({
  idPrefix,
  initial,
  needsReason,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: Omit<Zone, 'id'>;
  needsReason?: boolean;
  submitLabel: string;
  onSubmit(input: ZoneInput): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const [code, setCode] = useState(initial.code);
  const [name, setName] = useState(initial.name);
  const [kind, setKind] = useState<string>(initial.kind);
  const [population, setPopulation] = useState(initial.population === null ? '' : String(initial.population));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const id = (f: string) => `${idPrefix}-${f}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      [id('code')]: !/^[A-Za-z0-9._-]{1,20}$/.test(code.trim()) ? t('zones.errors.code') : null,
      [id('name')]: name.trim().length < 2 ? t('zones.errors.name') : null,
      [id('population')]: population.trim() && !/^\d+$/.test(population.trim()) ? t('zones.errors.population') : null,
      [id('reason')]: needsReason && reason.trim().length < 5 ? t('processForm.errors.reason') : null,
    };
    if (form.showClientErrors(found)) return;
    setBusy(true);
    try {
      await onSubmit({
        code: code.trim(),
        name: name.trim(),
        kind: kind as Zone['kind'],
        population: population.trim() ? Number(population) : null,
        ...(needsReason ? { reason: reason.trim() } : {}),
      });
    } catch (cause) {
      form.showServerError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert id={id('error')} ref={form.alertRef} message={form.formError} />
      <div className="field-row">
        <TextField id={id('code')} data-field="code" label={t('zones.code')} error={form.errors[id('code')]} value={code} onChange={(e) => setCode(e.target.value)} />
        <TextField id={id('name')} data-field="name" label={t('zones.name')} error={form.errors[id('name')]} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field-row">
        <SelectField
          id={id('kind')}
          data-field="kind"
          label={t('zones.kindLabel')}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={ZONE_KINDS.map((k) => ({ value: k, label: t(`zones.kind.${k}`) }))}
        />
        <TextField id={id('population')} data-field="population" label={t('zones.populationLabel')} error={form.errors[id('population')]} value={population} onChange={(e) => setPopulation(e.target.value)} inputMode="numeric" />
      </div>
      {needsReason && (
        <TextAreaField id={id('reason')} data-field="reason" label={t('processForm.reasonRequired')} error={form.errors[id('reason')]} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
      )}
      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}
