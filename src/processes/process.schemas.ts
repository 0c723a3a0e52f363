import { z } from 'zod';
import { named } from '../http/schemas.ts';
import { CALENDAR_PHASES, PHASES } from '@concerta/contracts';
import { processRulesSchema } from '@concerta/contracts';
import { multilineText, requiredReason, text } from '../http/input.ts';

const cents = z.number().int().positive({ message: 'positive_amount' }).max(1e15);
const reason = requiredReason;

export const calendarSchema = z.array(z.strictObject({
  phase: z.enum(CALENDAR_PHASES),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
})).min(1).max(5);

export const zoneEnvelopesSchema = z.array(z.strictObject({ zoneId: z.string().min(1).max(80), amountCents: z.number().int().min(0).max(1e15) })).max(200);

export const createProcessBody = z.strictObject({
  name: text(200, 3),
  fiscalYear: z.number().int().min(2000).max(2100),
  envelopeCents: cents,
  investmentBudgetCents: cents,
  calendar: calendarSchema,
  rules: processRulesSchema,
  zoneEnvelopes: zoneEnvelopesSchema.default([]),
  reason: multilineText(2000).optional(),
});

export const updateProcessBody = z.strictObject({
  name: text(200, 3).optional(),
  envelopeCents: cents.optional(),
  investmentBudgetCents: cents.optional(),
  calendar: calendarSchema.optional(),
  rules: processRulesSchema.optional(),
  zoneEnvelopes: zoneEnvelopesSchema.optional(),
  reason,
});

export const copyProcessBody = z.strictObject({
  fiscalYear: z.number().int().min(2000).max(2100),
  name: text(200, 3).optional(),
  reason: multilineText(2000).optional(),
});

export const movePhaseBody = z.strictObject({ to: z.enum(PHASES), reason });

export const processParams = z.strictObject({ slug: z.string().min(1).max(80), processId: z.string().min(1).max(80) });

export const processSchema = z.object({
  id: z.string(),
  municipalityId: z.string(),
  fiscalYear: z.number(),
  name: z.string(),
  phase: z.enum(PHASES),
  envelopeCents: z.number(),
  investmentBudgetCents: z.number(),
  envelopeShare: z.number(),
  rules: processRulesSchema,
  calendar: z.array(z.object({ phase: z.enum(CALENDAR_PHASES), startsOn: z.string(), endsOn: z.string() })),
  zoneEnvelopes: z.array(z.object({ zoneId: z.string(), zoneName: z.string(), amountCents: z.number() })),
  copiedFromId: z.string().nullable(),
  createdAt: z.string(),
});

export const phaseMoveSchema = z.object({
  seq: z.number(), from: z.enum(PHASES), to: z.enum(PHASES), movedAt: z.string(), movedByName: z.string(), reason: z.string(),
});

export const phaseCheckSchema = z.object({
  from: z.enum(PHASES),
  to: z.enum(PHASES).nullable(),
  ready: z.boolean(),
  failures: z.array(z.object({ code: z.string(), message: z.string(), messages: z.object({ es: z.string(), en: z.string() }), params: z.record(z.string(), z.unknown()) })),
});

named('Process', processSchema);
named('PhaseMove', phaseMoveSchema);
named('PhaseCheck', phaseCheckSchema);
named('CreateProcessBody', createProcessBody);
named('UpdateProcessBody', updateProcessBody);
