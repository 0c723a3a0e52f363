import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import type { ApprovalChain } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { approvalApi } from './api';

/** Set or clear a project's code in the national investment system (Invierte.pe): not an amendment, it often comes late. */
export function CodeForm({ slug, processId, chain, onDone }: { slug: string; processId: string; chain: ApprovalChain; onDone(c: ApprovalChain, number: number): void }) {
  const { t, language } = useT();
  const f = useFormErrors();
  const projects = (chain.envelopes ?? []).flatMap((e) => [...e.funded, ...e.alternates]);
  const [proposalId, setProposalId] = useState('');
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const pick = (id: string) => { setProposalId(id); setCode(projects.find((p) => p.proposalId === id)?.investmentCode ?? ''); };
  const send = () => void f.submit({
    'code-project': proposalId ? null : t('approval.errors.project'),
    'code-value': code.trim() === '' || /^\d{4,10}$/.test(code.trim()) ? null : t('approval.errors.code'),
    'code-reason': reasonProblem(reason, t),
  }, async () => {
    const c = await approvalApi.setCode(slug, processId, language, proposalId, { investmentCode: code.trim() === '' ? null : code.trim(), reason: reason.trim() });
    setReason('');
    onDone(c, projects.find((p) => p.proposalId === proposalId)?.number ?? 0);
  });
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="code-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="code-title">{t('approval.codeTitle')}</h2>
      <p>{t('approval.codeHint')}</p>
      <FormAlert id="code-alert" ref={f.alertRef} message={f.formError} />
      <SelectField id="code-project" data-field="proposalId" label={t('approval.project')} value={proposalId} onChange={(e) => pick(e.target.value)} placeholder={t('approval.chooseProject')}
        options={projects.map((p) => ({ value: p.proposalId, label: t('approval.projectName', { number: p.number, title: p.title }) }))} error={f.errors['code-project']} />
      <TextField id="code-value" data-field="investmentCode" inputMode="numeric" label={t('approval.investmentCode')} hint={t('approval.codeValueHint')} value={code} onChange={(e) => setCode(e.target.value)} error={f.errors['code-value']} />
      <ReasonField id="code-reason" value={reason} onChange={setReason} error={f.errors['code-reason']} />
      <p className="actions">
        <button type="submit" className="button button-secondary" disabled={f.busy}>{t('approval.saveCode')}</button>
      </p>
    </form>
  );
}
