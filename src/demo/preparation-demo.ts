import type { DatabaseHandle, Trx } from '../db/database.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { addDays, localDate, newId, now } from '../shared/clock.ts';
import { type ProcessRules } from '@concerta/contracts';
import { iloDefaultRules } from '../processes/process-rules.ts';
import { insertPhaseMove, insertProcess, replaceCalendar, replaceZoneEnvelopes, setPhase } from '../processes/process.repository.ts';
import { syncBodies } from '../processes/bodies.ts';
import { CALENDAR_PHASES, PHASES } from '@concerta/contracts';
import { enqueueToContact } from '../communication/outbox.ts';
import { ageBand, dniFor, mobileFor, personName, pick, prng } from './people.ts';

/**
 * The Ilo demo of the Preparation phase: the plan, eight past processes (2000-2007, women's share of agents rising
 * from 38% to 52% as the case reports), and this year's process in Preparation with a few hundred agents, a dozen
 * organizations with their delegates, a directive committee, trainings with attendance, announcements.
 */

const AXES = [
  { code: 'EJ1', name: 'Desarrollo urbano y ambiente', description: 'Ciudad ordenada, limpia y segura frente a la contaminación.', objectives: [
    ['OE1.1', 'Reducir la contaminación del aire y del agua en la bahía y el valle'],
    ['OE1.2', 'Completar el saneamiento básico de los asentamientos de la Pampa Inalámbrica'],
    ['OE1.3', 'Ordenar el crecimiento urbano y recuperar espacios públicos'],
  ] },
  { code: 'EJ2', name: 'Desarrollo social', description: 'Salud, educación y cuidado para todas las edades.', objectives: [
    ['OE2.1', 'Mejorar la infraestructura educativa y los espacios para la niñez'],
    ['OE2.2', 'Ampliar la atención primaria de salud en los sectores alejados'],
  ] },
  { code: 'EJ3', name: 'Desarrollo económico', description: 'Pesca artesanal, agricultura del valle y turismo.', objectives: [
    ['OE3.1', 'Fortalecer la pesca artesanal y su cadena de frío'],
    ['OE3.2', 'Promover el turismo en el borde costero'],
  ] },
  { code: 'EJ4', name: 'Gobernabilidad y participación', description: 'Concertación, transparencia y vigilancia ciudadana.', objectives: [
    ['OE4.1', 'Fortalecer las organizaciones vecinales y la vigilancia ciudadana'],
  ] },
] as const;

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

type Ctx = { trx: Trx; handle: DatabaseHandle; municipalityId: string; adminId: string; facilitatorId: string; zones: Map<string, string> };

export async function seedPreparationDemo(handle: DatabaseHandle, trx: Trx, municipalityId: string, accounts: Map<string, { id: string; dni: string; name: string }>): Promise<void> {
  const zones = new Map((await trx.selectFrom('zones').select(['id', 'code']).where('municipality_id', '=', municipalityId).execute()).map((z) => [z.code, z.id]));
  const ctx: Ctx = { trx, handle, municipalityId, adminId: accounts.get('administrator')!.id, facilitatorId: accounts.get('facilitator')!.id, zones };
  await seedPlan(ctx);
  for (let year = 2000; year <= 2007; year++) await seedPastProcess(ctx, year);
  await seedCurrentProcess(ctx, accounts.get('participating_agent')!);
}

async function audit(ctx: Ctx, action: string, entityType: string, entityId: string, reason: string | null, data: Record<string, unknown> = {}): Promise<void> {
  await appendAudit(ctx.trx, ctx.handle.dialect, { scope: ctx.municipalityId, actorId: ctx.adminId, action, entityType, entityId, reason, data });
}

async function seedPlan(ctx: Ctx): Promise<void> {
  const at = now();
  for (const a of AXES) {
    const axisId = newId();
    await ctx.trx.insertInto('thematic_axes').values({ municipality_id: ctx.municipalityId, id: axisId, code: a.code, name: a.name, description: a.description, created_at: at }).execute();
    for (const [code, title] of a.objectives) {
      await ctx.trx.insertInto('plan_objectives').values({ municipality_id: ctx.municipalityId, id: newId(), axis_id: axisId, code, title, description: '', created_at: at }).execute();
    }
  }
  await audit(ctx, 'plan.load', 'plan', ctx.municipalityId, 'Plan de Desarrollo Concertado de Ilo (datos de demostración)', { axes: AXES.length });
}

