import { apiRequest } from '../../lib/api';
import { processPath as p, query } from '../../lib/paths';
import type { Language } from '../../i18n';
import type {
  BallotPart, BallotReceipt, MyBallot, MyVote, PaperBallot, PaperContent, PollingTable, PollingTableDetail, ReceiptCheck, Vote, VoteResults,
} from '../../lib/api-types';

const vote = (slug: string, processId: string) => `${p(slug, processId)}/vote`;
const table = (slug: string, processId: string, tableId: string) => `${vote(slug, processId)}/tables/${encodeURIComponent(tableId)}`;

/** The vote: its page, your ballot, the polling tables and the results after the close. */
export const votingApi = {
  vote: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<Vote>(vote(slug, processId), { signal }),
  me: (slug: string, processId: string, signal?: AbortSignal) => apiRequest<MyVote>(`${vote(slug, processId)}/me`, { signal }),
  /** The same key for a retried cast of the same ballot answers the same receipt (a lost answer is not a lost receipt). */
  cast: (slug: string, processId: string, parts: BallotPart[], idempotencyKey: string) =>
    apiRequest<BallotReceipt>(`${vote(slug, processId)}/ballot`, { method: 'POST', body: { parts }, headers: { 'Idempotency-Key': idempotencyKey } }),
  change: (slug: string, processId: string, receipt: string, parts: BallotPart[]) =>
    apiRequest<{ castAt: string; changes: number }>(`${vote(slug, processId)}/ballot`, { method: 'PUT', body: { receipt, parts } }),
  myBallot: (slug: string, processId: string, receipt: string) => apiRequest<MyBallot>(`${vote(slug, processId)}/ballot${query({ receipt })}`),
  receipt: (slug: string, processId: string, code: string) => apiRequest<ReceiptCheck>(`${vote(slug, processId)}/receipt${query({ code })}`),
  open: (slug: string, processId: string, body: { closesAt: string; allowChanges: boolean; reason: string }) =>
    apiRequest<Vote['vote']>(`${vote(slug, processId)}/open`, { method: 'POST', body }),
  close: (slug: string, processId: string, reason: string) => apiRequest<Vote['vote']>(`${vote(slug, processId)}/close`, { method: 'POST', body: { reason } }),
  createTable: (slug: string, processId: string, body: { name: string; place: string; facilitatorUserIds: string[] }) =>
    apiRequest<PollingTable>(`${vote(slug, processId)}/tables`, { method: 'POST', body }),
  table: (slug: string, processId: string, tableId: string, signal?: AbortSignal) => apiRequest<PollingTableDetail>(table(slug, processId, tableId), { signal }),
  sheetUrl: (slug: string, processId: string, tableId: string) => `/api${table(slug, processId, tableId)}/sheet.pdf`,
  markVoter: (slug: string, processId: string, tableId: string, dni: string) =>
    apiRequest<{ agentId: string; fullName: string }>(`${table(slug, processId, tableId)}/voters`, { method: 'POST', body: { dni } }),
  enter: (slug: string, processId: string, tableId: string, serial: string, content: PaperContent) =>
    apiRequest<Omit<PaperBallot, 'entries'>>(`${table(slug, processId, tableId)}/entries`, { method: 'POST', body: { serial, content } }),
  resolve: (slug: string, processId: string, tableId: string, serial: string, content: PaperContent, reason: string) =>
    apiRequest<Omit<PaperBallot, 'entries'>>(`${table(slug, processId, tableId)}/resolve`, { method: 'POST', body: { serial, content, reason } }),
  /** The public download of a closed vote's ballot log, for `concerta verify-vote`. */
  ballotLogUrl: (slug: string, processId: string) => `/api${vote(slug, processId)}/ballot-log`,
  results: (slug: string, processId: string, lang: Language, signal?: AbortSignal) => apiRequest<VoteResults>(`${vote(slug, processId)}/results${query({ lang })}`, { signal }),
};
