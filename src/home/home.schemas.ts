import { z } from 'zod';
import { CALENDAR_PHASES, PHASES, ROLES } from '@concerta/contracts';
import { named } from '../http/schemas.ts';
import { STEP_CODES, STEP_PAGES } from './home.ts';

/** Answer shapes of the home routes (they also make the OpenAPI document). */

export const processParams = z.strictObject({ slug: z.string().min(1).max(80), processId: z.string().min(1).max(80) });

const municipalityRef = z.object({ slug: z.string(), name: z.string() });
const processRef = z.object({ id: z.string(), name: z.string(), fiscalYear: z.number(), phase: z.enum(PHASES) });

export const personalHomeSchema = z.object({
  places: z.array(z.object({
    municipality: municipalityRef,
    roles: z.array(z.enum(ROLES)),
    process: processRef.extend({ registrationOpen: z.boolean(), registrationDeadline: z.string().nullable() }).nullable()
      .describe("The municipality's current process: the newest not closed"),
    registration: z.object({ id: z.string(), status: z.enum(['pending', 'approved', 'rejected']) }).nullable()
      .describe('Your registration in that process'),
  })).describe('The municipalities of your roles and registrations'),
  openCalls: z.array(z.object({
    municipality: municipalityRef, process: z.object({ id: z.string(), name: z.string(), fiscalYear: z.number() }), registrationDeadline: z.string(),
  })).describe('Processes whose registration is open today'),
  landing: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('staff'), slug: z.string(), processId: z.string().nullable() }),
    z.object({ kind: z.literal('registration'), slug: z.string(), processId: z.string() }),
    z.object({ kind: z.literal('process'), slug: z.string(), processId: z.string() }),
    z.object({ kind: z.literal('account') }),
  ]).describe('Where to land after signing in: the staff dashboard, your registration, the open call, or the account page'),
});

const stepSchema = z.object({
  code: z.enum(STEP_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])),
  due: z.string().nullable().describe('Local date it is due by, or happens on'), page: z.enum(STEP_PAGES),
});

export const dashboardSchema = z.object({
  process: processRef,
  today: z.string(),
  calendar: z.array(z.object({ phase: z.enum(CALENDAR_PHASES), startsOn: z.string(), endsOn: z.string() })),
  dates: z.object({
    registrationDeadline: z.string(),
    listStages: z.object({ preliminaryListOn: z.string(), challengesFrom: z.string(), challengesUntil: z.string(), definitiveListOn: z.string() }).nullable(),
    proposalDeadline: z.string(),
  }),
  figures: z.object({
    registrations: z.object({ pendingAgents: z.number(), pendingOrganizations: z.number(), approvedAgents: z.number() }),
    lists: z.object({ preliminaryPublished: z.boolean(), definitivePublished: z.boolean(), openChallenges: z.number() }),
    training: z.object({
      scheduled: z.number(), upcoming: z.number(), ended: z.number(), attendances: z.number(), agentsAttending: z.number(),
      trainedAgents: z.number(), minSessions: z.number(), requiredToVote: z.boolean(),
    }),
    proposals: z.object({ submitted: z.number(), withdrawn: z.number() }),
  }),
  steps: z.array(stepSchema).describe('The next steps, most pressing first'),
});

named('PersonalHome', personalHomeSchema);
named('Dashboard', dashboardSchema);
named('DashboardStep', stepSchema);