async function createProcess(ctx: Ctx, fiscalYear: number, calendar: { startsOn: string; endsOn: string }[], rules: ProcessRules, envelopeCents: number, investmentCents: number): Promise<string> {
  const id = newId();
  await insertProcess(ctx.trx, {
    id, municipalityId: ctx.municipalityId, fiscalYear, name: `Presupuesto Participativo ${fiscalYear}`, phase: 'preparation',
    envelopeCents, investmentBudgetCents: investmentCents, rules, copiedFromId: null, createdAt: now(), createdBy: ctx.adminId,
  });
  await replaceCalendar(ctx.trx, ctx.municipalityId, id, CALENDAR_PHASES.map((phase, i) => ({ phase, ...calendar[i]! })));
  await syncBodies(ctx.trx, ctx.municipalityId, id, rules);
  await audit(ctx, 'process.create', 'process', id, 'datos de demostración', { fiscalYear });
  return id;
}

interface AgentSpec { sex: 'female' | 'male'; status: 'pending' | 'approved' | 'rejected'; zoneCode: string; organizationId: string | null; userId?: string; dni?: string; name?: string }

async function insertAgent(ctx: Ctx, processId: string, index: number, spec: AgentSpec, rand: () => number, decidedAt: string | null): Promise<string> {
  const id = newId();
  const withPhone = rand() < 0.8;
  const reason = spec.status === 'rejected' ? pick(rand, REJECTION_REASONS) : spec.status === 'approved' ? 'Cumple los requisitos de inscripción.' : null;
  await ctx.trx.insertInto('agents').values({
    municipality_id: ctx.municipalityId, id, process_id: processId, dni: spec.dni ?? dniFor(index), full_name: spec.name ?? personName(rand, spec.sex),
    sex: spec.sex, age_band: ageBand(rand), zone_id: ctx.zones.get(spec.zoneCode)!, phone: withPhone ? mobileFor(index) : null, email: null,
    organization_id: spec.organizationId, status: spec.status, decision_reason: reason, decided_at: spec.status === 'pending' ? null : decidedAt,
    decided_by: spec.status === 'pending' ? null : ctx.adminId, user_id: spec.userId ?? null, submitted_by: spec.userId ?? ctx.facilitatorId,
    source: spec.userId ? 'online' : rand() < 0.7 ? 'in_person' : 'import', created_at: decidedAt ?? now(), updated_at: decidedAt ?? now(),
  }).execute();
  return id;
}

const ZONE_WEIGHTS = ['Z01', 'Z01', 'Z02', 'Z02', 'Z02', 'Z03', 'Z03', 'Z04', 'Z05', 'Z06', 'Z06', 'Z07'];

