import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/db.ts';
import { signIn } from '../support/app.ts';
import { addDays, localDate } from '../../src/shared/clock.ts';
import { currentProcess, landingOf, nextSteps, type DashboardFigures } from '../../src/home/home.ts';
import {
  agentPayload, approveAgents, citizen, createWorld, get, newProcess, post, registerAgent, url, type World,
} from '../registration/helpers.ts';

const today = localDate();

describe.each(testDialects())('each person\'s home, on %s', (dialect) => {
  let w: World;
  let processId: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    processId = await newProcess(w);
  });
  afterAll(async () => { await w.t.close(); });

  it('shows a new account the open call, and lands it on that process', async () => {
    const me = await citizen(w);
    const home = (await get(w, me, '/api/me/home')).json();
    expect(home.places).toEqual([]);
    expect(home.openCalls).toEqual([expect.objectContaining({
      municipality: { slug: 'ilo', name: expect.any(String) }, process: expect.objectContaining({ id: processId }), registrationDeadline: addDays(today, 14),
    })]);
    expect(home.landing).toEqual({ kind: 'process', slug: 'ilo', processId });
    expect((await get(w, null, '/api/me/home')).statusCode).toBe(401);
  });

  it('lands staff, the technical team included, on the dashboard of the current process', async () => {
    for (const who of [w.admin, w.facilitator, await signIn(w.t.app, 'tecnico@ilo.gob.pe')]) {
      const home = (await get(w, who, '/api/me/home')).json();
      expect(home.landing).toEqual({ kind: 'staff', slug: 'ilo', processId });
      expect(home.places[0]).toMatchObject({ municipality: { slug: 'ilo' }, process: { id: processId, registrationOpen: true } });
    }
  });

  it('lands an agent on their registration, with its status', async () => {
    const me = await citizen(w);
    const res = await post(w, me, url(processId, '/agents'), agentPayload(w));
    await approveAgents(w, processId, [res.json().id]);
    const home = (await get(w, me, '/api/me/home')).json();
    expect(home.landing).toEqual({ kind: 'registration', slug: 'ilo', processId });
    expect(home.places).toEqual([expect.objectContaining({ roles: ['participating_agent'], registration: { id: res.json().id, status: 'approved' } })]);
  });

  it('gives staff a dashboard of the process: phase, dates, figures and the next steps', async () => {
    const pending = await registerAgent(w, processId);
    const res = await get(w, w.facilitator, url(processId, '/dashboard'), 'en');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.process).toMatchObject({ id: processId, phase: 'preparation' });
    expect(d.dates.registrationDeadline).toBe(addDays(today, 14));
    const pendingRows = await w.t.db.db.selectFrom('agents').select('id').where('process_id', '=', processId).where('status', '=', 'pending').execute();
    expect(pendingRows.map((r) => r.id)).toContain(pending);
    expect(d.figures.registrations.pendingAgents).toBe(pendingRows.length);
    expect(d.figures.training).toMatchObject({ scheduled: 0, upcoming: 0, trainedAgents: 0 });
    expect(d.steps.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['decide_registrations', 'registration_open', 'schedule_training']));
    expect(d.steps.find((s: { code: string }) => s.code === 'decide_registrations')).toMatchObject({ params: { agents: pendingRows.length }, page: 'registrations' });
    expect((await get(w, await signIn(w.t.app, 'tecnico@ilo.gob.pe'), url(processId, '/dashboard'))).statusCode).toBe(200);
    expect((await get(w, w.agent, url(processId, '/dashboard'))).statusCode).toBe(403);
    expect((await get(w, null, url(processId, '/dashboard'))).statusCode).toBe(401);
  });

  it('counts the trainings and who attended them', async () => {
    const closed = await newProcess(w);
    const id = await registerAgent(w, closed);
    await w.t.db.db.updateTable('agents').set({ status: 'approved' }).where('id', '=', id).execute();
    const startsAt = `${addDays(today, -1)}T20:00:00.000Z`;
    await post(w, w.facilitator, url(closed, '/trainings'), { topic: 'Segunda sesión', place: 'Casa de la Cultura', startsAt: `${addDays(today, 5)}T20:00:00.000Z`, endsAt: `${addDays(today, 5)}T23:00:00.000Z`, facilitatorName: 'ONG Labor' });
    const s = await post(w, w.facilitator, url(closed, '/trainings'), { topic: 'El presupuesto participativo', place: 'Casa de la Cultura', startsAt, endsAt: `${addDays(today, -1)}T23:00:00.000Z`, facilitatorName: 'ONG Labor' });
    expect(s.statusCode).toBe(201);
    expect((await post(w, w.facilitator, url(closed, `/trainings/${s.json().session.id}/attendance`), { agentIds: [id] })).statusCode).toBe(200);
    const d = (await get(w, w.admin, url(closed, '/dashboard'))).json();
    expect(d.figures.training).toMatchObject({ scheduled: 2, ended: 1, upcoming: 1, attendances: 1, agentsAttending: 1, trainedAgents: 1 });
    expect(d.steps.map((x: { code: string }) => x.code)).not.toContain('schedule_training');
  });
});

