import { appendAudit } from '../audit/audit-log.ts';
import { enqueueToContact } from '../communication/outbox.ts';
import { demoKey, type AreaDemo, type DemoContext } from '../kernel/area.ts';
import { DEMO_VOTER_ACCOUNTS } from '../accounts/accounts.demo.ts';
import { newId, now } from '../shared/clock.ts';
import { ageBand, dniFor, mobileFor, personName, pick, prng } from '../demo/people.ts';
import { DEMO_ZONES } from '../plan/plan.demo.ts';
import { DEMO_CURRENT_PROCESS, DEMO_PAST_PROCESSES } from '../processes/processes.demo.ts';
import { insertAgent, insertOrganization } from './registration.repository.ts';

/** An approved agent of the demo; a substitute delegate names the titular of their organization. */
export interface DemoAgent { id: string; sex: 'female' | 'male'; substituteFor?: string }

/**
 * This year's approved agents, in the order they were registered: first the delegates (a woman and a man per approved
 * organization), then the individuals; the demo participating agent's own registration is last.
 */
export const DEMO_APPROVED_AGENTS = demoKey<{ delegates: readonly DemoAgent[]; all: readonly DemoAgent[]; own: string }>('registration: approved agents');

const ORGANIZATIONS = [
  ['Comité Vecinal Pampa Inalámbrica Sector 3', 'neighbourhood_committee', 'Z02'],
  ['Junta Vecinal Miramar', 'neighbourhood_committee', 'Z04'],
  ['Asociación de Vivienda Villa del Mar', 'neighbourhood_committee', 'Z05'],
  ['Comité de Desarrollo Alto Ilo', 'neighbourhood_committee', 'Z03'],
  ['Club de Madres Santa Rosa', 'womens_group', 'Z02'],
  ['Federación de Mujeres de Ilo', 'womens_group', 'Z01'],
  ['CEOP Ilo (Centro de Educación, Organización y Promoción)', 'ngo', 'Z01'],
  ['Asociación Civil Labor', 'ngo', 'Z01'],
  ['Sindicato de Pescadores Artesanales de Ilo', 'union', 'Z01'],
  ['Junta de Usuarios del Valle de Ilo', 'other', 'Z07'],
  ['Asociación de Comerciantes del Mercado Central', 'business', 'Z01'],
  ['Comité Vecinal Nuevo Ilo', 'neighbourhood_committee', 'Z06'],
] as const;

const REJECTION_REASONS = [
  'El DNI no corresponde a un residente del distrito según RENIEC.',
  'La persona ya participa como funcionario municipal; no puede ser agente participante.',
  'Faltan los datos de contacto y no se presentó en la verificación.',
];

const ZONE_WEIGHTS = ['Z01', 'Z01', 'Z02', 'Z02', 'Z02', 'Z03', 'Z03', 'Z04', 'Z05', 'Z06', 'Z06', 'Z07'];

/**
 * The demo's registrations (full demo): the agents of the eight past processes, with the women's share rising from 38%
 * to 52% as the case reports, and this year's organizations and a few hundred agents. Seeded randomness: the same
 * seed gives the same town.
 */
export const REGISTRATION_DEMO: AreaDemo = {
  async municipality(ctx) {
    if (!ctx.full) return;
    for (const [year, processId] of ctx.state.get(DEMO_PAST_PROCESSES)) await seedPastAgents(ctx, year, processId);
    await seedCurrentRegistrations(ctx);
  },
};

interface AgentSpec { sex: 'female' | 'male'; status: 'pending' | 'approved' | 'rejected'; zoneCode: string; organizationId: string | null; delegateRole?: 'titular' | 'substitute'; userId?: string; dni?: string; name?: string }

async function addAgent(ctx: DemoContext, processId: string, index: number, spec: AgentSpec, rand: () => number, decidedAt: string | null): Promise<string> {
  const id = newId();
  const adminId = ctx.accounts.get('administrator')!.id;
  const withPhone = rand() < 0.8;
  const reason = spec.status === 'rejected' ? pick(rand, REJECTION_REASONS) : spec.status === 'approved' ? 'Cumple los requisitos de inscripción.' : null;
  await insertAgent(ctx.trx, {
    municipality_id: ctx.municipalityId, id, process_id: processId, dni: spec.dni ?? dniFor(index), full_name: spec.name ?? personName(rand, spec.sex),
    sex: spec.sex, age_band: ageBand(rand), zone_id: ctx.state.get(DEMO_ZONES).get(spec.zoneCode)!, phone: withPhone ? mobileFor(index) : null, email: null,
    organization_id: spec.organizationId, delegate_role: spec.delegateRole ?? null, status: spec.status, decision_reason: reason, decided_at: spec.status === 'pending' ? null : decidedAt,
    decided_by: spec.status === 'pending' ? null : adminId, user_id: spec.userId ?? null, submitted_by: spec.userId ?? ctx.accounts.get('facilitator')!.id,
    source: spec.userId ? 'online' : rand() < 0.7 ? 'in_person' : 'import', created_at: decidedAt ?? now(), updated_at: decidedAt ?? now(),
  });
  return id;
}

async function audit(ctx: DemoContext, action: string, entityType: string, entityId: string, reason: string | null): Promise<void> {
  await appendAudit(ctx.trx, ctx.handle.dialect, { scope: ctx.municipalityId, actorId: ctx.accounts.get('administrator')!.id, action, entityType, entityId, reason, data: {} });
}

