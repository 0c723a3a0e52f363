import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { parseSoles, solesForInput } from '../../lib/format';
import type { Attachment, Contribution, EditProposalBody, FunderKind, Proposal, ThematicAxis, Zone } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { SelectField, TextAreaField } from '../../components/fields';
import { ZoneSelect } from '../../components/ZoneSelect';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { FileUpload } from '../files/FileUpload';
import { said } from '../../lib/said';

const FUNDER_KINDS: FunderKind[] = ['community', 'municipality', 'regional_government', 'ngo', 'company'];
const CONTRIBUTIONS: Contribution[] = ['in_kind', 'money'];

interface PledgeValues { funderKind: string; funderName: string; contribution: string; description: string; amount: string }

export interface ProposalValues {
  title: string;
  description: string;
  zoneId: string;
  axisId: string;
  objectiveId: string;
  problem: string;
  beneficiariesCount: string;
  beneficiaryGroups: string;
  cost: string;
  location: string;
  pledges: PledgeValues[];
  attachments: Attachment[];
  reason: string;
}

export const emptyProposal: ProposalValues = {
  title: '', description: '', zoneId: '', axisId: '', objectiveId: '', problem: '', beneficiariesCount: '', beneficiaryGroups: '',
  cost: '', location: '', pledges: [], attachments: [], reason: '',
};

/** A proposal's current version as the form edits it. */
export function proposalValues(p: Proposal): ProposalValues {
  const v = p.current;
  return {
    title: v.title, description: v.description, zoneId: v.zone.id, axisId: v.axis.id, objectiveId: v.objective.id, problem: v.problem,
    beneficiariesCount: String(v.beneficiariesCount), beneficiaryGroups: v.beneficiaryGroups, cost: solesForInput(v.costCents, 'es'),
    location: v.location, attachments: v.attachments.map(({ id, filename, contentType, sizeBytes }) => ({ id, filename, contentType, sizeBytes })),
    pledges: v.pledges.map((pl) => ({ ...pl, amount: solesForInput(pl.amountCents, 'es') })), reason: '',
  };
}

/**
 * The proposal form, one column on a phone: what, where, which objective of the plan, for whom, how much, and who
 * co-finances it. Checks what it can before sending; the server's refusals show next to their field.
 */
