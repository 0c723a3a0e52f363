import type { FastifyPluginAsync } from 'fastify';
import type { Phase, ProcessRules } from '@concerta/contracts';
import type { Config } from '../config.ts';
import type { DatabaseHandle, Executor, Trx } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { ActionTable } from '../access/policy.ts';
import type { Catalogue } from '../shared/errors.ts';

/**
 * The module contract: each area of the cycle (a folder under src/) exports one `AreaModule` from its `index.ts`,
 * and `src/areas.ts` lists them in dependency order. The core asks the modules for what they contribute (routes,
 * policy actions, messages, phase gates, demo data) and never imports an area by name. This is Decidim's component
 * manifest and Fastify's plugin encapsulation, in TypeScript.
 *
 * An area's own SQL migrations live in `src/<area>/migrations/NNNN_name.sql`; the migrator finds them by that path.
 */
export interface AreaModule {
  /** The folder name; also the web app's area and i18n namespace of the same name. */
  readonly name: string;
  /** The tables this area owns: only its files write them; other areas read them through its exported queries. */
  readonly tables: readonly (keyof Database)[];
  /** Its HTTP routes, as one encapsulated Fastify plugin. */
  readonly routes?: (ctx: AppContext) => FastifyPluginAsync;
  /** Its policy actions and the roles allowed each. */
  readonly actions?: ActionTable;
  /** Its error codes, precondition texts, field labels and names, in Spanish and English. */
  readonly messages?: Catalogue;
  /** What must hold, in the data this area owns, before a process leaves a phase. */
  readonly phaseGates?: readonly PhaseGate[];
  /** Its step of the Ilo demo, run in area order inside the seeding transaction. */
  readonly demo?: DemoStep;
  /** Route parameters that name things it owns (`processId` ...), resolved inside the municipality by the access chain. */
  readonly scopeParams?: Readonly<Record<string, AreaScopeParam>>;
}

/** How an area finds a thing a route parameter names, inside one municipality; null when it is not there. */
export interface AreaScopeParam {
  what: string;
  resolve(db: Executor, municipalityId: string, id: string): Promise<unknown>;
}

/** What every route plugin is given: the database, the settings, and what the areas contribute to each other. */
export interface AppContext {
  db: DatabaseHandle;
  config: Config;
  /** scrypt cost as log2(N); lowered only by tests. */
  passwordLogN: number;
  /** Every area's phase gates, for the processes area to run when a phase moves. */
  phaseGates: readonly PhaseGate[];
}

/** The process as a phase gate sees it. */
export interface GateSubject {
  id: string;
  municipalityId: string;
  phase: Phase;
  rules: ProcessRules;
}

/** A gate that fails: a precondition code (in some area's catalogue) and the numbers its message needs. */
export interface FailedPrecondition {
  code: string;
  params: Record<string, unknown>;
}

/** One condition for leaving a phase; runs inside the transaction that moves the phase. */
export interface PhaseGate {
  leaving: Phase;
  check(db: Executor, process: GateSubject, at: Date): Promise<FailedPrecondition | null>;
}

/** The demo seeding context: the transaction, the municipality, and what earlier steps left for later ones. */
export interface DemoContext {
  handle: DatabaseHandle;
  trx: Trx;
  municipalityId: string;
  /** Demo accounts by role. */
  accounts: ReadonlyMap<string, { id: string; dni: string; name: string }>;
  /** Shared between steps (ids of zones, the current process, approved agents ...), keyed by what they hold. */
  state: Map<string, unknown>;
}

export type DemoStep = (ctx: DemoContext) => Promise<void>;

/** Declares an area; a function only so that the object is checked against the contract where it is written. */
export function defineArea(area: AreaModule): AreaModule {
  return area;
}