/** A closed past process: its agents (approved, a few rejected) with the women's share the case reports for that year. */
async function seedPastProcess(ctx: Ctx, year: number): Promise<void> {
  const rand = prng(year);
  const calendar = [
    { startsOn: `${year - 1}-03-01`, endsOn: `${year - 1}-03-31` }, { startsOn: `${year - 1}-04-01`, endsOn: `${year - 1}-05-31` },
    { startsOn: `${year - 1}-06-01`, endsOn: `${year - 1}-06-15` }, { startsOn: `${year - 1}-06-16`, endsOn: `${year - 1}-06-30` },
    { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` },
  ];
  const envelope = year === 2000 ? 420_000_00 : Math.round((420_000 + (year - 2000) * 310_000) / 1000) * 1000_00;
  const id = await createProcess(ctx, year, calendar, iloDefaultRules(`${year - 1}-03-20`), envelope, year === 2000 ? 2_800_000_00 : Math.round(envelope / 0.6));
  const total = 110 + (year - 2000) * 10;
  const womenShare = 0.38 + ((year - 2000) * (0.52 - 0.38)) / 7;
  const women = Math.round(total * womenShare);
  for (let i = 0; i < total; i++) {
    const sex = i < women ? 'female' : 'male';
    await insertAgent(ctx, id, year * 1000 + i, { sex, status: 'approved', zoneCode: pick(rand, ZONE_WEIGHTS), organizationId: null }, rand, `${year - 1}-03-25T15:00:00.000Z`);
  }
  for (let i = 0; i < 4; i++) {
    await insertAgent(ctx, id, year * 1000 + 900 + i, { sex: rand() < 0.5 ? 'female' : 'male', status: 'rejected', zoneCode: pick(rand, ZONE_WEIGHTS), organizationId: null }, rand, `${year - 1}-03-25T15:00:00.000Z`);
  }
  // The past process ran its whole cycle; its phase history says so.
  for (const [i, from] of PHASES.slice(0, -1).entries()) {
    await insertPhaseMove(ctx.trx, ctx.municipalityId, id, { from, to: PHASES[i + 1]!, movedAt: `${calendar[Math.min(i, 4)]!.endsOn}T22:00:00.000Z`, movedBy: ctx.adminId, reason: 'Cronograma cumplido' });
  }
  await setPhase(ctx.trx, ctx.municipalityId, id, 'closed');
}

async function seedCurrentProcess(ctx: Ctx, demoAgent: { id: string; dni: string; name: string }): Promise<void> {
  const rand = prng(2027);
  const today = localDate();
  // The calendar follows today's date, so the demo is always in the middle of registration.
  const calendar = [
    { startsOn: addDays(today, -28), endsOn: addDays(today, 20) }, { startsOn: addDays(today, 21), endsOn: addDays(today, 80) },
    { startsOn: addDays(today, 81), endsOn: addDays(today, 100) }, { startsOn: addDays(today, 101), endsOn: addDays(today, 120) },
  ];
  const fiscalYear = Number(calendar[3]!.endsOn.slice(0, 4)) + 1;
  calendar.push({ startsOn: addDays(today, 121), endsOn: `${fiscalYear}-12-31` });
  const rules = iloDefaultRules(addDays(today, 12));
  const processId = await createProcess(ctx, fiscalYear, calendar, rules, 9_800_000_00, 11_000_000_00);
  await replaceZoneEnvelopes(ctx.trx, ctx.municipalityId, processId, [
    ['Z01', 1_400_000_00], ['Z02', 2_600_000_00], ['Z03', 1_300_000_00], ['Z04', 700_000_00], ['Z05', 600_000_00], ['Z06', 900_000_00], ['Z07', 500_000_00],
  ].map(([code, cents]) => ({ zoneId: ctx.zones.get(code as string)!, amountCents: cents as number })));
  const decided = `${addDays(today, -10)}T16:00:00.000Z`;

  // Organizations: ten approved, one pending, one rejected.
  const orgIds: string[] = [];
  for (const [i, [name, type, zone]] of ORGANIZATIONS.entries()) {
    const id = newId();
    const status = i === 10 ? 'pending' : i === 11 ? 'rejected' : 'approved';
    await ctx.trx.insertInto('organizations').values({
      municipality_id: ctx.municipalityId, id, process_id: processId, name, type, registry_number: `110${String(23456 + i * 311).padStart(5, '0')}`,
      zone_id: ctx.zones.get(zone)!, contact_phone: mobileFor(5000 + i), contact_email: null, status,
      decision_reason: status === 'rejected' ? 'La partida registral en SUNARP está vencida; renueve la junta directiva e inscríbase de nuevo.' : status === 'approved' ? 'Organización con partida registral vigente.' : null,
      decided_at: status === 'pending' ? null : decided, decided_by: status === 'pending' ? null : ctx.adminId, submitted_by: ctx.facilitatorId,
      source: 'in_person', created_at: decided, updated_at: decided,
    }).execute();
    if (status !== 'pending') await audit(ctx, status === 'approved' ? 'organization.approve' : 'organization.reject', 'organization', id, status === 'rejected' ? 'partida registral vencida' : null);
    if (status === 'approved') orgIds.push(id);
  }

  // Delegates: two per approved organization, one woman and one man, so the quota holds.
  let index = 100;
  const approvedAgents: { id: string; sex: 'female' | 'male'; zoneCode: string }[] = [];
  for (const [i, orgId] of orgIds.entries()) {
    const zoneCode = ORGANIZATIONS[i]![2];
    for (const sex of ['female', 'male'] as const) {
      const id = await insertAgent(ctx, processId, index++, { sex, status: 'approved', zoneCode, organizationId: orgId }, rand, decided);
      approvedAgents.push({ id, sex, zoneCode });
      await audit(ctx, 'agent.approve', 'agent', id, 'delegado acreditado por su organización');
    }
  }
  // Individuals: about 280, 52% women, most approved, some pending (this week's registrations), a few rejected.
  const individuals = 280;
  for (let i = 0; i < individuals; i++) {
    const sex = rand() < 0.52 ? 'female' : 'male';
    const status = i < 240 ? 'approved' : i < 270 ? 'pending' : 'rejected';
    const zoneCode = pick(rand, ZONE_WEIGHTS);
    const id = await insertAgent(ctx, processId, index++, { sex, status, zoneCode, organizationId: null }, rand, decided);
    if (status === 'approved') approvedAgents.push({ id, sex, zoneCode });
    if (status !== 'pending') await audit(ctx, status === 'approved' ? 'agent.approve' : 'agent.reject', 'agent', id, status === 'rejected' ? 'no cumple requisitos' : null);
  }
  // The demo participating agent's own registration, approved, linked to the account.
  const own = await insertAgent(ctx, processId, index++, { sex: 'male', status: 'approved', zoneCode: 'Z02', organizationId: null, userId: demoAgent.id, dni: demoAgent.dni, name: demoAgent.name }, rand, decided);
  approvedAgents.push({ id: own, sex: 'male', zoneCode: 'Z02' });
  await enqueueToContact(ctx.trx, ctx.municipalityId, { phone: mobileFor(index) }, { subject: 'Inscripción aprobada', body: `Su inscripción como agente participante del Presupuesto Participativo ${fiscalYear} fue aprobada.`, topic: 'registration.decision', relatedType: 'agent', relatedId: own });

  // Directive committee: five of seven seats elected, three women.
  const directive = await ctx.trx.selectFrom('bodies').select('id').where('municipality_id', '=', ctx.municipalityId).where('process_id', '=', processId).where('kind', '=', 'directive_committee').executeTakeFirstOrThrow();
  const delegates = approvedAgents.slice(0, orgIds.length * 2);
  for (const member of [...delegates.filter((a) => a.sex === 'female').slice(0, 3), ...delegates.filter((a) => a.sex === 'male').slice(0, 2)]) {
    await ctx.trx.insertInto('body_members').values({ municipality_id: ctx.municipalityId, body_id: directive.id, agent_id: member.id, elected_at: decided, elected_by: ctx.adminId }).execute();
    await audit(ctx, 'body.elect', 'agent', member.id, 'elegido en asamblea de delegados', { body: 'directive_committee' });
  }

  // Trainings: two held (with attendance typed in by the facilitator), two coming.
  const sessions = [
    { topic: 'El presupuesto participativo: Ley 28056 y el ciclo anual', place: 'Auditorio de la Municipalidad Provincial de Ilo', day: -14, zone: null, share: 0.55 },
    { topic: 'Plan de Desarrollo Concertado y priorización de proyectos', place: 'Local comunal de la Pampa Inalámbrica', day: -6, zone: null, share: 0.4 },
    { topic: 'Formulación de proyectos y cofinanciamiento', place: 'Colegio Almirante Guise, Alto Ilo', day: 5, zone: null, share: 0 },
    { topic: 'Vigilancia ciudadana del presupuesto', place: 'Casa de la Cultura, Cercado de Ilo', day: 9, zone: null, share: 0 },
  ];
  for (const s of sessions) {
    const id = newId();
    const date = addDays(today, s.day);
    // 15:00 to 18:00 in Lima (UTC-5).
    await ctx.trx.insertInto('training_sessions').values({
      municipality_id: ctx.municipalityId, id, process_id: processId, topic: s.topic, place: s.place,
      starts_at: `${date}T20:00:00.000Z`, ends_at: `${date}T23:00:00.000Z`, facilitator_id: ctx.facilitatorId,
      facilitator_name: 'Lucía Condori Apaza', zone_id: s.zone, created_at: decided, created_by: ctx.adminId,
    }).execute();
    const attendees = approvedAgents.filter((_, i) => (i * 7919) % 100 < s.share * 100 || (s.share > 0 && _.id === own));
    for (const a of attendees) {
      await ctx.trx.insertInto('training_attendance').values({ municipality_id: ctx.municipalityId, session_id: id, agent_id: a.id, method: 'facilitator', recorded_at: `${date}T23:30:00.000Z`, recorded_by: ctx.facilitatorId }).execute();
    }
    if (attendees.length) await audit(ctx, 'attendance.record', 'training_session', id, null, { count: attendees.length });
  }

  // The call and the training calendar, published.
  for (const [title, body, from, to] of [
    [`Convocatoria al Presupuesto Participativo ${fiscalYear}`, `La Municipalidad Provincial de Ilo convoca a la ciudadanía y a las organizaciones sociales a inscribirse como agentes participantes hasta el ${rules.registrationDeadline}. Inscríbase en línea o en la mesa de partes de la municipalidad con su DNI.`, addDays(today, -28), rules.registrationDeadline],
    ['Cronograma de capacitaciones', 'Las capacitaciones son obligatorias para votar en la formalización. Consulte fechas y lugares en la página del proceso.', addDays(today, -20), addDays(today, 10)],
  ] as const) {
    const id = newId();
    await ctx.trx.insertInto('announcements').values({ municipality_id: ctx.municipalityId, id, process_id: processId, title, body, starts_on: from, ends_on: to, published_at: decided, created_at: decided, created_by: ctx.adminId }).execute();
    await audit(ctx, 'announcement.publish', 'announcement', id, null, { title });
  }
}