describe.each(testDialects())('an agent\'s own training, on %s', (dialect) => {
  let w: World;
  let processId: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    processId = await newProcess(w, { rules: { minTrainingSessions: 2, trainingRequiredToVote: true } });
  });
  afterAll(async () => { await w.t.close(); });

  const session = async (day: number, over: Record<string, unknown> = {}) => {
    const date = addDays(today, day);
    const res = await post(w, w.facilitator, url(processId, '/trainings'), {
      topic: `Sesión del día ${day}`, place: 'Local comunal', startsAt: `${date}T20:00:00.000Z`, endsAt: `${date}T23:00:00.000Z`, facilitatorName: 'ONG Labor', ...over,
    });
    expect(res.statusCode).toBe(201);
    return res.json().session.id as string;
  };

  it('tells an agent what the process requires, what they attended, whether they are trained, and their next session', async () => {
    const me = await citizen(w);
    const reg = await post(w, me, url(processId, '/agents'), agentPayload(w));
    const pendingView = (await get(w, me, url(processId, '/training-status/mine'))).json();
    expect(pendingView).toMatchObject({ rules: { minTrainingSessions: 2, trainingRequiredToVote: true }, registration: { status: 'pending' }, attended: [], trained: false });
    await approveAgents(w, processId, [reg.json().id]);
    const past = await session(-1);
    const otherZone = await session(2, { zoneId: w.zones.find((z) => z.id !== reg.json().zone.id)!.id });
    const next = await session(3);
    await post(w, w.facilitator, url(processId, `/trainings/${past}/attendance`), { agentIds: [reg.json().id] });
    const mine = await get(w, me, url(processId, '/training-status/mine'));
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      registration: { id: reg.json().id, status: 'approved' }, trained: false,
      attended: [{ id: past, topic: 'Sesión del día -1', localDate: addDays(today, -1), localStartTime: '15:00' }],
      nextSession: { id: next, place: 'Local comunal', localDate: addDays(today, 3) },
    });
    expect(mine.json().nextSession.id).not.toBe(otherZone);
    await post(w, w.facilitator, url(processId, `/trainings/${next}/attendance`), { agentIds: [reg.json().id] }).then((r) => expect(r.statusCode).toBe(409));
    const second = await session(-2);
    await post(w, w.facilitator, url(processId, `/trainings/${second}/attendance`), { agentIds: [reg.json().id] });
    expect((await get(w, me, url(processId, '/training-status/mine'))).json()).toMatchObject({ trained: true, attended: [{ id: second }, { id: past }] });
  });

  it('reads only the caller\'s own record: someone without a registration gets none, and the staff list stays closed to agents', async () => {
    const stranger = await citizen(w);
    expect((await get(w, stranger, url(processId, '/training-status/mine'))).json()).toMatchObject({ registration: null, attended: [], trained: false, nextSession: null });
    expect((await get(w, stranger, url(processId, '/training-status'))).statusCode).toBe(403);
    expect((await get(w, null, url(processId, '/training-status/mine'))).statusCode).toBe(401);
  });
});

