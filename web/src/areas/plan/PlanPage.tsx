import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { planApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormErrors } from '../../lib/useFormErrors';
import { ErrorNotice, Loading } from '../../components/Status';
import { TextField } from '../../components/TextField';
import { TextAreaField } from '../../components/fields';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { useStaffContext } from '../../lib/process-context';

interface Item {
  code: string;
  title: string;
  description: string;
}

/** The Concerted Development Plan: thematic axes and their strategic objectives (proposals will link to them). */
export function PlanPage() {
  const { slug, municipality } = useStaffContext();
  const { t } = useT();
  useDocumentTitle(t('plan.title'));
  const plan = useResource(`plan:${slug}`, (signal) => planApi.plan(slug, signal));
  const [saved, setSaved] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const done = (message: string) => {
    setSaved(message);
    setOpen(null);
    setFormKey((n) => n + 1);
    plan.reload();
  };

  return (
    <article aria-labelledby="page-title">
      <header className="page-header">
        <p className="eyebrow">{municipality.name}</p>
        <h1 id="page-title">{t('plan.title')}</h1>
        <p className="lead">{t('plan.intro')}</p>
      </header>
      <SuccessNotice message={saved} />
      {plan.status === 'loading' && <Loading />}
      {plan.status === 'error' && (
        <ErrorNotice title={t('plan.loadError')} onRetry={plan.reload}>
          <p>{plan.error.message}</p>
        </ErrorNotice>
      )}
      {plan.status === 'ok' && plan.data.axes.length === 0 && <p className="empty">{t('plan.empty')}</p>}
      {plan.status === 'ok' &&
        plan.data.axes.map((axis) => (
          <section key={axis.id} className="card" aria-labelledby={`axis-${axis.id}`}>
            <h2 id={`axis-${axis.id}`}>
              {axis.code} · {axis.name}
            </h2>
            {axis.description && <p>{axis.description}</p>}
            {open === `axis:${axis.id}` ? (
              <ItemForm
                idPrefix={`axis-${axis.id}`}
                titleLabel={t('plan.axisName')}
                initial={{ code: axis.code, title: axis.name, description: axis.description }}
                needsReason
                onCancel={() => setOpen(null)}
                onSubmit={async (v, reason) => {
                  await planApi.updateAxis(slug, axis.id, { code: v.code, name: v.title, description: v.description, reason: reason! });
                  done(t('plan.saved', { name: v.title }));
                }}
              />
            ) : (
              <button type="button" className="button button-secondary" onClick={() => setOpen(`axis:${axis.id}`)}>
                {t('plan.editAxis', { name: axis.name })}
              </button>
            )}
            <h3>{t('plan.objectives')}</h3>
            {axis.objectives.length === 0 && <p>{t('plan.noObjectives')}</p>}
            <ul className="entry-list">
              {axis.objectives.map((o) => (
                <li key={o.id} className="entry">
                  <p className="entry-head">
                    <span className="entry-name">
                      {o.code} · {o.title}
                    </span>
                  </p>
                  {o.description && <p className="entry-meta">{o.description}</p>}
                  {open === `objective:${o.id}` ? (
                    <ItemForm
                      idPrefix={`obj-${o.id}`}
                      titleLabel={t('plan.objectiveTitle')}
                      initial={{ code: o.code, title: o.title, description: o.description }}
                      needsReason
                      onCancel={() => setOpen(null)}
                      onSubmit={async (v, reason) => {
                        await planApi.updateObjective(slug, o.id, { code: v.code, title: v.title, description: v.description, reason: reason! });
                        done(t('plan.saved', { name: v.title }));
                      }}
                    />
                  ) : (
                    <button type="button" className="link-button" onClick={() => setOpen(`objective:${o.id}`)}>
                      {t('plan.editObjective', { code: o.code })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {open === `new-objective:${axis.id}` ? (
              <ItemForm
                key={formKey}
                idPrefix={`new-obj-${axis.id}`}
                titleLabel={t('plan.objectiveTitle')}
                initial={{ code: '', title: '', description: '' }}
                onCancel={() => setOpen(null)}
                onSubmit={async (v) => {
                  await planApi.createObjective(slug, { axisId: axis.id, code: v.code, title: v.title, description: v.description });
                  done(t('plan.created', { name: v.title }));
                }}
              />
            ) : (
              <button type="button" className="button button-secondary" onClick={() => setOpen(`new-objective:${axis.id}`)}>
                {t('plan.addObjective', { name: axis.name })}
              </button>
            )}
          </section>
        ))}
      <section className="card" aria-labelledby="new-axis">
        <h2 id="new-axis">{t('plan.newAxis')}</h2>
        <ItemForm
          key={`axis-${formKey}`}
          idPrefix="new-axis"
          titleLabel={t('plan.axisName')}
          initial={{ code: '', title: '', description: '' }}
          onSubmit={async (v) => {
            await planApi.createAxis(slug, { code: v.code, name: v.title, description: v.description });
            done(t('plan.created', { name: v.title }));
          }}
        />
      </section>
    </article>
  );
}

function ItemForm({
  idPrefix,
  titleLabel,
  initial,
  needsReason,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  titleLabel: string;
  initial: Item;
  needsReason?: boolean;
  onSubmit(v: Item, reason?: string): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const [v, setV] = useState(initial);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const id = (f: string) => `${idPrefix}-${f}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      [id('code')]: !/^[A-Za-z0-9._-]{1,20}$/.test(v.code.trim()) ? t('zones.errors.code') : null,
      [id('title')]: v.title.trim().length < 3 ? t('plan.errors.title') : null,
      [id('reason')]: needsReason && reason.trim().length < 5 ? t('processForm.errors.reason') : null,
    };
    if (form.showClientErrors(found)) return;
    setBusy(true);
    try {
      await onSubmit({ code: v.code.trim(), title: v.title.trim(), description: v.description.trim() }, needsReason ? reason.trim() : undefined);
    } catch (cause) {
      form.showServerError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={submit}>
      <FormAlert id={id('error')} ref={form.alertRef} message={form.formError} />
      <TextField id={id('code')} data-field="code" label={t('zones.code')} error={form.errors[id('code')]} value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} />
      <TextField id={id('title')} data-field="name title" label={titleLabel} error={form.errors[id('title')]} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} />
      <TextAreaField id={id('description')} data-field="description" label={t('plan.description')} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} rows={2} />
      {needsReason && (
        <TextAreaField id={id('reason')} data-field="reason" label={t('processForm.reasonRequired')} error={form.errors[id('reason')]} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
      )}
      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
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
