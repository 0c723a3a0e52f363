import { useState } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { focusWhenRendered } from '../../lib/focus';
import { useStaffProcess } from '../../lib/process-context';
import type { BodyQuota, ElectedBodyKind } from '../../lib/api-types';
import { ReasonPrompt } from '../../components/ReasonPrompt';
import { quotasApi } from './api';
import { BodyFigures } from './BodyFigures';
import { ElectForm } from './ElectForm';
import { MemberName } from './MemberName';
import { said, type Said } from '../../lib/said';

/** A committee: where it stands, its members (each removable with a reason), and electing one more. */
export function CommitteeCard({ body, onChanged }: { body: BodyQuota; onChanged(message: string): void }) {
  const { slug, process } = useStaffProcess();
  const { t } = useT();
  const kind = body.kind as ElectedBodyKind;
  const id = `body-${kind}`;
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeReason, setRemoveReason] = useState('');
  const [removeError, setRemoveError] = useState<Said | null>(null);
  const bodyName = t(`quota.body.${kind}`);

  const remove = async (agentId: string, name: string) => {
    if (removeReason.trim().length < 3) {
      setRemoveError(t('decision.reasonRequired'));
      document.getElementById(`${id}-remove-reason`)?.focus();
      return;
    }
    try {
      await quotasApi.removeMember(slug, process.id, kind, agentId, removeReason.trim());
      setRemoving(null);
      setRemoveReason('');
      onChanged(t('committees.removed', { name, body: bodyName }));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setRemoveError(cause);
    }
  };

  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{bodyName}</h2>
      <BodyFigures body={body} />
      <h3>{t('quota.members')}</h3>
      {body.members && body.members.length === 0 && <p>{t('quota.noMembers')}</p>}
      {body.members && body.members.length > 0 && (
        <ul className="member-list">
          {body.members.map((m) => (
            <li key={m.agentId}>
              <MemberName member={m} />{' '}
              {removing === m.agentId ? (
                <ReasonPrompt
                  id={`${id}-remove-reason`}
                  label={t('committees.removeReason', { name: m.name })}
                  error={removeError}
                  value={removeReason}
                  onChange={setRemoveReason}
                  rows={2}
                  confirmLabel={t('committees.confirmRemove')}
                  onConfirm={() => void remove(m.agentId, m.name)}
                  onCancel={() => setRemoving(null)}
                />
              ) : (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setRemoving(m.agentId);
                    setRemoveError(null);
                    focusWhenRendered(() => document.getElementById(`${id}-remove-reason`));
                  }}
                >
                  {t('committees.remove', { name: m.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ElectForm kind={kind} bodyName={bodyName} memberIds={new Set(body.members?.map((m) => m.agentId) ?? [])} onElected={(name) => onChanged(t('committees.elected', { name, body: bodyName }))} />
    </section>
  );
}