/** A closed past process's agents: approved, a few rejected, with the women's share the case reports for that year. */
async function seedPastAgents(ctx: DemoContext, year: number, processId: string): Promise<void> {
  const rand = prng(year);
  const decided = `${year - 1}-03-25T15:00:00.000Z`;
  const total = 110 + (year - 2000) * 10;
  const womenShare = 0.38 + ((year - 2000) * (0.52 - 0.38)) / 7;
  const women = Math.round(total * womenShare);
  // 2007's agents who later voted online from their own accounts: the first four women and the first four men.
  const online = year === 2007 ? ctx.state.get(DEMO_VOTER_ACCOUNTS) : [];
  const linked = new Map(online.map((account, k) => [k < 4 ? k : women + k - 4, account]));
  for (let i = 0; i < total; i++) {
    const sex = i < women ? 'female' : 'male';
    const id = await addAgent(ctx, processId, year * 1000 + i, { sex, status: 'approved', zoneCode: pick(rand, ZONE_WEIGHTS), organizationId: null }, rand, decided);
    const account = linked.get(i);
    if (account) {
      await ctx.trx.updateTable('agents').set({ user_id: account.id, dni: account.dni, full_name: account.name })
        .where('municipality_id', '=', ctx.municipalityId).where('id', '=', id).execute();
    }
  }
  for (let i = 0; i < 4; i++) {
    await addAgent(ctx, processId, year * 1000 + 900 + i, { sex: rand() < 0.5 ? 'female' : 'male', status: 'rejected', zoneCode: pick(rand, ZONE_WEIGHTS), organizationId: null }, rand, decided);
  }
}

async function seedCurrentRegistrations(ctx: DemoContext): Promise<void> {
  const rand = prng(2027);
  const { id: processId, fiscalYear, decidedAt: decided } = ctx.state.get(DEMO_CURRENT_PROCESS);
  const zones = ctx.state.get(DEMO_ZONES);
  const adminId = ctx.accounts.get('administrator')!.id;

  // Organizations: ten approved, one pending, one rejected.
  const orgIds: string[] = [];
  for (const [i, [name, type, zone]] of ORGANIZATIONS.entries()) {
    const id = newId();
    const status = i === 10 ? 'pending' : i === 11 ? 'rejected' : 'approved';
    await insertOrganization(ctx.trx, {
      municipality_id: ctx.municipalityId, id, process_id: processId, name, type, registry_number: `110${String(23456 + i * 311).padStart(5, '0')}`,
      zone_id: zones.get(zone)!, contact_phone: mobileFor(5000 + i), contact_email: null, status,
      decision_reason: status === 'rejected' ? 'La partida registral en SUNARP está vencida; renueve la junta directiva e inscríbase de nuevo.' : status === 'approved' ? 'Organización con partida registral vigente.' : null,
      decided_at: status === 'pending' ? null : decided, decided_by: status === 'pending' ? null : adminId, submitted_by: ctx.accounts.get('facilitator')!.id,
      source: 'in_person', created_at: decided, updated_at: decided,
    });
    if (status !== 'pending') await audit(ctx, status === 'approved' ? 'registration.approve' : 'registration.reject', 'organization', id, status === 'rejected' ? 'partida registral vencida' : null);
    if (status === 'approved') orgIds.push(id);
  }

  // Delegates: two per approved organization, a woman titular and a man substitute, so the quota holds.
  let index = 100;
  const approved: DemoAgent[] = [];
  for (const [i, orgId] of orgIds.entries()) {
    const zoneCode = ORGANIZATIONS[i]![2];
    let titular: string | undefined;
    for (const sex of ['female', 'male'] as const) {
      const delegateRole = sex === 'female' ? 'titular' : 'substitute';
      const id = await addAgent(ctx, processId, index++, { sex, status: 'approved', zoneCode, organizationId: orgId, delegateRole }, rand, decided);
      approved.push(titular ? { id, sex, substituteFor: titular } : { id, sex });
      titular ??= id;
      await audit(ctx, 'registration.approve', 'agent', id, 'delegado acreditado por su organización');
    }
  }
  const delegates = approved.slice();
  // Individuals: about 280, 52% women, most approved, some pending (this week's registrations), a few rejected.
  const individuals = 280;
  for (let i = 0; i < individuals; i++) {
    const sex = rand() < 0.52 ? 'female' : 'male';
    const status = i < 240 ? 'approved' : i < 270 ? 'pending' : 'rejected';
    const zoneCode = pick(rand, ZONE_WEIGHTS);
    const id = await addAgent(ctx, processId, index++, { sex, status, zoneCode, organizationId: null }, rand, decided);
    if (status === 'approved') approved.push({ id, sex });
    if (status !== 'pending') await audit(ctx, status === 'approved' ? 'registration.approve' : 'registration.reject', 'agent', id, status === 'rejected' ? 'no cumple requisitos' : null);
  }
  // The demo participating agent's own registration, approved, linked to the account, and the message that says so.
  const demoAgent = ctx.accounts.get('participating_agent')!;
  const own = await addAgent(ctx, processId, index++, { sex: 'male', status: 'approved', zoneCode: 'Z02', organizationId: null, userId: demoAgent.id, dni: demoAgent.dni, name: demoAgent.name }, rand, decided);
  approved.push({ id: own, sex: 'male' });
  await enqueueToContact(ctx.trx, ctx.municipalityId, { phone: mobileFor(index) }, { subject: 'Inscripción aprobada', body: `Su inscripción como agente participante del Presupuesto Participativo ${fiscalYear} fue aprobada.`, topic: 'registration.decision', relatedType: 'agent', relatedId: own });
  ctx.state.set(DEMO_APPROVED_AGENTS, { delegates, all: approved, own });
}