export function ProposalForm({
  initial,
  zones,
  axes,
  slug,
  submitLabel,
  reasonLabel,
  before,
  onSubmit,
  onCancel,
}: {
  initial: ProposalValues;
  zones: Zone[];
  axes: ThematicAxis[];
  slug: string;
  submitLabel: string;
  reasonLabel: string;
  /** Fields placed first (the author, for a paper proposal). */
  before?: ReactNode;
  onSubmit(body: EditProposalBody): Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const [values, setValues] = useState(initial);
  const form = useFormErrors();
  const set = <K extends keyof ProposalValues>(k: K) => (value: ProposalValues[K]) => setValues((v) => ({ ...v, [k]: value }));
  const setPledge = (i: number, k: keyof PledgeValues, value: string) =>
    setValues((v) => ({ ...v, pledges: v.pledges.map((p, j) => (j === i ? { ...p, [k]: value } : p)) }));
  const objectives = axes.find((a) => a.id === values.axisId)?.objectives ?? [];
  const cost = parseSoles(values.cost);
  const count = Number(values.beneficiariesCount);

  const check = () => {
    const found: Record<string, string | null> = {
      'p-title': values.title.trim().length < 5 ? t('proposalForm.errors.title') : null,
      'p-description': values.description.trim().length < 20 ? t('proposalForm.errors.description') : null,
      'p-zone': !values.zoneId ? t('proposalForm.errors.zone') : null,
      'p-axis': !values.axisId ? t('proposalForm.errors.axis') : null,
      'p-objective': !values.objectiveId ? t('proposalForm.errors.objective') : null,
      'p-problem': values.problem.trim().length < 10 ? t('proposalForm.errors.problem') : null,
      'p-count': !Number.isInteger(count) || count < 1 ? t('proposalForm.errors.count') : null,
      'p-groups': values.beneficiaryGroups.trim().length < 3 ? t('proposalForm.errors.groups') : null,
      'p-cost': cost === null || cost <= 0 ? t('proposalForm.errors.cost') : null,
      'p-location': values.location.trim().length < 3 ? t('proposalForm.errors.location') : null,
    };
    values.pledges.forEach((p, i) => {
      found[`p-pledge-${i}-name`] = p.funderName.trim().length < 2 ? t('proposalForm.errors.funderName') : null;
      const amount = parseSoles(p.amount);
      found[`p-pledge-${i}-amount`] = amount === null || amount <= 0 ? t('proposalForm.errors.amount') : null;
    });
    return found;
  };

  const send = () =>
    onSubmit({
      title: values.title.trim(),
      description: values.description.trim(),
      zoneId: values.zoneId,
      axisId: values.axisId,
      objectiveId: values.objectiveId,
      problem: values.problem.trim(),
      beneficiariesCount: count,
      beneficiaryGroups: values.beneficiaryGroups.trim(),
      costCents: cost ?? 0,
      location: values.location.trim(),
      pledges: values.pledges.map((p) => ({
        funderKind: p.funderKind as FunderKind, funderName: p.funderName.trim(), contribution: p.contribution as Contribution,
        description: p.description.trim(), amountCents: parseSoles(p.amount) ?? 0,
      })),
      attachmentFileIds: values.attachments.map((a) => a.id),
      ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
    });

  return (
    <form ref={form.formRef} className="form" noValidate onSubmit={(e) => { e.preventDefault(); void form.submit(check(), send); }}>
      <FormAlert id="proposal-form-error" ref={form.alertRef} message={form.formError} />
      {before}
      <TextField id="p-title" data-field="title" label={t('proposalForm.title')} hint={t('proposalForm.titleHint')} error={form.errors['p-title']}
        value={values.title} onChange={(e) => set('title')(e.target.value)} maxLength={160} required />
      <TextAreaField id="p-description" data-field="description" label={t('proposals.description')} hint={t('proposalForm.descriptionHint')}
        error={form.errors['p-description']} value={values.description} onChange={(e) => set('description')(e.target.value)} maxLength={4000} required />
      <TextAreaField id="p-problem" data-field="problem" label={t('proposals.problem')} error={form.errors['p-problem']}
        value={values.problem} onChange={(e) => set('problem')(e.target.value)} rows={3} maxLength={2000} required />
      <ZoneSelect id="p-zone" dataField="zoneId" label={t('proposals.zone')} zones={zones} value={values.zoneId} onChange={set('zoneId')}
        placeholder={t('common.choose')} error={form.errors['p-zone']} required />
      <SelectField id="p-axis" data-field="axisId" label={t('proposals.axis')} error={form.errors['p-axis']} value={values.axisId}
        onChange={(e) => setValues((v) => ({ ...v, axisId: e.target.value, objectiveId: '' }))} placeholder={t('common.choose')}
        options={axes.map((a) => ({ value: a.id, label: `${a.code} · ${a.name}` }))} required />
      <SelectField id="p-objective" data-field="objectiveId" label={t('proposals.objective')} hint={t('proposalForm.objectiveHint')}
        error={form.errors['p-objective']} value={values.objectiveId} onChange={(e) => set('objectiveId')(e.target.value)}
        placeholder={values.axisId ? t('common.choose') : t('proposalForm.axisFirst')} disabled={!values.axisId}
        options={objectives.map((o) => ({ value: o.id, label: `${o.code} · ${o.title}` }))} required />
      <TextField id="p-location" data-field="location" label={t('proposals.location')} hint={t('proposalForm.locationHint')} error={form.errors['p-location']}
        value={values.location} onChange={(e) => set('location')(e.target.value)} maxLength={300} required />
      <TextField id="p-count" data-field="beneficiariesCount" label={t('proposalForm.count')} error={form.errors['p-count']} inputMode="numeric"
        value={values.beneficiariesCount} onChange={(e) => set('beneficiariesCount')(e.target.value.replace(/\D/g, ''))} required />
      <TextField id="p-groups" data-field="beneficiaryGroups" label={t('proposals.beneficiaryGroups')} hint={t('proposalForm.groupsHint')}
        error={form.errors['p-groups']} value={values.beneficiaryGroups} onChange={(e) => set('beneficiaryGroups')(e.target.value)} maxLength={300} required />
      <TextField id="p-cost" data-field="costCents" label={t('proposalForm.cost')} hint={t('proposalForm.costHint')} error={form.errors['p-cost']}
        inputMode="decimal" value={values.cost} onChange={(e) => set('cost')(e.target.value)} required />

      <fieldset className="fieldset" data-field="pledges" id="p-pledges" tabIndex={-1}>
        <legend className="field-label">{t('proposals.pledges')}</legend>
        <p className="field-hint">{t('proposalForm.pledgesHint')}</p>
        {form.errors['p-pledges'] && <p className="field-error">{said(form.errors['p-pledges'])}</p>}
        {values.pledges.map((p, i) => (
          <fieldset key={i} className="fieldset pledge">
            <legend>{t('proposalForm.pledgeN', { n: i + 1 })}</legend>
            <SelectField id={`p-pledge-${i}-kind`} data-field={`pledges.${i}.funderKind`} label={t('proposals.funderKind')} value={p.funderKind}
              onChange={(e) => setPledge(i, 'funderKind', e.target.value)} options={FUNDER_KINDS.map((k) => ({ value: k, label: t(`proposals.funderKinds.${k}`) }))} />
            <TextField id={`p-pledge-${i}-name`} data-field={`pledges.${i}.funderName pledges.${i}`} label={t('proposals.funder')} hint={t('proposalForm.funderHint')}
              error={form.errors[`p-pledge-${i}-name`]} value={p.funderName} onChange={(e) => setPledge(i, 'funderName', e.target.value)} />
            <SelectField id={`p-pledge-${i}-contribution`} data-field={`pledges.${i}.contribution`} label={t('proposals.contribution')} value={p.contribution}
              onChange={(e) => setPledge(i, 'contribution', e.target.value)} options={CONTRIBUTIONS.map((c) => ({ value: c, label: t(`proposals.contributions.${c}`) }))} />
            <TextField id={`p-pledge-${i}-description`} data-field={`pledges.${i}.description`} label={t('proposalForm.pledgeWhat')} hint={t('proposalForm.pledgeWhatHint')}
              value={p.description} onChange={(e) => setPledge(i, 'description', e.target.value)} maxLength={300} />
            <TextField id={`p-pledge-${i}-amount`} data-field={`pledges.${i}.amountCents`} label={t('proposalForm.pledgeAmount')} inputMode="decimal"
              error={form.errors[`p-pledge-${i}-amount`]} value={p.amount} onChange={(e) => setPledge(i, 'amount', e.target.value)} />
            <button type="button" className="button button-secondary" onClick={() => setValues((v) => ({ ...v, pledges: v.pledges.filter((_, j) => j !== i) }))}>
              {t('proposalForm.removePledge', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        {values.pledges.length < 20 && (
          <button type="button" className="button button-secondary"
            onClick={() => setValues((v) => ({ ...v, pledges: [...v.pledges, { funderKind: 'community', funderName: '', contribution: 'in_kind', description: '', amount: '' }] }))}>
            {t('proposalForm.addPledge')}
          </button>
        )}
      </fieldset>

      <FileUpload id="p-attachments" slug={slug} label={t('proposals.attachments')} files={values.attachments} onChange={set('attachments')} />
      <TextAreaField id="p-reason" data-field="reason" label={reasonLabel} value={values.reason} onChange={(e) => set('reason')(e.target.value)} rows={2} maxLength={2000} />
      <FormActions busy={form.busy} submitLabel={submitLabel} busyLabel={t('common.sending')} onCancel={onCancel} />
    </form>
  );
}
