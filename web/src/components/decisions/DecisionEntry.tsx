import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import type { Decision, RegistrationStatus } from '../../lib/api-types';
import { StatusBadge } from '../Badges';
import { DecisionControls } from './DecisionControls';
import { DecisionReason } from './DecisionReason';

/** One item of a decision list: a tick box for bulk approval, its name and status, its details, its decision or controls. */
export function DecisionEntry({
  id,
  name,
  status,
  reason,
  details,
  selected,
  onSelect,
  onDecide,
  onRevert,
}: {
  /** Prefix of the entry's element ids (`agent-<id>`). */
  id: string;
  name: string;
  status: RegistrationStatus;
  reason: string | null;
  details: ReactNode;
  selected: boolean;
  onSelect(on: boolean): void;
  /** Set when the viewer may decide this (pending) item. */
  onDecide: ((decision: Decision, reason: string | null) => Promise<void>) | null;
  /** Set when the viewer may revert this (decided) item's decision. */
  onRevert: ((reason: string) => Promise<void>) | null;
}) {
  const { t } = useT();
  return (
    <li className="entry" aria-labelledby={`${id}-name`}>
      <div className="entry-head">
        {onDecide && (
          <input
            type="checkbox"
            className="entry-check"
            id={`${id}-select`}
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
            aria-label={t('decisionList.select', { name })}
          />
        )}
        <span className="entry-name" id={`${id}-name`} tabIndex={-1}>
          {name}
        </span>{' '}
        <StatusBadge status={status} />
      </div>
      {details}
      <DecisionReason status={status} reason={reason} />
      <DecisionControls id={id} name={name} onDecide={onDecide} onRevert={onRevert} />
    </li>
  );
}
