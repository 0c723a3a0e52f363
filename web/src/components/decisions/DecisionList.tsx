import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import type { Decision, RegistrationStatus } from '../../lib/api-types';
import { useResource } from '../../lib/useResource';
import { useSelection } from '../../lib/useSelection';
import { Loaded } from '../Loaded';
import { BulkApprove } from './BulkApprove';
import { DecisionEntry } from './DecisionEntry';
import { DecisionNotice } from './DecisionNotice';
import { DecisionFilters, type FilterSpec } from './DecisionFilters';
import { Pager } from './Pager';

/** Something staff approve or reject with a reason: a registration today, a proposal or an approval next. */
interface Decidable {
  id: string;
  status: RegistrationStatus;
  decisionReason: string | null;
}

interface ListQuery {
  status: RegistrationStatus | '';
  q: string;
  limit: number;
  offset: number;
  /** The list's own filters, by name (see `filters`). */
  filters: Record<string, string>;
}

const PAGE = 50;

/**
 * A staff list of items to decide: filter by status (pending first) and the list's own filters, search, a page of
 * 50 at a time; approve many at once, or approve or reject each with a reason; revert a decision with a reason.
 * After a decision the list loads again, a notice at the foot of the screen says what was done and offers to undo it,
 * and focus moves to the next item (the one that took the decided item's place). Used by the agents' and the
 * organizations' registrations.
 */
export function DecisionList<T extends Decidable>({
  idPrefix,
  entryPrefix,
  resourceKey,
  load,
  filters,
  searchLabel,
  searchHint,
  nameOf,
  details,
  mayDecide,
  decide,
  revert,
  approveMany,
  approvedMany,
}: {
  /** Prefix of the page's element ids (`ra-status`, `ra-results`). */
  idPrefix: string;
  /** Prefix of each entry's element ids (`agent-<id>-name`). */
  entryPrefix: string;
  /** Names the list for reloading (a new key with new filters loads again). */
  resourceKey: string;
  load(query: ListQuery, signal: AbortSignal): Promise<{ items: T[]; total: number }>;
  filters: FilterSpec[];
  searchLabel: string;
  searchHint?: string;
  nameOf(item: T): string;
  /** The entry's lines under its name. */
  details(item: T): ReactNode;
  mayDecide: boolean;
  decide(item: T, decision: Decision, reason: string | null): Promise<void>;
  /** Takes a decided item back to pending, with the reason. */
  revert(item: T, reason: string): Promise<void>;
  approveMany(ids: string[]): Promise<void>;
  approvedMany(count: number): string;
}) {
  const { t } = useT();
  const [status, setStatus] = useState('pending');
  const [values, setValues] = useState<Record<string, string>>({});
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<{ message: string; undo: (() => Promise<void>) | null; undoLabel: string } | null>(null);
  /** Where focus goes once the list has loaded again: the item now at this place on the page, or this item. */
  const focusAfter = useRef<{ stale: unknown; index?: number; id?: string } | null>(null);
  const selection = useSelection();
  const query: ListQuery = { status: status as RegistrationStatus | '', q, limit: PAGE, offset, filters: values };
  const key = `${resourceKey}:${status}:${Object.entries(values).map(([k, v]) => `${k}=${v}`).join('&')}:${q}:${offset}`;
  const list = useResource(key, (signal) => load(query, signal));

  /** A new query starts at the first page with nothing ticked. */
  const refilter = (change: () => void) => {
    change();
    setOffset(0);
    selection.clear();
  };
  const done = (message: string, after: { index?: number; id?: string }, undo: (() => Promise<void>) | null = null, undoLabel = '') => {
    setNotice({ message, undo, undoLabel });
    focusAfter.current = { stale: list.data, ...after };
    selection.clear();
    list.reload();
  };

  useEffect(() => {
    const want = focusAfter.current;
    if (!want || list.status !== 'ok' || list.data === want.stale) return;
    focusAfter.current = null;
    const names = [...document.querySelectorAll<HTMLElement>(`#${idPrefix}-list > li .entry-name`)];
    const target = (want.id ? document.getElementById(`${entryPrefix}-${want.id}-name`) : names[Math.min(want.index ?? 0, names.length - 1)])
      ?? document.getElementById(`${idPrefix}-results`);
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  }, [list.status, list.data, idPrefix, entryPrefix]);

  /** The decision just taken, undone: back to pending with a reason that says so; focus returns to the item. */
  const undoOf = (item: T) => async () => {
    await revert(item, t('decision.undoReason'));
    done(t('decision.undone', { name: nameOf(item) }), { id: item.id });
  };

  return (
    <>
      <DecisionNotice message={notice?.message ?? null} undo={notice?.undo ?? null} undoLabel={notice?.undoLabel ?? ''} onClose={() => setNotice(null)} />
      <DecisionFilters
        idPrefix={idPrefix}
        status={status}
        values={values}
        filters={filters}
        searchLabel={searchLabel}
        searchHint={searchHint}
        onStatus={(s) => refilter(() => setStatus(s))}
        onFilter={(name, value) => refilter(() => setValues((old) => ({ ...old, [name]: value })))}
        onSearch={(text) => refilter(() => setQ(text))}
      />
      <Loaded resource={list} errorTitle={t('decisionList.loadError')}>
        {({ items, total }) => {
          const pending = items.filter((item) => item.status === 'pending').map((item) => item.id);
          return (
            <section aria-labelledby={`${idPrefix}-results`}>
              <h2 id={`${idPrefix}-results`} tabIndex={-1}>{t('decisionList.results')}</h2>
              <p role="status" className="result-count">
                {t('decisionList.count', { count: total, from: total === 0 ? 0 : offset + 1, to: offset + items.length })}
              </p>
              {mayDecide && pending.length > 0 && (
                <BulkApprove
                  pendingIds={pending}
                  selected={selection.selected}
                  onSelectAll={selection.selectAll}
                  onClear={selection.clear}
                  approve={async (ids) => {
                    await approveMany(ids);
                    done(approvedMany(ids.length), { index: 0 });
                  }}
                />
              )}
              {items.length === 0 ? (
                <p className="empty">{t('decisionList.empty')}</p>
              ) : (
                <ul className="entry-list" id={`${idPrefix}-list`}>
                  {items.map((item, index) => (
                    <DecisionEntry
                      key={item.id}
                      id={`${entryPrefix}-${item.id}`}
                      name={nameOf(item)}
                      status={item.status}
                      reason={item.decisionReason}
                      details={details(item)}
                      selected={selection.selected.has(item.id)}
                      onSelect={(on) => selection.toggle(item.id, on)}
                      onDecide={
                        mayDecide && item.status === 'pending'
                          ? async (decision, reason) => {
                              await decide(item, decision, reason);
                              const name = nameOf(item);
                              const message = decision === 'approve' ? t('decision.approved', { name }) : t('decision.rejected', { name });
                              done(message, { index }, undoOf(item), t('decision.undoLabel', { name }));
                            }
                          : null
                      }
                      onRevert={
                        mayDecide && item.status !== 'pending'
                          ? async (reason) => {
                              await revert(item, reason);
                              done(t('decision.reverted', { name: nameOf(item) }), { index });
                            }
                          : null
                      }
                    />
                  ))}
                </ul>
              )}
              <Pager offset={offset} count={items.length} total={total} page={PAGE} onChange={setOffset} />
            </section>
          );
        }}
      </Loaded>
    </>
  );
}
