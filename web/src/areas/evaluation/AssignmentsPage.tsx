import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { evaluationApi } from './api';
import { useResource } from '../../lib/useResource';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormErrors } from '../../lib/useFormErrors';
import { useStaffProcess } from '../../lib/process-context';
import { formatSoles } from '../../lib/format';
import type { AssignmentBoard } from '../../lib/api-types';
import { Page } from '../../components/PageHeader';
import { Loaded } from '../../components/Loaded';
import { CheckboxField } from '../../components/fields';
import { FormAlert, SuccessNotice } from '../../components/FormAlert';
import { FormActions } from '../../components/FormActions';
import { ReasonField, reasonProblem } from '../../components/ReasonField';

const pairKey = (proposalId: string, evaluatorId: string) => `${proposalId}|${evaluatorId}`;

/** The administrator assigns proposals to the technical team; each proposal lists who may not take it and why. */
export function AssignmentsPage() {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  useDocumentTitle(t('staff.pages.evaluationAssignments'));
  const board = useResource(`evaluation-board:${slug}:${process.id}`, (signal) => evaluationApi.board(slug, process.id, signal));
  return (
    <Page title={t('staff.pages.evaluationAssignments')} lead={t('evaluation.assign.intro')}>
      <Loaded resource={board} errorTitle={t('evaluation.loadError')}>
        {(b) => <Board board={b} onChanged={board.reload} />}
      </Loaded>
    </Page>
  );
}

function Board({ board, onChanged }: { board: AssignmentBoard; onChanged(): void }) {
  const { slug, process } = useStaffProcess();
  const { t, language } = useT();
  const form = useFormErrors();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const names = new Map(board.evaluators.map((e) => [e.id, e.name]));
  const possible = board.proposals.filter((p) => !p.published).flatMap((p) => board.evaluators
    .filter((e) => !p.assignments.some((a) => a.evaluatorId === e.id) && !p.conflicts.some((c) => c.evaluatorId === e.id))
    .map((e) => pairKey(p.proposal.id, e.id)));
  const toggle = (key: string, on: boolean) => setChosen((s) => { const n = new Set(s); if (on) n.add(key); else n.delete(key); return n; });
  const { progress } = board;

  if (!board.hasMatrix) {
    return (
      <p className="notice">
        {t('evaluation.assign.noMatrix')} <Link to={`/m/${slug}/staff/p/${process.id}/evaluation/matrix`}>{t('evaluation.assign.toMatrix')}</Link>
      </p>
    );
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={(e) => {
      e.preventDefault();
      setNote(null);
      if (chosen.size === 0) {
        form.setFormError(t('evaluation.assign.none'));
        return;
      }
      void form.submit({ 'a-reason': reasonProblem(reason, t) }, async () => {
        const assignments = [...chosen].map((k) => { const [proposalId, evaluatorId] = k.split('|') as [string, string]; return { proposalId, evaluatorId }; });
        const { assigned } = await evaluationApi.assign(slug, process.id, { assignments, reason });
        setChosen(new Set());
        setNote(t('evaluation.assign.done', { count: assigned }));
        onChanged();
      });
    }}>
      <p aria-live="polite">
        {t('evaluation.assign.progress', { proposals: progress.proposals, unassigned: progress.unassigned, unevaluated: progress.unevaluated })}
        {progress.evaluatorsPending.length > 0 && ` ${t('evaluation.assign.pending', { names: progress.evaluatorsPending.map((e) => `${e.name} (${e.pending})`).join(', ') })}`}
      </p>
      <FormAlert id="assign-error" ref={form.alertRef} message={form.formError} />
      <SuccessNotice message={note} />
      {board.evaluators.length === 0 && <p className="notice">{t('evaluation.assign.noTeam')}</p>}
      {board.proposals.length === 0 && <p className="empty">{t('evaluation.assign.empty')}</p>}
      {possible.length > 0 && (
        <p className="actions">
          <button type="button" className="button button-secondary" onClick={() => setChosen(new Set(possible))}>{t('evaluation.assign.selectAll')}</button>
        </p>
      )}
      {board.proposals.map((p, i) => (
        <fieldset key={p.proposal.id} className="card fieldset">
          <legend>{t('evaluation.numbered', { number: p.proposal.number, title: p.proposal.title })}</legend>
          <p className="muted">
            {p.proposal.zone.name} · {formatSoles(p.proposal.costCents, language)}
            {p.published && <> · <span className="badge badge-approved">{t('evaluation.assign.published')}</span></>}
          </p>
          <ul className="plain-rules">
            {board.evaluators.map((e, k) => {
              const assigned = p.assignments.find((a) => a.evaluatorId === e.id);
              const conflict = p.conflicts.find((c) => c.evaluatorId === e.id);
              const key = pairKey(p.proposal.id, e.id);
              if (assigned) {
                return (
                  <li key={e.id}>
                    {e.name}: <span className={`badge ${assigned.status === 'finished' ? 'badge-approved' : 'badge-pending'}`}>{t(`evaluation.status.${assigned.status}`)}</span>
                    {assigned.status === 'assigned' && (
                      <button type="button" className="button button-secondary" onClick={() => {
                        setNote(null);
                        void form.submit({ 'a-reason': reasonProblem(reason, t) }, async () => {
                          await evaluationApi.unassign(slug, process.id, { proposalId: p.proposal.id, evaluatorId: e.id, reason });
                          setNote(t('evaluation.assign.removed'));
                          onChanged();
                        });
                      }}>
                        {t('evaluation.assign.remove', { name: e.name })}
                      </button>
                    )}
                  </li>
                );
              }
              if (conflict) {
                return <li key={e.id} className="muted">{t('evaluation.assign.cannot', { name: e.name, reasons: conflict.reasons.map((r) => t(`evaluation.conflict.${r}`)).join('; ') })}</li>;
              }
              if (p.published) return null;
              return (
                <li key={e.id}>
                  <CheckboxField id={`a-${i}-${k}`} label={t('evaluation.assign.assignTo', { name: names.get(e.id) ?? e.name })}
                    checked={chosen.has(key)} onChange={(on) => toggle(key, on)} error={form.errors[`a-${i}-${k}`]}
                    dataField={`assignments.${[...chosen].indexOf(key)}.evaluatorId`} />
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      <ReasonField id="a-reason" value={reason} onChange={setReason} error={form.errors['a-reason']} label={t('evaluation.assign.reason')} />
      <FormActions busy={form.busy} submitLabel={t('evaluation.assign.submit', { count: chosen.size })} />
    </form>
  );
}
