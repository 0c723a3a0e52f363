import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import type { ApprovalChain } from '../../lib/api-types';
import { TextAreaField } from '../../components/fields';
import { FormAlert } from '../../components/FormAlert';
import { approvalApi } from './api';

type Session = ApprovalChain['sessions'][number];

/** The municipality answers the observations of the session that returned the list; then it resubmits it to the same body. */
export function AnswerForm({ slug, processId, returned, onDone }: { slug: string; processId: string; returned: Session; onDone(c: ApprovalChain): void }) {
  const { t, language } = useT();
  const f = useFormErrors();
  const [text, setText] = useState('');
  const send = () => void f.submit({ 'answer-text': text.trim().length < 5 ? t('approval.errors.answer') : null }, async () => {
    const c = await approvalApi.answer(slug, processId, language, { answerText: text.trim() });
    setText('');
    onDone(c);
  });
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="answer-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="answer-title">{t('approval.answerTitle')}</h2>
      <p>{t('approval.answerHint', { body: t(`approval.body.${returned.body}`), reference: returned.reference })}</p>
      <blockquote className="preserve-lines">{returned.observations}</blockquote>
      <FormAlert id="answer-alert" ref={f.alertRef} message={f.formError} />
      <TextAreaField id="answer-text" data-field="answerText" label={t('approval.answerLabel')} value={text} onChange={(e) => setText(e.target.value)} error={f.errors['answer-text']} />
      <p className="actions">
        <button type="submit" className="button" disabled={f.busy}>{t('approval.sendAnswer')}</button>
      </p>
    </form>
  );
}
