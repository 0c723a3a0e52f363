import { appendAudit } from '../audit/audit-log.ts';
import { insertAttendance } from '../attendance/attendance.ts';
import { demoKey, type AreaDemo } from '../kernel/area.ts';
import { DEMO_ZONES } from '../plan/plan.demo.ts';
import { axisRefs } from '../plan/plan.queries.ts';
import { DEMO_PROPOSALS } from '../proposals/proposals.demo.ts';
import { listProposals } from '../proposals/proposals.queries.ts';
import { agentProfiles, delegateCounterparts } from '../registration/registration.queries.ts';
import { newId } from '../shared/clock.ts';
import { insertMinutes, insertWorkshop, upsertVotes } from './workshops.repository.ts';

/** The demo's workshops: their ids, for the steps that read them (prioritization combines their votes). */
export const DEMO_WORKSHOPS = demoKey<{ processId: string; ids: readonly string[] }>('workshops: the demo workshops');

interface DemoWorkshop {
  title: string;
  zone: string | null;
  axis: string | null;
  place: string;
  /** Day of May 2006, and the hour it starts (Lima time; each lasts three hours). */
  day: number;
  hour: number;
  agenda: string;
  summary: string;
  agreements: string[];
}

const WORKSHOPS: DemoWorkshop[] = [
  {
    title: 'Taller de priorización del Cercado de Ilo', zone: 'Z01', axis: null, place: 'Auditorio de la Municipalidad Provincial de Ilo, Jr. Zepita 413', day: 6, hour: 9,
    agenda: '1. Bienvenida y registro de asistencia\n2. Diagnóstico del Cercado: malecón, mercado y pistas\n3. Presentación de las propuestas de la zona\n4. Votación de prioridades\n5. Lectura y firma del acta',
    summary: 'Asistieron los agentes del Cercado. Se presentaron las propuestas de la zona; se discutió el estado del malecón y el ordenamiento del mercado central.',
    agreements: ['Priorizar la renovación del malecón costero frente a la plaza de armas.', 'Solicitar a la gerencia de obras el expediente del mercado central antes de la evaluación técnica.'],
  },
  {
    title: 'Taller de priorización de la Pampa Inalámbrica', zone: 'Z02', axis: null, place: 'Local comunal de la Pampa Inalámbrica, sector 3', day: 7, hour: 9,
    agenda: '1. Registro de asistencia\n2. Saneamiento y agua: situación de los asentamientos\n3. Presentación de las propuestas de la zona\n4. Votación de prioridades\n5. Firma del acta',
    summary: 'Taller con amplia participación de los comités vecinales. El agua y el desagüe de los asentamientos fueron el tema central.',
    agreements: ['Dar prioridad a las redes de agua y desagüe de los asentamientos sin conexión.', 'Los comités vecinales aportarán mano de obra no calificada en las obras priorizadas.', 'Pedir a la EPS Ilo un informe de factibilidad antes de junio.'],
  },
  {
    title: 'Taller de priorización de Alto Ilo', zone: 'Z03', axis: null, place: 'Colegio Almirante Guise, Alto Ilo', day: 13, hour: 15,
    agenda: '1. Registro de asistencia\n2. Educación y espacios para la niñez en Alto Ilo\n3. Propuestas de la zona\n4. Votación\n5. Acta',
    summary: 'Se revisaron las propuestas de aulas, losas deportivas y pistas de Alto Ilo.',
    agreements: ['Priorizar la infraestructura educativa del sector.', 'Coordinar con la UGEL Ilo el saneamiento físico legal de los terrenos escolares.'],
  },
  {
    title: 'Taller de priorización de Miramar', zone: 'Z04', axis: null, place: 'Losa deportiva de Miramar', day: 14, hour: 10,
    agenda: '1. Registro de asistencia\n2. Propuestas de Miramar\n3. Votación\n4. Acta',
    summary: 'Los vecinos de Miramar revisaron sus propuestas de pistas y veredas y de recuperación de áreas verdes.',
    agreements: ['Priorizar las veredas de la avenida principal de Miramar.'],
  },
  {
    title: 'Taller de priorización de Villa del Mar', zone: 'Z05', axis: null, place: 'Salón parroquial de Villa del Mar', day: 20, hour: 10,
    agenda: '1. Registro de asistencia\n2. Propuestas de Villa del Mar\n3. Votación\n4. Acta',
    summary: 'Se trataron la posta de salud y el parque del asentamiento.',
    agreements: ['Priorizar la ampliación de la atención primaria de salud.', 'El comité vecinal vigilará la ejecución de la obra priorizada.'],
  },
  {
    title: 'Taller de priorización de Nuevo Ilo', zone: 'Z06', axis: null, place: 'Local del comité vecinal de Nuevo Ilo', day: 21, hour: 10,
    agenda: '1. Registro de asistencia\n2. Residuos sólidos y limpieza pública\n3. Propuestas de Nuevo Ilo\n4. Votación\n5. Acta',
    summary: 'Taller centrado en el recojo de residuos sólidos y en las vías de acceso de Nuevo Ilo.',
    agreements: ['Priorizar el programa de recojo selectivo de residuos sólidos.', 'Solicitar más frecuencias del camión recolector mientras se ejecuta la obra.'],
  },
  {
    title: 'Taller de priorización del Valle de Ilo', zone: 'Z07', axis: null, place: 'Centro poblado El Algarrobal, casa comunal', day: 27, hour: 9,
    agenda: '1. Registro de asistencia\n2. Riego y caminos del valle\n3. Propuestas de la zona rural\n4. Votación\n5. Acta',
    summary: 'Agricultores del valle presentaron sus propuestas de riego tecnificado y de mejoramiento de caminos.',
    agreements: ['Priorizar el mejoramiento del canal de riego del valle.', 'La junta de usuarios de riego aportará jornales para la obra.'],
  },
  {
    title: 'Taller temático: pesca artesanal y turismo costero', zone: null, axis: 'EJ3', place: 'Desembarcadero pesquero artesanal de Ilo', day: 28, hour: 9,
    agenda: '1. Registro de asistencia\n2. La cadena de frío de la pesca artesanal\n3. Turismo en el borde costero\n4. Propuestas del eje de desarrollo económico\n5. Acta',
    summary: 'Pescadores artesanales, comerciantes y operadores turísticos revisaron las propuestas del eje de desarrollo económico de todas las zonas.',
    agreements: ['Respaldar las propuestas de cadena de frío para la pesca artesanal.', 'Formar una mesa de turismo costero con la Cámara de Comercio de Ilo.'],
  },
];

