import { describe, expect, it } from 'vitest';
import { applyAmendment, chainState, currentList, listOf, sessionRefusal, type ApprovalSession, type ListSnapshot, type ObservationAnswer } from '../../src/approval/approval.ts';
import { financingByColumn, financingColumn } from '../../src/approval/approval.export.ts';
import { financingAs } from '../../src/coordination/coordination.queries.ts';
import { AppError } from '../../src/shared/errors.ts';

const session = (body: 'ccl' | 'council', seq: number, decision: 'approved' | 'returned', heldOn: string): ApprovalSession => ({
  body, seq, heldOn, reference: `Sesión ${seq}`, decision, observations: decision === 'returned' ? 'observación' : null, reason: 'acta',
  recordedAt: `${heldOn}T20:00:00.000Z`, recordedBy: 'u1',
});
const answer = (body: 'ccl' | 'council', seq: number): ObservationAnswer => ({ body, seq, answer: 'respuesta', answeredAt: '2026-07-01T00:00:00.000Z', answeredBy: 'u1' });
const code = (e: AppError | null) => e?.code ?? null;

describe('the state of the approval chain', () => {
  it('walks CCL then council, a return waiting for its answer before the same body decides again', () => {
    const steps: [ApprovalSession[], ObservationAnswer[], string, string | null][] = [
      [[], [], 'ccl_pending', 'ccl'],
      [[session('ccl', 1, 'returned', '2026-07-01')], [], 'ccl_returned', 'ccl'],
      [[session('ccl', 1, 'returned', '2026-07-01')], [answer('ccl', 1)], 'ccl_pending', 'ccl'],
      [[session('ccl', 1, 'returned', '2026-07-01'), session('ccl', 2, 'approved', '2026-07-03')], [answer('ccl', 1)], 'council_pending', 'council'],
      [[session('ccl', 1, 'approved', '2026-07-01'), session('council', 1, 'returned', '2026-07-05')], [], 'council_returned', 'council'],
      [[session('ccl', 1, 'approved', '2026-07-01'), session('council', 1, 'returned', '2026-07-05')], [answer('council', 1)], 'council_pending', 'council'],
      [[session('ccl', 1, 'approved', '2026-07-01'), session('council', 1, 'approved', '2026-07-05')], [], 'formalized', null],
    ];
    for (const [sessions, answers, step, next] of steps) {
      const s = chainState(sessions, answers);
      expect([s.step, s.nextBody]).toEqual([step, next]);
    }
  });

  it('refuses a session out of order', () => {
    const none = chainState([], []);
    expect(code(sessionRefusal(none, 'council', '2026-07-01'))).toBe('APPROVAL_CCL_FIRST');
    expect(sessionRefusal(none, 'ccl', '2026-07-01')).toBeNull();
    const returned = chainState([session('ccl', 1, 'returned', '2026-07-02')], []);
    expect(code(sessionRefusal(returned, 'ccl', '2026-07-03'))).toBe('APPROVAL_ANSWER_PENDING');
    const answered = chainState([session('ccl', 1, 'returned', '2026-07-02')], [answer('ccl', 1)]);
    expect(code(sessionRefusal(answered, 'ccl', '2026-07-01'))).toBe('APPROVAL_SESSION_BEFORE_LAST');
    const approved = chainState([session('ccl', 1, 'approved', '2026-07-02')], []);
    expect(code(sessionRefusal(approved, 'ccl', '2026-07-03'))).toBe('APPROVAL_CCL_ALREADY_APPROVED');
    const formalized = chainState([session('ccl', 1, 'approved', '2026-07-02'), session('council', 1, 'approved', '2026-07-04')], []);
    expect(code(sessionRefusal(formalized, 'council', '2026-07-05'))).toBe('APPROVAL_ALREADY_FORMALIZED');
  });
});

const project = (id: string, number: number, costCents: number, funded: boolean, cofinancingCents = 0) => ({
  proposalId: id, number, title: `P${number}`, zoneId: 'z', zoneName: 'Zona', votes: 1, envelope: 'z', envelopeName: 'Zona', priority: 0, reach: 'district' as const,
  costCents, financing: financingAs(funded ? 'funded' : 'alternate', costCents,
    cofinancingCents > 0 ? [{ source: 'pledge', funderKind: 'community', funderName: 'Vecinos', contribution: 'money', amountCents: cofinancingCents }] : []),
});
const snapshot: ListSnapshot = {
  closedAt: '2026-06-28T23:00:00.000Z', outcomeRule: 'greedy',
  envelopes: [
    { key: 'z', zoneName: 'Zona', budgetCents: 100, spentCents: 90, funded: [project('a', 1, 60, true, 10), project('b', 2, 30, true)], alternates: [project('c', 3, 50, false, 5)] },
    { key: 'municipality', zoneName: null, budgetCents: 300, spentCents: 200, funded: [project('d', 4, 200, true)], alternates: [project('e', 5, 150, false)] },
  ],
};

