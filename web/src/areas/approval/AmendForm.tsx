import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { peruToday } from '../../lib/format';
import type { ApprovalChain } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { RadioGroup, SelectField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { ReasonField, reasonProblem } from '../../components/ReasonField';
import { approvalApi } from './api';

type Kind = 'withdraw' | 'replace' | 'change_amount';
const KINDS: Kind[] = ['withdraw', 'replace', 'change_amount'];

/** An amendment of the formalized list, as a vote decided it: withdraw a project, replace it by an alternate of its envelope, or change its amount. */
export function AmendForm({ slug, processId, chain, onDone }: { slug: string; processId: string; chain: ApprovalChain; onDone(c: ApprovalChain): void }) {
  const { t, language } = useT();
  const f = useFormErrors();
  const envelopes = chain.envelopes ?? [];
  const [kind, setKind] = useState<Kind>('withdraw');
  const [proposalId, setProposalId] = useState('');
  const [replacementId, setReplacementId] = useState('');
  const [amount, setAmount] = useState('');
  const [heldOn, setHeldOn] = useState(peruToday());
  const [reference, setReference] = useState('');
  const [votes, setVotes] = useState({ for: '', against: '', abstentions: '0' });
  const [reason, setReason] = useState('');
  const envelope = envelopes.find((e) => e.funded.some((p) => p.proposalId === proposalId));
  const whole = (s: string) => /^\d+$/.test(s.trim());
  const send = () => void f.submit({
    'amend-project': proposalId ? null : t('approval.errors.project'),
    'amend-replacement': kind === 'replace' && !replacementId ? t('approval.errors.replacement') : null,
    'amend-amount': kind === 'change_amount' && !/^\d+(\.\d{1,2})?$/.test(amount.trim()) ? t('approval.errors.amount') : null,
    'amend-held': heldOn ? null : t('approval.errors.heldOn'),
    'amend-reference': reference.trim().length < 3 ? t('approval.errors.reference') : null,
    'amend-for': whole(votes.for) ? null : t('approval.errors.votes'),
    'amend-against': whole(votes.against) ? null : t('approval.errors.votes'),
    'amend-abstentions': whole(votes.abstentions) ? null : t('approval.errors.votes'),
    'amend-reason': reasonProblem(reason, t),
  }, async () => {
    const c = await approvalApi.amend(slug, processId, language, {
      kind, proposalId, reason: reason.trim(),
      ...(kind === 'replace' ? { replacementId } : {}),
      ...(kind === 'change_amount' ? { amountCents: Math.round(Number(amount.trim()) * 100) } : {}),
      vote: { heldOn, reference: reference.trim(), votesFor: Number(votes.for), votesAgainst: Number(votes.against), abstentions: Number(votes.abstentions) },
    });
    setProposalId(''); setReplacementId(''); setAmount(''); setReason('');
    onDone(c);
  });
  const name = (p: { number: number; title: string }) => t('approval.projectName', { number: p.number, title: p.title });
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="amend-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="amend-title">{t('approval.amendTitle')}</h2>
      <p>{t('approval.amendHint')}</p>
      <FormAlert id="amend-alert" ref={f.alertRef} message={f.formError} />
      <RadioGroup id="amend-kind" name="amend-kind" legend={t('approval.amendKind')} value={kind} onChange={(v) => setKind(v as Kind)} dataField="kind"
        options={KINDS.map((k) => ({ value: k, label: t(`approval.kind.${k}`) }))} />
      <SelectField id="amend-project" data-field="proposalId" label={t('approval.fundedProject')} value={proposalId} onChange={(e) => { setProposalId(e.target.value); setReplacementId(''); }}
        placeholder={t('approval.chooseProject')} options={envelopes.flatMap((e) => e.funded).map((p) => ({ value: p.proposalId, label: name(p) }))} error={f.errors['amend-project']} />
      {kind === 'replace' && (
        <SelectField id="amend-replacement" data-field="replacementId" label={t('approval.replacement')} hint={t('approval.replacementHint')} value={replacementId}
          onChange={(e) => setReplacementId(e.target.value)} placeholder={t('approval.chooseProject')}
          options={(envelope?.alternates ?? []).map((p) => ({ value: p.proposalId, label: name(p) }))} error={f.errors['amend-replacement']} />
      )}
      {kind === 'change_amount' && (
        <TextField id="amend-amount" data-field="amountCents" inputMode="decimal" label={t('approval.newAmount')} value={amount} onChange={(e) => setAmount(e.target.value)} error={f.errors['amend-amount']} />
      )}
      <fieldset className="fieldset">
        <legend className="field-label">{t('approval.voteLegend')}</legend>
        <TextField id="amend-held" data-field="vote.heldOn" type="date" max={peruToday()} label={t('approval.heldOnLabel')} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={f.errors['amend-held']} />
        <TextField id="amend-reference" data-field="vote.reference" label={t('approval.reference')} value={reference} onChange={(e) => setReference(e.target.value)} error={f.errors['amend-reference']} />
        <TextField id="amend-for" data-field="votesFor vote.votesFor" inputMode="numeric" label={t('approval.votesFor')} value={votes.for} onChange={(e) => setVotes({ ...votes, for: e.target.value })} error={f.errors['amend-for']} />
        <TextField id="amend-against" data-field="votesAgainst vote.votesAgainst" inputMode="numeric" label={t('approval.votesAgainst')} value={votes.against} onChange={(e) => setVotes({ ...votes, against: e.target.value })} error={f.errors['amend-against']} />
        <TextField id="amend-abstentions" data-field="abstentions vote.abstentions" inputMode="numeric" label={t('approval.abstentions')} value={votes.abstentions} onChange={(e) => setVotes({ ...votes, abstentions: e.target.value })} error={f.errors['amend-abstentions']} />
      </fieldset>
      <ReasonField id="amend-reason" value={reason} onChange={setReason} error={f.errors['amend-reason']} />
      <p className="actions">
        <button type="submit" className="button" disabled={f.busy}>{t('approval.recordAmendment')}</button>
      </p>
    </form>
  );
}
