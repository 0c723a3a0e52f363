import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';
import { checkIn, recordAttendance, removeAttendance } from '../attendance/attendance.ts';
import {
  attendanceChangeSchema, checkInAnswerSchema, checkInBody, recordAttendanceBody, removeAttendanceQuery, removedAttendanceSchema,
} from '../attendance/attendance-shapes.ts';
import { checkInOpen, localTime, sessionStatus } from '../attendance/session-times.ts';
import type { Process } from '../processes/process.ts';
import { localDate } from '../shared/clock.ts';
import * as service from './workshops.service.ts';
import { WORKSHOP_ATTENDANCE } from './workshops.service.ts';
import { WORKSHOP_PHASE, type Workshop } from './workshops.ts';
import { ATTENDANCE_COLUMNS, attendanceListPdf, attendanceSheetPdf, auditSheet, numbered, type SessionHeading } from '../attendance/attendance-export.ts';
import { csvDocument, describeColumns, downloadHeaders } from '../shared/export.ts';
import type { Lang } from '../shared/i18n.ts';
import {
  attendanceSheetSchema, attendeeParams, createWorkshopBody, minutesBody, minutesVersionSchema, processParams, updateWorkshopBody,
  votesBody, workshopAttendanceSchema, workshopDetailSchema, workshopListSchema, workshopParams, workshopSchema, workshopVoteSchema,
} from './workshops.schemas.ts';
import { z } from 'zod';

export function presentWorkshop(w: Workshop, at: Date = new Date()) {
  return {
    id: w.id, processId: w.processId, title: w.title, agenda: w.agenda, place: w.place, startsAt: w.startsAt, endsAt: w.endsAt,
    localDate: localDate(w.startsAt), localStartTime: localTime(w.startsAt), localEndTime: localTime(w.endsAt),
    status: sessionStatus(w, at), checkInOpen: checkInOpen(w, at), zone: w.zone, axis: w.axis,
    attendanceCount: w.attendanceCount, minutesVersion: w.minutesVersion,
  };
}

function presentProcess(p: Process) {
  return { process: { id: p.id, fiscalYear: p.fiscalYear, phase: p.phase }, open: p.phase === WORKSHOP_PHASE };
}

const writeErrors = { ...commonErrors, 409: errorResponse } as const;
const langQuery = z.strictObject({ lang: z.enum(['es', 'en']).optional() });

/** What a printed workshop document says about it, above its table. */
function heading(municipalityName: string, process: Process, w: Workshop, lang: Lang): SessionHeading {
  const es = lang === 'es';
  const scope = [w.zone ? `${es ? 'Zona' : 'Zone'}: ${w.zone.name}.` : null, w.axis ? `${es ? 'Eje temático' : 'Thematic axis'}: ${w.axis.name}.` : null];
  return { municipalityName, processName: process.name, title: w.title, place: w.place, startsAt: w.startsAt, endsAt: w.endsAt, details: scope.filter((x): x is string => x !== null) };
}

