import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/db.ts';
import { agentPayload, approvedOrganization, createWorld, newProcess, patch, post, url, type World } from './helpers.ts';

describe.each(testDialects())('titular and substitute delegates on %s', (dialect) => {
  let w: World;
  beforeAll(async () => { w = await createWorld(dialect); });
  afterAll(async () => { await w.t.close(); });

  it('accredits one titular and one substitute per organization, with coded errors and nothing written otherwise', async () => {
    const processId = await newProcess(w);
    const org = await approvedOrganization(w, processId);
    const titular = await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { organizationId: org.id, delegateRole: 'titular' }));
    expect(titular.statusCode).toBe(201);
    expect(titular.json()).toMatchObject({ delegateRole: 'titular', organization: { id: org.id } });
    const second = await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { organizationId: org.id, delegateRole: 'titular' }), 'en');
    expect([second.statusCode, second.json().error.code, second.json().error.field, second.json().error.message])
      .toEqual([409, 'DELEGATE_ROLE_TAKEN', 'delegateRole', 'The organization already has a titular delegate registered.']);
    const noOrg = await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { delegateRole: 'substitute' }));
    expect([noOrg.statusCode, noOrg.json().error.code]).toEqual([400, 'DELEGATE_ROLE_NEEDS_ORGANIZATION']);
    const substitute = await post(w, w.facilitator, url(processId, '/agents/in-person'), agentPayload(w, { organizationId: org.id, delegateRole: 'substitute', sex: 'male' }));
    expect(substitute.json()).toMatchObject({ delegateRole: 'substitute' });
    const count = await w.t.db.db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n')).where('process_id', '=', processId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
    // A correction that would make two substitutes is refused too; leaving the organization leaves the role.
    const swap = await patch(w, w.facilitator, url(processId, `/agents/${titular.json().id}`), { delegateRole: 'substitute' });
    expect(swap.json().error.code).toBe('DELEGATE_ROLE_TAKEN');
    const left = await patch(w, w.facilitator, url(processId, `/agents/${titular.json().id}`), { organizationId: null });
    expect(left.json()).toMatchObject({ organization: null, delegateRole: null });
  });
});
