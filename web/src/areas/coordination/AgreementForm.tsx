import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import { parseSoles, peruToday } from '../../lib/format';
import type { Attachment, Coordination } from '../../lib/api-types';
import { TextField } from '../../components/TextField';
import { SelectField, TextAreaField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { FileUpload } from '../files/FileUpload';
import { coordinationApi } from './api';
import { said } from '../../lib/said';

const PARTY_KINDS = ['regional_government', 'provincial_municipality', 'national_programme', 'ngo', 'company', 'community', 'other'] as const;
type PartyKind = (typeof PARTY_KINDS)[number];

/** An administrator records a signed agreement co-financing a project: party, amount, conditions, the signed document. */
export function AgreementForm({ slug, processId, proposalId, number, onDone }: { slug: string; processId: string; proposalId: string; number: number; onDone(c: Coordination): void }) {
  const { t } = useT();
  const f = useFormErrors();
  const id = (name: string) => `agreement-${proposalId}-${name}`;
  const [partyKind, setPartyKind] = useState<PartyKind | ''>('');
  const [partyName, setPartyName] = useState('');
  const [amount, setAmount] = useState('');
  const [contribution, setContribution] = useState<'money' | 'in_kind'>('money');
  const [conditions, setConditions] = useState('');
  const [signedOn, setSignedOn] = useState('');
  const [files, setFiles] = useState<Attachment[]>([]);

  const send = () => {
    const cents = parseSoles(amount);
    const document = files.at(-1);
    void f.submit({
      [id('kind')]: partyKind ? null : t('coordination.errors.partyKind'),
      [id('name')]: partyName.trim().length < 2 ? t('coordination.errors.partyName') : null,
      [id('amount')]: cents === null || cents <= 0 ? t('coordination.errors.amount') : null,
      [id('conditions')]: conditions.trim().length < 3 ? t('coordination.errors.conditions') : null,
      [id('signed')]: signedOn ? null : t('coordination.errors.signedOn'),
      [id('document')]: document ? null : t('coordination.errors.document'),
    }, async () => {
      const c = await coordinationApi.addAgreement(slug, processId, proposalId, {
        partyKind: partyKind as PartyKind, partyName: partyName.trim(), amountCents: cents!, contribution, conditions: conditions.trim(),
        documentFileId: document!.id, signedOn,
      });
      setPartyKind(''); setPartyName(''); setAmount(''); setConditions(''); setSignedOn(''); setFiles([]);
      onDone(c);
    });
  };

  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby={id('title')} onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h3 id={id('title')}>{t('coordination.addTitle', { number })}</h3>
      <FormAlert id={id('alert')} ref={f.alertRef} message={f.formError} />
      <SelectField id={id('kind')} data-field="partyKind" label={t('coordination.partyKindLabel')} placeholder={t('coordination.choose')} value={partyKind}
        onChange={(e) => setPartyKind(e.target.value as PartyKind)} error={f.errors[id('kind')]}
        options={PARTY_KINDS.map((k) => ({ value: k, label: t(`coordination.partyKind.${k}`) }))} />
      <TextField id={id('name')} data-field="partyName" label={t('coordination.partyName')} value={partyName} onChange={(e) => setPartyName(e.target.value)} error={f.errors[id('name')]} />
      <TextField id={id('amount')} data-field="amountCents" label={t('coordination.amountLabel')} hint={t('coordination.amountHint')} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={f.errors[id('amount')]} />
      <SelectField id={id('contribution')} data-field="contribution" label={t('coordination.contribution')} value={contribution}
        onChange={(e) => setContribution(e.target.value as 'money' | 'in_kind')}
        options={(['money', 'in_kind'] as const).map((k) => ({ value: k, label: t(`coordination.contributionValue.${k}`) }))} />
      <TextAreaField id={id('conditions')} data-field="conditions" label={t('coordination.conditions')} rows={3} value={conditions} onChange={(e) => setConditions(e.target.value)} error={f.errors[id('conditions')]} />
      <TextField id={id('signed')} data-field="signedOn" type="date" max={peruToday()} label={t('coordination.signedOnLabel')} value={signedOn} onChange={(e) => setSignedOn(e.target.value)} error={f.errors[id('signed')]} />
      <div id={id('document')} data-field="documentFileId" tabIndex={-1}>
        <FileUpload id={id('file')} slug={slug} label={t('coordination.documentLabel')} files={files} onChange={setFiles} accept="application/pdf,image/*" />
        {f.errors[id('document')] && <p className="field-error" role="alert">{said(f.errors[id('document')])}</p>}
      </div>
      <p className="actions">
        <button type="submit" className="button" disabled={f.busy}>{t('coordination.add')}</button>
      </p>
    </form>
  );
}
