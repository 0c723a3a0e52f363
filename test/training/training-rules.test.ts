import { describe, expect, it } from 'vitest';
import {
  assertTrainingWritable, attendanceOpen, checkInOpen, checkTimes, invitationMessage, localStamp, localTime, sessionDays, sessionStatus,
} from '../../src/training/training.ts';

// 18:00 to 20:00 in Lima (UTC-5) on 10 March 2027 is 23:00 to 01:00 UTC: the UTC dates differ, the local day does not.
const evening = { startsAt: '2027-03-10T23:00:00.000Z', endsAt: '2027-03-11T01:00:00.000Z' };

describe('training rules (pure)', () => {
  it('reads the session day and times in Peru, not in UTC', () => {
    expect(sessionDays(evening)).toEqual({ from: '2027-03-10', to: '2027-03-10' });
    expect(localTime(evening.startsAt)).toBe('18:00');
    expect(localTime(evening.endsAt)).toBe('20:00');
    expect(localStamp(evening.endsAt)).toBe('2027-03-10 20:00');
  });

  it('opens check-in on the local day only', () => {
    expect(checkInOpen(evening, '2027-03-10T13:00:00Z')).toBe(true); // 08:00 Lima, same day
    expect(checkInOpen(evening, '2027-03-11T04:59:00Z')).toBe(true); // 23:59 Lima
    expect(checkInOpen(evening, '2027-03-11T05:00:00Z')).toBe(false); // 00:00 Lima, next day
    expect(checkInOpen(evening, '2027-03-10T04:59:00Z')).toBe(false); // 23:59 Lima, day before
  });

  it('lets facilitators type attendance from the session day on, not before', () => {
    expect(attendanceOpen(evening, '2027-03-10T04:59:00Z')).toBe(false);
    expect(attendanceOpen(evening, '2027-03-10T05:00:00Z')).toBe(true);
    expect(attendanceOpen(evening, '2027-06-01T12:00:00Z')).toBe(true);
  });

  it('tells upcoming, in progress and ended apart', () => {
    expect(sessionStatus(evening, '2027-03-10T22:59:59Z')).toBe('upcoming');
    expect(sessionStatus(evening, '2027-03-10T23:00:00Z')).toBe('in_progress');
    expect(sessionStatus(evening, '2027-03-11T01:00:00Z')).toBe('ended');
  });

  it('refuses a session that ends before, or when, it starts, naming local times', () => {
    expect(checkTimes(evening.startsAt, evening.endsAt)).toBeNull();
    const err = checkTimes(evening.endsAt, evening.startsAt);
    expect(err).toMatchObject({ code: 'TRAINING_ENDS_BEFORE_START', field: 'endsAt', params: { startsAt: '2027-03-10 20:00', endsAt: '2027-03-10 18:00' } });
    expect(checkTimes(evening.startsAt, evening.startsAt)?.code).toBe('TRAINING_ENDS_BEFORE_START');
  });

  it('keeps training open until formalization', () => {
    for (const phase of ['preparation', 'concertation', 'coordination'] as const) expect(() => assertTrainingWritable(phase)).not.toThrow();
    for (const phase of ['formalization', 'execution', 'closed'] as const) {
      expect(() => assertTrainingWritable(phase)).toThrow(expect.objectContaining({ code: 'TRAINING_FROZEN', params: { phase } }));
    }
  });

  it('writes the invitation in Spanish with the local date and time', () => {
    const m = invitationMessage({
      agentName: 'Ana Torres', agentSex: 'female', municipalityName: 'Municipalidad Provincial de Ilo', fiscalYear: 2027, topic: 'Presupuesto y proyectos',
      place: 'Auditorio municipal', ...evening, facilitatorName: 'Lucía Condori Apaza', zoneName: 'Cercado de Ilo',
      minTrainingSessions: 2, trainingRequiredToVote: true,
    });
    expect(m.subject).toBe('Capacitación del Presupuesto Participativo: Presupuesto y proyectos');
    expect(m.body).toContain('Estimada Ana Torres:');
    expect(m.body).toContain('Fecha: miércoles, 10 de marzo de 2027');
    expect(m.body).toContain('Hora: de 18:00 a 20:00 (hora de Perú)');
    expect(m.body).toContain('Zona: Cercado de Ilo');
    expect(m.body).toContain('al menos a 2 sesiones');
    const open = invitationMessage({
      agentName: 'X', agentSex: 'male', municipalityName: 'M', fiscalYear: 2027, topic: 'T', place: 'P', ...evening, facilitatorName: 'F', zoneName: null,
      minTrainingSessions: 1, trainingRequiredToVote: false,
    });
    expect(open.body).toContain('Estimado X:');
    expect(open.body).not.toContain('Zona:');
    expect(open.body).not.toContain('Para votar');
  });
});
