import { peruToday } from './format';
import type { ProcessDetail } from './api-types';

/** Women needed in a body: a share of its seats rounded up (as the server counts it). */
export function womenNeeded(seats: number, share: number): number {
  return Math.ceil(seats * share - 1e-9);
}

/** Whether people can still register (or correct a pending registration): in Preparation, until the deadline (Peru dates). */
export function registrationOpen(process: ProcessDetail, today = peruToday()): boolean {
  return process.phase === 'preparation' && today <= process.rules.registrationDeadline;
}