/**
 * Workshops of the 2007 process's Concertation (full demo), in May 2006: one per zone and one thematic, each with the
 * attendance of that zone's approved agents (a titular or a substitute delegate, never both), signed minutes with
 * agreements, and the votes the room gave to the zone's proposals (the thematic one, to its axis's proposals).
 */
export const WORKSHOPS_DEMO: AreaDemo = {
  async municipality(ctx) {
    if (!ctx.full) return;
    const { processId } = ctx.state.get(DEMO_PROPOSALS);
    const zones = ctx.state.get(DEMO_ZONES);
    const axes = new Map((await axisRefs(ctx.trx, ctx.municipalityId)).map((a) => [a.code, a.id]));
    const agents = await agentProfiles(ctx.trx, ctx.municipalityId, { processId, approvedOnly: true });
    const counterparts = await delegateCounterparts(ctx.trx, ctx.municipalityId, agents.map((a) => a.id));
    const proposals = (await listProposals(ctx.trx, ctx.municipalityId, { processId, status: 'submitted' })).proposals;
    const facilitatorId = ctx.accounts.get('facilitator')!.id;
    const ids: string[] = [];
    for (const [i, w] of WORKSHOPS.entries()) {
      const id = newId();
      ids.push(id);
      const zoneId = w.zone ? zones.get(w.zone)! : null;
      const axisId = w.axis ? axes.get(w.axis)! : null;
      const day = `2006-05-${String(w.day).padStart(2, '0')}`;
      // Lima is UTC-5: a workshop at 09:00 starts at 14:00 UTC.
      const startsAt = `${day}T${String(w.hour + 5).padStart(2, '0')}:00:00.000Z`;
      const endsAt = `${day}T${String(w.hour + 8).padStart(2, '0')}:00:00.000Z`;
      const after = `${day}T${String(w.hour + 8).padStart(2, '0')}:30:00.000Z`;
      await insertWorkshop(ctx.trx, ctx.municipalityId, {
        id, processId, title: w.title, agenda: w.agenda, place: w.place, startsAt, endsAt, zoneId, axisId, createdAt: `2006-04-20T15:00:00.000Z`, createdBy: facilitatorId,
      });
      await appendAudit(ctx.trx, ctx.handle.dialect, {
        scope: ctx.municipalityId, actorId: facilitatorId, action: 'workshop.create', entityType: 'workshop', entityId: id, reason: 'cronograma de talleres 2007',
        data: { processId, title: w.title, startsAt, endsAt, zoneId, axisId },
      });

      // Most of the zone's agents come (for the thematic workshop, a share of everyone); of a delegate pair, one.
      const pool = zoneId ? agents.filter((a) => a.zoneId === zoneId) : agents.filter((_, k) => k % 4 === i % 4);
      const present: string[] = [];
      for (const [k, a] of pool.entries()) {
        if ((k * 7 + i) % 10 >= 7) continue;
        const other = counterparts.get(a.id);
        if (other && present.includes(other.id)) continue;
        present.push(a.id);
        await insertAttendance(ctx.trx, 'workshop_attendance', ctx.municipalityId, { sessionId: id, agentId: a.id, method: 'facilitator', recordedAt: after, recordedBy: facilitatorId });
      }
      if (present.length > 0) {
        await appendAudit(ctx.trx, ctx.handle.dialect, {
          scope: ctx.municipalityId, actorId: facilitatorId, action: 'workshop.attendance.record', entityType: 'workshop', entityId: id, reason: 'hoja de asistencia del taller',
          data: { processId, method: 'facilitator', agentIds: present },
        });
        const signers = present.slice(0, Math.min(3, present.length));
        await insertMinutes(ctx.trx, ctx.municipalityId, id, {
          version: 1, summary: w.summary, agreements: w.agreements, signerAgentIds: signers, signedAt: after, signedBy: facilitatorId, reason: null,
        });
        await appendAudit(ctx.trx, ctx.handle.dialect, {
          scope: ctx.municipalityId, actorId: facilitatorId, action: 'workshop.minutes.sign', entityType: 'workshop', entityId: id, reason: null,
          data: { processId, version: 1, summary: w.summary, agreements: w.agreements, signerAgentIds: signers },
        });
      }

      // The room votes on its proposals: each present agent has three votes to spread.
      const voted = proposals.filter((p) => (zoneId ? p.current.zone.id === zoneId : p.current.axis.id === axisId));
      const votes = voted.map((p, k) => ({ proposalId: p.id, votes: Math.max(0, Math.round((present.length * 3) / Math.max(voted.length, 1) + ((k * 5 + i) % 7) - 3)) }));
      for (const v of votes) {
        await upsertVotes(ctx.trx, ctx.municipalityId, id, { proposalId: v.proposalId, votes: v.votes, recordedAt: after, recordedBy: facilitatorId, reason: null });
      }
      if (votes.length > 0) {
        await appendAudit(ctx.trx, ctx.handle.dialect, {
          scope: ctx.municipalityId, actorId: facilitatorId, action: 'workshop.votes.record', entityType: 'workshop', entityId: id, reason: null,
          data: { processId, votes: votes.map((v) => ({ ...v, before: null })) },
        });
      }
    }
    ctx.state.set(DEMO_WORKSHOPS, { processId, ids });
  },
};