describe('amendments of the formalized list', () => {
  it('replaces a project by an alternate of its envelope, in its place, financed as funded', () => {
    const [z] = applyAmendment(listOf(snapshot), 1, { kind: 'replace', proposalId: 'a', replacementId: 'c' });
    expect(z!.funded.map((p) => [p.proposalId, p.priority])).toEqual([['c', 1], ['b', 2]]);
    expect(z!.funded[0]!.financing).toMatchObject({ municipalityCents: 45, totalCents: 50, gapCents: 0 });
    expect(z!.withdrawn.map((p) => [p.proposalId, p.amendment])).toEqual([['a', 1]]);
    expect(z!.spentCents).toBe(80);
  });

  it('refuses an alternate of another envelope, a project that is not funded, an amount below its co-financing', () => {
    const list = listOf(snapshot);
    expect(() => applyAmendment(list, 1, { kind: 'replace', proposalId: 'a', replacementId: 'e' })).toThrow(expect.objectContaining({ code: 'AMENDMENT_NOT_AN_ALTERNATE' }));
    expect(() => applyAmendment(list, 1, { kind: 'withdraw', proposalId: 'c' })).toThrow(expect.objectContaining({ code: 'AMENDMENT_NOT_FUNDED' }));
    expect(() => applyAmendment(list, 1, { kind: 'change_amount', proposalId: 'a', amountCents: 9 })).toThrow(expect.objectContaining({ code: 'AMENDMENT_BELOW_COFINANCING' }));
    expect(() => applyAmendment(list, 1, { kind: 'change_amount', proposalId: 'a', amountCents: 60 })).toThrow(expect.objectContaining({ code: 'AMENDMENT_SAME_AMOUNT' }));
  });

  it('applies the amendments in order over the snapshot, which stays as it was', () => {
    const before = JSON.stringify(snapshot);
    const list = currentList(snapshot, [
      { seq: 2, change: { kind: 'change_amount', proposalId: 'd', amountCents: 180 } },
      { seq: 1, change: { kind: 'withdraw', proposalId: 'b' } },
    ]);
    expect(list[0]!.funded.map((p) => p.proposalId)).toEqual(['a']);
    expect(list[1]!.funded[0]!.financing).toMatchObject({ costCents: 180, municipalityCents: 180, totalCents: 180 });
    expect(JSON.stringify(snapshot)).toBe(before);
  });
});

describe('the MEF export\'s financing columns', () => {
  it('puts each source in its column and the community\'s money apart from its work in kind', () => {
    expect(financingColumn({ source: 'participatory_budget', contribution: 'money', amountCents: 1 })).toBe('participatory_budget');
    expect(financingColumn({ source: 'pledge', funderKind: 'community', funderName: 'x', contribution: 'in_kind', amountCents: 1 })).toBe('community_in_kind');
    expect(financingColumn({ source: 'pledge', funderKind: 'community', funderName: 'x', contribution: 'money', amountCents: 1 })).toBe('community_money');
    expect(financingColumn({ source: 'pledge', funderKind: 'municipality', funderName: 'x', contribution: 'money', amountCents: 1 })).toBe('other');
    expect(financingColumn({ source: 'agreement', agreementId: 'a', partyKind: 'national_programme', partyName: 'x', contribution: 'money', amountCents: 1 })).toBe('national_programme');
    const columns = financingByColumn(financingAs('funded', 100, [
      { source: 'agreement', agreementId: 'a', partyKind: 'provincial_municipality', partyName: 'MPI', contribution: 'money', amountCents: 30 },
      { source: 'pledge', funderKind: 'ngo', funderName: 'ONG', contribution: 'in_kind', amountCents: 20 },
    ]).sources);
    expect(columns).toMatchObject({ participatory_budget: 50, provincial_municipality: 30, ngo: 20, other: 0 });
    expect(Object.values(columns).reduce((s, n) => s + n, 0)).toBe(100);
  });
});
