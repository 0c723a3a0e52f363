import type { Process } from '../processes/process.ts';
import { AppError } from '../shared/errors.ts';

/**
 * Registrations (and their edits) are taken only while the process is in Preparation and until the registration
 * deadline, a Peru local date, inclusive. Returns the error to throw, or null when registration is open.
 */
export function registrationWindowError(process: Pick<Process, 'phase' | 'rules'>, today: string): AppError | null {
  if (process.phase !== 'preparation') return new AppError('PHASE_CLOSED', { expected: 'preparation', phase: process.phase });
  if (today > process.rules.registrationDeadline) return new AppError('REGISTRATION_CLOSED', { deadline: process.rules.registrationDeadline });
  return null;
}

/** Decisions on registrations belong to Preparation too (the phase cannot move on while any is pending). */
export function decisionWindowError(process: Pick<Process, 'phase'>): AppError | null {
  return process.phase === 'preparation' ? null : new AppError('PHASE_CLOSED', { expected: 'preparation', phase: process.phase });
}
