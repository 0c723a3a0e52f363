import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * What a facilitator's phone keeps to work without a signal (IndexedDB, through `idb`): the roll taken before going
 * offline (only what the screen shows: name, DNI, zone), and every action taken offline, each with an id made on the
 * phone, until the server has it. The roll and the sent actions are cleared after a sync, or by hand.
 */
export interface RollAgent {
  id: string;
  dni: string;
  name: string;
  zone: string;
}

export interface OfflineRoll {
  /** `training:<sessionId>` */
  key: string;
  slug: string;
  processId: string;
  session: { id: string; topic: string; place: string; startsAt: string; endsAt: string };
  agents: RollAgent[];
  /** Agents already checked in when the roll was taken. */
  present: string[];
  takenAt: string;
}

export type RefusalText = { es: string; en: string };

export interface OfflineAction {
  /** Made on the phone (crypto.randomUUID): the action's identity through every retry. */
  id: string;
  rollKey: string;
  kind: 'training.checkin';
  agentId: string;
  dni: string;
  name: string;
  at: string;
  /** pending: not yet accepted by the server; refused: the server said no, with the reason, to resolve by hand. */
  state: 'pending' | 'refused';
  refusal?: { code: string; messages: RefusalText };
  /** Order taken, so actions are sent as they were taken. */
  seq: number;
}

interface OfflineDb extends DBSchema {
  rolls: { key: string; value: OfflineRoll };
  actions: { key: string; value: OfflineAction; indexes: { byRoll: string } };
}

let opened: Promise<IDBPDatabase<OfflineDb>> | null = null;
function db(): Promise<IDBPDatabase<OfflineDb>> {
  opened ??= openDB<OfflineDb>('concerta-offline', 1, {
    upgrade(d) {
      d.createObjectStore('rolls', { keyPath: 'key' });
      d.createObjectStore('actions', { keyPath: 'id' }).createIndex('byRoll', 'rollKey');
    },
  });
  return opened;
}

export const offlineStore = {
  async saveRoll(roll: OfflineRoll): Promise<void> {
    await (await db()).put('rolls', roll);
  },
  async roll(key: string): Promise<OfflineRoll | undefined> {
    return (await db()).get('rolls', key);
  },
  async actions(rollKey: string): Promise<OfflineAction[]> {
    return (await (await db()).getAllFromIndex('actions', 'byRoll', rollKey)).sort((a, b) => a.seq - b.seq);
  },
  async add(action: Omit<OfflineAction, 'seq'>): Promise<OfflineAction> {
    const d = await db();
    const tx = d.transaction('actions', 'readwrite');
    const all = await tx.store.getAll();
    const stored = { ...action, seq: all.reduce((m, a) => Math.max(m, a.seq), 0) + 1 };
    await tx.store.put(stored);
    await tx.done;
    return stored;
  },
  async update(action: OfflineAction): Promise<void> {
    await (await db()).put('actions', action);
  },
  async remove(id: string): Promise<void> {
    await (await db()).delete('actions', id);
  },
  /** Forgets a roll and its actions (after a sync with nothing left, or by hand). */
  async clear(rollKey: string): Promise<void> {
    const d = await db();
    const tx = d.transaction(['rolls', 'actions'], 'readwrite');
    await tx.objectStore('rolls').delete(rollKey);
    for (const key of await tx.objectStore('actions').index('byRoll').getAllKeys(rollKey)) await tx.objectStore('actions').delete(key);
    await tx.done;
  },
};
