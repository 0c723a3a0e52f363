import { useDeferredValue, useMemo, useState } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { focusWhenRendered } from '../../lib/focus';
import { foldForSearch } from '../../lib/text';
import { useSelection } from '../../lib/useSelection';
import { SearchField } from '../SearchField';
import { said, type Said } from '../../lib/said';

const SHOWN = 60;

export interface RosterAgent {
  id: string;
  name: string;
  dni: string;
  zone: string;
  org: string | null;
}

/**
 * The approved agents, searchable by name or DNI (the first 60 matches shown): tick those present and record them at
 * once. Any session that takes attendance (a training session, a workshop) gives its own `record`.
 */
export function AttendanceChecklist({
  agents,
  recorded,
  record: send,
  onDone,
  onStart,
}: {
  agents: RosterAgent[];
  recorded: Map<string, unknown>;
  record(agentIds: string[]): Promise<{ added: string[]; attendanceCount: number }>;
  onDone(message: string): void;
  onStart(): void;
}) {
  const { t } = useT();
  const [filter, setFilter] = useState('');
  const query = foldForSearch(useDeferredValue(filter));
  const { selected, toggle, clear } = useSelection();
  const [error, setError] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  const matches = useMemo(
    () => agents.filter((a) => !query || foldForSearch(a.name).includes(query) || a.dni.startsWith(query)),
    [agents, query],
  );
  const shown = matches.slice(0, SHOWN);

  const record = async () => {
    onStart();
    setBusy(true);
    setError(null);
    try {
      const ids = [...selected];
      const answer = await send(ids);
      clear();
      onDone(t('attendance.recorded', { count: answer.added.length, total: answer.attendanceCount }));
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      setError(cause);
      focusWhenRendered(() => document.getElementById('checklist-error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="checklist">
      <SearchField
        id="checklist-filter"
        label={t('attendance.filter')}
        hint={t('attendance.filterHint')}
        countId="checklist-count"
        value={filter}
        onChange={setFilter}
      />
      <p id="checklist-count" role="status" className="result-count">
        {t('attendance.matches', { count: matches.length, shown: shown.length })}
      </p>
      {error && (
        <div id="checklist-error" className="notice notice-error" role="alert" tabIndex={-1}>
          <p>{said(error)}</p>
        </div>
      )}
      <ul className="check-list">
        {shown.map((a) => {
          const present = recorded.has(a.id);
          return (
            <li key={a.id}>
              <input
                type="checkbox"
                id={`att-${a.id}`}
                checked={present || selected.has(a.id)}
                disabled={present}
                onChange={(e) => toggle(a.id, e.target.checked)}
              />
              <label htmlFor={`att-${a.id}`}>
                <span className="entry-name">{a.name}</span>{' '}
                <span className="muted">
                  DNI {a.dni} · {a.zone}
                  {a.org ? ` · ${a.org}` : ''}
                  {present ? ` · ${t('attendance.present')}` : ''}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <p className={selected.size > 0 ? 'actions sticky-actions' : 'actions'}>
        <button type="button" className="button" disabled={selected.size === 0 || busy} onClick={() => void record()}>
          {t('attendance.record', { count: selected.size })}
        </button>
      </p>
    </div>
  );
}
