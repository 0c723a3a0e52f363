import type { PhaseGate, SettingsLock } from '../kernel/area.ts';
import { findVote } from './voting.repository.ts';
import { VOTING_SETTING_KEYS } from './voting.ts';

/** Formalization does not end before the vote is closed and counted. */
const voteClosed: PhaseGate = {
  leaving: 'formalization',
  check: async (db, p) => ((await findVote(db, p.municipalityId, p.id))?.status === 'closed' ? null : { code: 'VOTE_NOT_CLOSED', params: {} }),
};

export const VOTING_GATES: readonly PhaseGate[] = [voteClosed];

/** Once the vote opens, its settings are the ones it was opened with: the process cannot change them. */
const settingsFrozen: SettingsLock = {
  rules: VOTING_SETTING_KEYS,
  check: async (db, p) => {
    const vote = await findVote(db, p.municipalityId, p.id);
    return vote ? { code: 'VOTE_SETTINGS_FROZEN', params: { openedAt: vote.openedAt } } : null;
  },
};

export const VOTING_LOCKS: readonly SettingsLock[] = [settingsFrozen];
