import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../kernel/area.ts';
import { commonErrors, errorResponse } from '../http/schemas.ts';
import { fileDownloadPath } from '../files/file-types.ts';
import { localDate } from '../shared/clock.ts';
import type { Process } from '../processes/process.ts';
import * as service from './training.service.ts';
import { TRAINING_ATTENDANCE } from './training.service.ts';
import { checkIn, recordAttendance, removeAttendance } from '../attendance/attendance.ts';
import { checkInOpen, localTime, sessionStatus, type TrainingSession } from './training.ts';
import {
  attachMaterialBody, attendanceListSchema, sessionPlanSchema, attendeeParams, createSessionBody, createdSessionSchema, materialParams, processParams,
  sessionListSchema, sessionParams, sessionSchema, trainingStatusSchema, updateSessionBody, myTrainingSchema, sessionSheetSchema, langQuery,
} from './training.schemas.ts';
import { ATTENDANCE_COLUMNS, attendanceListPdf, attendanceSheetPdf, auditSheet, numbered, type SessionHeading } from '../attendance/attendance-export.ts';
import { csvDocument, describeColumns, downloadHeaders } from '../shared/export.ts';
import type { Lang } from '../shared/i18n.ts';
import {
  attendanceChangeSchema, checkInAnswerSchema, checkInBody, recordAttendanceBody, removeAttendanceQuery, removedAttendanceSchema,
} from '../attendance/attendance-shapes.ts';
import { actorOf, municipalityOf } from '../http/scope.ts';

export function presentSession(s: TrainingSession, slug: string, at: Date = new Date()) {
  return {
    id: s.id, processId: s.processId, topic: s.topic, place: s.place, startsAt: s.startsAt, endsAt: s.endsAt,
    localDate: localDate(s.startsAt), localStartTime: localTime(s.startsAt), localEndTime: localTime(s.endsAt),
    status: sessionStatus(s, at), checkInOpen: checkInOpen(s, at),
    facilitator: s.facilitator, zone: s.zone,
    materials: s.materials.map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes, url: fileDownloadPath(slug, f.id) })),
    attendanceCount: s.attendanceCount,
  };
}

function presentProcess(p: Process) {
  return {
    process: { id: p.id, fiscalYear: p.fiscalYear, phase: p.phase },
    rules: { trainingRequiredToVote: p.rules.trainingRequiredToVote, minTrainingSessions: p.rules.minTrainingSessions },
  };
}

const writeErrors = { ...commonErrors, 409: errorResponse } as const;

/** What a printed session document says about it, above its table. */
function heading(municipalityName: string, process: Process, s: TrainingSession, lang: Lang): SessionHeading {
  const es = lang === 'es';
  return {
    municipalityName, processName: process.name, title: s.topic, place: s.place, startsAt: s.startsAt, endsAt: s.endsAt,
    details: [`${es ? 'Facilita' : 'Facilitator'}: ${s.facilitator.name}.`, ...(s.zone ? [`${es ? 'Zona' : 'Zone'}: ${s.zone.name}.`] : [])],
  };
}