export function workshopsRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/workshops';
    const one = `${base}/:workshopId`;

    r.get(base, {
      config: { policy: 'public' },
      schema: { tags: ['workshops'], summary: 'Workshops of a process, by start time', params: processParams, response: { 200: workshopListSchema, 404: errorResponse } },
    }, async (request) => {
      const { process, workshops } = await service.listWorkshops(ctx.db, municipalityOf(request).id, request.params.processId);
      return { ...presentProcess(process), workshops: workshops.map((w) => presentWorkshop(w)) };
    });

    r.post(base, {
      config: { policy: { action: 'workshop.manage' } },
      schema: { tags: ['workshops'], summary: 'Schedule a workshop of a zone and/or thematic axis (Concertation)', params: processParams, body: createWorkshopBody, response: { 201: workshopSchema, ...writeErrors } },
    }, async (request, reply) => {
      const w = await service.createWorkshop(ctx.db, actorOf(request), municipalityOf(request).id, request.params.processId, request.body);
      return reply.code(201).send(presentWorkshop(w));
    });

    r.get(one, {
      config: { policy: 'public' },
      schema: { tags: ['workshops'], summary: 'One workshop: agenda, signed minutes (every version) with agreements and signers, and the votes of the room', params: workshopParams, response: { 200: workshopDetailSchema, 404: errorResponse } },
    }, async (request) => {
      const p = request.params;
      const { process, workshop, minutes, votes } = await service.getWorkshop(ctx.db, municipalityOf(request).id, p.processId, p.workshopId);
      return { ...presentProcess(process), workshop: presentWorkshop(workshop), minutes, votes };
    });

    r.patch(one, {
      config: { policy: { action: 'workshop.manage' } },
      schema: { tags: ['workshops'], summary: 'Change a workshop (only the fields given)', params: workshopParams, body: updateWorkshopBody, response: { 200: workshopSchema, ...writeErrors } },
    }, async (request) => {
      const p = request.params;
      return presentWorkshop(await service.updateWorkshop(ctx.db, actorOf(request), municipalityOf(request).id, p.processId, p.workshopId, request.body));
    });

    r.get(`${one}/attendance`, {
      config: { policy: { action: 'workshop.manage' } },
      schema: { tags: ['workshops'], summary: 'Who attended, with names and DNI (staff)', params: workshopParams, response: { 200: workshopAttendanceSchema, ...commonErrors } },
    }, async (request) => {
      const p = request.params;
      const { workshop, attendees } = await service.workshopAttendance(ctx.db, municipalityOf(request).id, p.processId, p.workshopId);
      return { workshop: presentWorkshop(workshop), attendees };
    });

    r.post(`${one}/attendance`, {
      config: { policy: { action: 'workshop.manage' } },
      schema: { tags: ['workshops'], summary: 'Record attendance of approved agents (adds only)', params: workshopParams, body: recordAttendanceBody, response: { 200: attendanceChangeSchema, ...writeErrors } },
    }, async (request) => {
      const p = request.params;
      return recordAttendance(ctx.db, actorOf(request), WORKSHOP_ATTENDANCE, municipalityOf(request).id, p.processId, p.workshopId, request.body.agentIds, request.body.reason);
    });

    r.delete(`${one}/attendance/:agentId`, {
      config: { policy: { action: 'workshop.manage' } },
      schema: { tags: ['workshops'], summary: 'Remove a mistaken attendance (not of someone who signed the minutes)', params: attendeeParams, querystring: removeAttendanceQuery, response: { 200: removedAttendanceSchema, ...writeErrors } },
    }, async (request) => {
      const p = request.params;
      return removeAttendance(ctx.db, actorOf(request), WORKSHOP_ATTENDANCE, municipalityOf(request).id, p.processId, p.workshopId, p.agentId, request.query.reason);
    });

    r.post(`${one}/check-in`, {
      config: { policy: 'signed-in' },
      schema: { tags: ['workshops'], summary: 'Check in by DNI on the workshop day (staff: any DNI; an agent: their own)', params: workshopParams, body: checkInBody, response: { 200: checkInAnswerSchema, ...writeErrors } },
    }, async (request) => {
      const p = request.params;
      return checkIn(ctx.db, actorOf(request), WORKSHOP_ATTENDANCE, municipalityOf(request).id, p.processId, p.workshopId, request.body.dni);
    });

    r.post(`${one}/minutes`, {
      config: { policy: { action: 'workshop.manage' } },
      schema: {
        tags: ['workshops'], summary: 'Sign the minutes: summary, agreements, signing attendees. A later version is a correction and needs a reason',
        params: workshopParams, body: minutesBody, response: { 201: z.object({ minutes: z.array(minutesVersionSchema) }), ...writeErrors },
      },
    }, async (request, reply) => {
      const p = request.params;
      const minutes = await service.signMinutes(ctx.db, actorOf(request), municipalityOf(request).id, p.processId, p.workshopId, request.body);
      return reply.code(201).send({ minutes });
    });

    r.put(`${one}/votes`, {
      config: { policy: { action: 'workshop.manage' } },
      schema: {
        tags: ['workshops'], summary: "Record the room's votes per proposal (one count per proposal; changing one needs a reason)",
        params: workshopParams, body: votesBody, response: { 200: z.object({ votes: z.array(workshopVoteSchema) }), ...writeErrors },
      },
    }, async (request) => {
      const p = request.params;
      return { votes: await service.recordVotes(ctx.db, actorOf(request), municipalityOf(request).id, p.processId, p.workshopId, request.body) };
    });

    r.get(`${one}/sheet`, {
      config: { policy: { action: 'workshop.manage' } },
      schema: { tags: ['workshops'], summary: 'The printable attendance sheet: the approved agents expected (of its zone, if any) (staff)', params: workshopParams, response: { 200: attendanceSheetSchema, ...commonErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const p = request.params;
      const { process, workshop, agents } = await service.attendanceSheet(ctx.db, m.id, p.processId, p.workshopId);
      return { municipalityName: m.name, process: presentProcess(process).process, workshop: presentWorkshop(workshop), agents };
    });

    r.get(`${one}/sheet.pdf`, {
      config: { policy: { action: 'workshop.manage' } },
      schema: {
        tags: ['workshops'], summary: 'The attendance sheet as PDF: every approved agent expected with a box to sign, blank rows for walk-ins, headers and page numbers on every page (staff; audited)',
        params: workshopParams, querystring: langQuery, response: { ...commonErrors },
      },
    }, async (request, typedReply) => {
      const m = municipalityOf(request);
      const p = request.params;
      const { process, workshop: w, agents } = await service.attendanceSheet(ctx.db, m.id, p.processId, p.workshopId);
      await auditSheet(ctx.db, actorOf(request), WORKSHOP_ATTENDANCE, m.id, p.processId, w.id, agents.length);
      const pdf = await attendanceSheetPdf(heading(m.name, process, w, request.lang), agents, request.lang, new Date());
      const name = request.lang === 'es' ? 'hoja-de-asistencia.pdf' : 'attendance-sheet.pdf';
      return (typedReply as FastifyReply).headers(downloadHeaders(name, 'pdf')).send(Buffer.from(pdf));
    });

    r.get(`${one}/attendance.csv`, {
      config: { policy: { action: 'workshop.manage' } },
      schema: { tags: ['workshops'], summary: 'Who attended, as CSV (UTF-8 with BOM), with DNI (staff; audited)', description: describeColumns(ATTENDANCE_COLUMNS), params: workshopParams, querystring: langQuery, response: { ...commonErrors } },
    }, async (request, typedReply) => {
      const p = request.params;
      const { attendees } = await service.exportWorkshopAttendance(ctx.db, actorOf(request), municipalityOf(request).id, p.processId, p.workshopId, 'csv');
      const name = request.lang === 'es' ? 'asistencia-taller.csv' : 'workshop-attendance.csv';
      return (typedReply as FastifyReply).headers(downloadHeaders(name, 'csv')).send(csvDocument(ATTENDANCE_COLUMNS, numbered(attendees), request.lang));
    });

    r.get(`${one}/attendance.pdf`, {
      config: { policy: { action: 'workshop.manage' } },
      schema: { tags: ['workshops'], summary: 'Who attended, as PDF to file (staff; audited)', params: workshopParams, querystring: langQuery, response: { ...commonErrors } },
    }, async (request, typedReply) => {
      const m = municipalityOf(request);
      const p = request.params;
      const { process, workshop: w, attendees } = await service.exportWorkshopAttendance(ctx.db, actorOf(request), m.id, p.processId, p.workshopId, 'pdf');
      const pdf = await attendanceListPdf(heading(m.name, process, w, request.lang), attendees, request.lang, new Date());
      const name = request.lang === 'es' ? 'asistencia-taller.pdf' : 'workshop-attendance.pdf';
      return (typedReply as FastifyReply).headers(downloadHeaders(name, 'pdf')).send(Buffer.from(pdf));
    });
  };
}
