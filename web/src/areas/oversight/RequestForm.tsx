import { useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors } from '../../lib/useFormErrors';
import type { OversightWorkspace } from '../../lib/api-types';
import { SelectField, TextAreaField } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { FormAlert } from '../../components/FormAlert';
import { formatDate } from '../../lib/format';
import { oversightApi } from './api';

const WHOLE = 'process';

/** A committee member's request for information, about a project or the process, with its deadline. */
export function RequestForm({ slug, workspace: ws, onDone }: { slug: string; workspace: OversightWorkspace; onDone(ws: OversightWorkspace): void }) {
  const { t, language } = useT();
  const f = useFormErrors();
  const [about, setAbout] = useState(WHOLE);
  const [question, setQuestion] = useState('');
  const [deadline, setDeadline] = useState(ws.earliestDeadline);
  const send = () => void f.submit({
    'request-question': question.trim().length < 10 ? t('vigilance.errors.text') : null,
    'request-deadline': deadline && deadline >= ws.earliestDeadline ? null : t('vigilance.errors.deadline', { date: formatDate(ws.earliestDeadline, language) }),
  }, async () => {
    const answer = await oversightApi.request(slug, ws.process.id, { projectId: about === WHOLE ? null : about, question: question.trim(), deadline });
    setAbout(WHOLE); setQuestion(''); setDeadline(answer.workspace.earliestDeadline);
    onDone(answer.workspace);
  });
  return (
    <form ref={f.formRef} noValidate className="panel" aria-labelledby="request-title" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <h2 id="request-title">{t('vigilance.requestTitle')}</h2>
      <FormAlert id="request-alert" ref={f.alertRef} message={f.formError} />
      <SelectField id="request-about" data-field="projectId" label={t('vigilance.aboutLabel')} value={about} onChange={(e) => setAbout(e.target.value)}
        options={[{ value: WHOLE, label: t('vigilance.wholeProcess') }, ...ws.projects.map((p) => ({ value: p.id, label: t('vigilance.numbered', { number: p.number, title: p.title }) }))]} />
      <TextAreaField id="request-question" data-field="question" label={t('vigilance.questionLabel')} value={question}
        onChange={(e) => setQuestion(e.target.value)} error={f.errors['request-question']} />
      <TextField id="request-deadline" data-field="deadline" type="date" min={ws.earliestDeadline} label={t('vigilance.deadlineLabel')}
        hint={t('vigilance.deadlineHint', { days: ws.minWorkingDays, date: formatDate(ws.earliestDeadline, language) })}
        value={deadline} onChange={(e) => setDeadline(e.target.value)} error={f.errors['request-deadline']} />
      <p className="actions"><button type="submit" className="button" disabled={f.busy}>{t('vigilance.sendRequest')}</button></p>
    </form>
  );
}