describe('the home rules', () => {
  const base: DashboardFigures = {
    phase: 'preparation', today: '2027-03-10', calendar: [{ phase: 'preparation', startsOn: '2027-02-01', endsOn: '2027-04-30' }],
    registrationDeadline: '2027-03-15', listStages: { preliminaryListOn: '2027-03-18', challengesFrom: '2027-03-19', challengesUntil: '2027-03-21', definitiveListOn: '2027-03-24' },
    proposalDeadline: '2027-06-30', pendingAgents: 3, pendingOrganizations: 0, preliminaryListPublished: false, definitiveListPublished: false,
    openChallenges: 0, upcomingTrainings: 1, proposals: 0,
    vote: { status: 'none', closesOn: null }, committeeElected: false, actaIssued: false, approvalStep: 'ccl_pending',
  };

  it('orders the steps by date and follows the law through Preparation', () => {
    expect(nextSteps(base).map((s) => [s.code, s.due])).toEqual([
      ['registration_open', '2027-03-15'], ['decide_registrations', '2027-03-18'], ['publish_preliminary_list', '2027-03-18'],
    ]);
    const challenges = nextSteps({ ...base, today: '2027-03-20', pendingAgents: 0, preliminaryListPublished: true, openChallenges: 2, upcomingTrainings: 0 });
    expect(challenges.map((s) => s.code)).toEqual(['challenge_window', 'decide_challenges', 'publish_definitive_list', 'schedule_training']);
    const done = nextSteps({ ...base, today: '2027-03-25', pendingAgents: 0, preliminaryListPublished: true, definitiveListPublished: true });
    expect(done.map((s) => s.code)).toEqual(['move_phase']);
    expect(nextSteps({ ...base, listStages: null }).map((s) => s.code)).toContain('set_list_dates');
  });

  it('takes proposals until their deadline in Concertation, then moves on', () => {
    const c = { ...base, phase: 'concertation' as const, calendar: [{ phase: 'concertation' as const, startsOn: '2027-05-01', endsOn: '2027-07-15' }], proposals: 12 };
    expect(nextSteps({ ...c, today: '2027-06-01' })).toEqual([{ code: 'proposals_open', params: { count: 12 }, due: '2027-06-30', page: 'paperProposals' }]);
    expect(nextSteps({ ...c, today: '2027-07-01' }).map((s) => s.code)).toEqual(['move_phase']);
  });

  it('walks Formalization: open the vote, close it after its day, elect the committee, issue the Acta, take the list through the councils, move on', () => {
    const f = { ...base, phase: 'formalization' as const, calendar: [{ phase: 'formalization' as const, startsOn: '2027-06-16', endsOn: '2027-06-30' }], today: '2027-06-18' };
    expect(nextSteps(f).map((s) => [s.code, s.page])).toEqual([['open_vote', 'vote'], ['elect_committee', 'committee']]);
    expect(nextSteps({ ...f, vote: { status: 'open', closesOn: '2027-06-20' } }).map((s) => [s.code, s.due])).toEqual([['vote_open', '2027-06-20'], ['elect_committee', '2027-06-30']]);
    expect(nextSteps({ ...f, today: '2027-06-21', vote: { status: 'open', closesOn: '2027-06-20' } }).map((s) => s.code)).toEqual(['close_vote', 'elect_committee']);
    const closed = { ...f, vote: { status: 'closed' as const, closesOn: '2027-06-20' }, committeeElected: true };
    expect(nextSteps(closed).map((s) => s.code)).toEqual(['issue_acta', 'approval_chain']);
    expect(nextSteps({ ...closed, actaIssued: true, approvalStep: 'council_returned' })).toEqual([{ code: 'approval_chain', params: { step: 'council_returned' }, due: '2027-06-30', page: 'approval' }]);
    expect(nextSteps({ ...closed, actaIssued: true, approvalStep: 'formalized' })).toEqual([{ code: 'move_phase', params: { to: 'execution' }, due: '2027-06-30', page: 'phase' }]);
  });

  it('picks the current process and where each person lands', () => {
    const p = (id: string, fiscalYear: number, phase: 'closed' | 'preparation') => ({ id, name: id, fiscalYear, phase });
    expect(currentProcess([p('a', 2026, 'closed'), p('b', 2027, 'preparation'), p('c', 2028, 'closed')])?.id).toBe('b');
    expect(currentProcess([p('a', 2026, 'closed'), p('c', 2028, 'closed')])?.id).toBe('c');
    expect(landingOf([], [])).toEqual({ kind: 'account' });
    expect(landingOf([], [{ slug: 'ilo', processId: 'x' }, { slug: 'pacocha', processId: 'y' }])).toEqual({ kind: 'account' });
    const place = { slug: 'ilo', process: p('b', 2027, 'preparation'), registration: null };
    expect(landingOf([{ ...place, roles: ['technical_team'] }], [])).toEqual({ kind: 'staff', slug: 'ilo', processId: 'b' });
    expect(landingOf([{ ...place, roles: ['participating_agent'] }], [])).toEqual({ kind: 'process', slug: 'ilo', processId: 'b' });
  });
});