export function trainingRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/municipalities/:slug/processes/:processId/trainings';

    r.get(base, {
      config: { policy: 'public' },
      schema: { tags: ['training'], summary: 'Training sessions of a process, by start time, with materials and attendance counts', params: processParams, response: { 200: sessionListSchema, 404: errorResponse } },
    }, async (request) => {
      const m = municipalityOf(request);
      const { process, sessions } = await service.listSessions(ctx.db, m.id, request.params.processId);
      return { ...presentProcess(process), sessions: sessions.map((s) => presentSession(s, m.slug)) };
    });

    r.post(base, {
      config: { policy: { action: 'training.manage' } },
      schema: {
        tags: ['training'],
        summary: 'Schedule a session; invitations are queued to the approved agents of the process (of its zone, for a zone session)',
        params: processParams, body: createSessionBody, response: { 201: createdSessionSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const { session, notificationsQueued } = await service.createSession(ctx.db, actorOf(request), m.id, request.params.processId, request.body);
      return reply.code(201).send({ session: presentSession(session, m.slug), notificationsQueued });
    });

    r.post(`${base}/preview`, {
      config: { policy: { action: 'training.manage' } },
      schema: {
        tags: ['training'],
        summary: 'What scheduling this session would do, with every check and nothing written: invitations to queue, whether it is already over, sessions it seems to repeat',
        params: processParams, body: createSessionBody, response: { 200: sessionPlanSchema, ...writeErrors },
      },
    }, async (request) => service.previewSession(ctx.db, municipalityOf(request).id, request.params.processId, request.body));

    r.get(`${base}/:sessionId`, {
      config: { policy: 'public' },
      schema: { tags: ['training'], summary: 'One training session', params: sessionParams, response: { 200: sessionSchema, 404: errorResponse } },
    }, async (request) => {
      const m = municipalityOf(request);
      return presentSession(await service.getSession(ctx.db, m.id, request.params.processId, request.params.sessionId), m.slug);
    });

    r.patch(`${base}/:sessionId`, {
      config: { policy: { action: 'training.manage' } },
      schema: { tags: ['training'], summary: 'Change a session (only the fields given)', params: sessionParams, body: updateSessionBody, response: { 200: sessionSchema, ...writeErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const p = request.params;
      return presentSession(await service.updateSession(ctx.db, actorOf(request), m.id, p.processId, p.sessionId, request.body), m.slug);
    });

    r.post(`${base}/:sessionId/materials`, {
      config: { policy: { action: 'training.manage' } },
      schema: { tags: ['training'], summary: 'Attach an uploaded file as briefing material (idempotent)', params: sessionParams, body: attachMaterialBody, response: { 200: sessionSchema, ...writeErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const p = request.params;
      return presentSession(await service.attachMaterial(ctx.db, actorOf(request), m.id, p.processId, p.sessionId, request.body.fileId), m.slug);
    });

    r.delete(`${base}/:sessionId/materials/:fileId`, {
      config: { policy: { action: 'training.manage' } },
      schema: { tags: ['training'], summary: 'Detach a material from a session (the file itself stays)', params: materialParams, response: { 200: sessionSchema, ...writeErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const p = request.params;
      return presentSession(await service.detachMaterial(ctx.db, actorOf(request), m.id, p.processId, p.sessionId, p.fileId), m.slug);
    });

    r.get(`${base}/:sessionId/attendance`, {
      config: { policy: { action: 'attendance.record' } },
      schema: { tags: ['training'], summary: 'Who attended, with names and trained status (staff)', params: sessionParams, response: { 200: attendanceListSchema, ...commonErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const { session, attendees } = await service.sessionAttendance(ctx.db, m.id, request.params.processId, request.params.sessionId);
      return { session: presentSession(session, m.slug), attendees };
    });

    r.post(`${base}/:sessionId/attendance`, {
      config: { policy: { action: 'attendance.record' } },
      schema: {
        tags: ['training'],
        summary: 'Record attendance of approved agents (adds only; recording someone again changes nothing)',
        params: sessionParams, body: recordAttendanceBody, response: { 200: attendanceChangeSchema, ...writeErrors },
      },
    }, async (request) => {
      const p = request.params;
      return recordAttendance(ctx.db, actorOf(request), TRAINING_ATTENDANCE, municipalityOf(request).id, p.processId, p.sessionId, request.body.agentIds, request.body.reason);
    });

    r.delete(`${base}/:sessionId/attendance/:agentId`, {
      config: { policy: { action: 'attendance.record' } },
      schema: {
        tags: ['training'], summary: 'Remove a mistaken attendance (idempotent; ?reason= is recorded in the audit log)',
        params: attendeeParams, querystring: removeAttendanceQuery,
        response: { 200: removedAttendanceSchema, ...writeErrors },
      },
    }, async (request) => {
      const p = request.params;
      return removeAttendance(ctx.db, actorOf(request), TRAINING_ATTENDANCE, municipalityOf(request).id, p.processId, p.sessionId, p.agentId, request.query.reason);
    });

    r.post(`${base}/:sessionId/check-in`, {
      config: { policy: 'signed-in' },
      schema: {
        tags: ['training'],
        summary: 'Check in by DNI on the session day (staff: any DNI; an agent: their own account DNI only)',
        params: sessionParams, body: checkInBody, response: { 200: checkInAnswerSchema, ...writeErrors },
      },
    }, async (request) => {
      const p = request.params;
      return checkIn(ctx.db, actorOf(request), TRAINING_ATTENDANCE, municipalityOf(request).id, p.processId, p.sessionId, request.body.dni);
    });

    r.get(`${base}/:sessionId/sheet`, {
      config: { policy: { action: 'attendance.record' } },
      schema: { tags: ['training'], summary: 'The printable attendance sheet: the session and every approved agent expected (of its zone, for a zone session) (staff)', params: sessionParams, response: { 200: sessionSheetSchema, ...commonErrors } },
    }, async (request) => {
      const m = municipalityOf(request);
      const { process, session, agents } = await service.sessionSheet(ctx.db, m.id, request.params.processId, request.params.sessionId);
      return { municipalityName: m.name, process: { id: process.id, fiscalYear: process.fiscalYear, name: process.name }, session: presentSession(session, m.slug), agents };
    });

    r.get(`${base}/:sessionId/sheet.pdf`, {
      config: { policy: { action: 'attendance.record' } },
      schema: {
        tags: ['training'], summary: 'The attendance sheet as PDF: every approved agent expected with a box to sign, blank rows for walk-ins, headers and page numbers on every page (staff; audited)',
        params: sessionParams, querystring: langQuery, response: { ...commonErrors },
      },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const p = request.params;
      const { process, session, agents } = await service.sessionSheet(ctx.db, m.id, p.processId, p.sessionId);
      await auditSheet(ctx.db, actorOf(request), TRAINING_ATTENDANCE, m.id, p.processId, session.id, agents.length);
      const pdf = await attendanceSheetPdf(heading(m.name, process, session, request.lang), agents, request.lang, new Date());
      const name = request.lang === 'es' ? 'hoja-de-asistencia.pdf' : 'attendance-sheet.pdf';
      return (reply as FastifyReply).headers(downloadHeaders(name, 'pdf')).send(Buffer.from(pdf));
    });

    r.get(`${base}/:sessionId/attendance.csv`, {
      config: { policy: { action: 'attendance.record' } },
      schema: { tags: ['training'], summary: 'Who attended, as CSV (UTF-8 with BOM), with DNI (staff; audited)', description: describeColumns(ATTENDANCE_COLUMNS), params: sessionParams, querystring: langQuery, response: { ...commonErrors } },
    }, async (request, reply) => {
      const p = request.params;
      const { attendees } = await service.exportSessionAttendance(ctx.db, actorOf(request), municipalityOf(request).id, p.processId, p.sessionId, 'csv');
      const name = request.lang === 'es' ? 'asistencia-capacitacion.csv' : 'training-attendance.csv';
      return (reply as FastifyReply).headers(downloadHeaders(name, 'csv')).send(csvDocument(ATTENDANCE_COLUMNS, numbered(attendees), request.lang));
    });

    r.get(`${base}/:sessionId/attendance.pdf`, {
      config: { policy: { action: 'attendance.record' } },
      schema: { tags: ['training'], summary: 'Who attended, as PDF to file (staff; audited)', params: sessionParams, querystring: langQuery, response: { ...commonErrors } },
    }, async (request, reply) => {
      const m = municipalityOf(request);
      const p = request.params;
      const { process, session, attendees } = await service.exportSessionAttendance(ctx.db, actorOf(request), m.id, p.processId, p.sessionId, 'pdf');
      const pdf = await attendanceListPdf(heading(m.name, process, session, request.lang), attendees, request.lang, new Date());
      const name = request.lang === 'es' ? 'asistencia-capacitacion.pdf' : 'training-attendance.pdf';
      return (reply as FastifyReply).headers(downloadHeaders(name, 'pdf')).send(Buffer.from(pdf));
    });

    r.get('/api/municipalities/:slug/processes/:processId/training-status', {
      config: { policy: { action: 'attendance.record' } },
      schema: { tags: ['training'], summary: 'Every approved agent with sessions attended and trained status (staff)', params: processParams, response: { 200: trainingStatusSchema, ...commonErrors } },
    }, async (request) => {
      const { process, agents } = await service.trainingStatus(ctx.db, municipalityOf(request).id, request.params.processId);
      return { ...presentProcess(process), totals: { approved: agents.length, trained: agents.filter((a) => a.trained).length }, agents };
    });

    r.get('/api/municipalities/:slug/processes/:processId/training-status/mine', {
      config: { policy: 'signed-in' },
      schema: {
        tags: ['training'], summary: 'Your own training: what the process requires, the sessions you attended, whether you are trained, your next session',
        params: processParams, response: { 200: myTrainingSchema, ...commonErrors },
      },
    }, async (request) => {
      const m = municipalityOf(request);
      const mine = await service.myTraining(ctx.db, actorOf(request), m.id, request.params.processId);
      return {
        ...presentProcess(mine.process),
        registration: mine.agent,
        attended: mine.attended.map((s) => ({ id: s.id, topic: s.topic, place: s.place, startsAt: s.startsAt, localDate: localDate(s.startsAt), localStartTime: localTime(s.startsAt) })),
        trained: mine.trained,
        nextSession: mine.nextSession && presentSession(mine.nextSession, m.slug),
      };
    });
  };
}
