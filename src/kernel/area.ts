import type { FastifyPluginAsync } from 'fastify';
import type { CalendarPhase, Phase, ProcessRules } from '@concerta/contracts';
import type { Config } from '../config.ts';
import type { DatabaseHandle, Executor, Trx } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { ActionTable } from '../access/policy.ts';
import type { Catalogue, ErrorCode } from '../shared/errors.ts';

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
  /** Process rules this area freezes while its data depends on them (the vote's settings once it opens). */
  readonly settingsLocks?: readonly SettingsLock[];
  /** Its part of the Ilo demo (`<area>.demo.ts`), run in area order inside the seeding transaction. */
  readonly demo?: AreaDemo;
  /** Whether a stored file is public because this area shows it publicly (an attachment of a published announcement ...). */
  readonly publicFiles?: PublicFileCheck;
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
  /** Every area's locks on process rules, for the processes area to run when settings change. */
  settingsLocks: readonly SettingsLock[];
  /** Every area's say on whether a file is public: a file nobody shows publicly is for staff only. */
  publicFileChecks: readonly PublicFileCheck[];
}

/** Whether an area shows this file publicly. */
export type PublicFileCheck = (db: Executor, municipalityId: string, fileId: string) => Promise<boolean>;

/** The process as a phase gate sees it. */
export interface GateSubject {
  id: string;
  municipalityId: string;
  phase: Phase;
  rules: ProcessRules;
  calendar: { phase: CalendarPhase; startsOn: string; endsOn: string }[];
}

/**
 * An area's hold on some process rules: while `check` answers an error, a settings change that touches one of `rules`
 * is refused with it. Runs inside the transaction that changes the settings, under the process lock. Rules an area
 * locks may change after Preparation (until Execution) as long as no lock holds them; the others freeze with Preparation.
 */
export interface SettingsLock {
  rules: readonly (keyof ProcessRules)[];
  check(db: Executor, process: GateSubject): Promise<{ code: ErrorCode; params: Record<string, unknown> } | null>;
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

/**
 * An area's part of the Ilo demo. The seed runs every area's `platform` step, in area order, then every area's
 * `municipality` step, in area order: installation-wide rows (jurisdictions, municipalities, users) exist before any
 * municipality's rows refer to them. Each step writes only its own area's tables.
 */
export interface AreaDemo {
  platform?: (ctx: PlatformDemoContext) => Promise<void>;
  municipality?: DemoStep;
}

/** What a platform step is given: the transaction and what earlier steps left for later ones. */
export interface PlatformDemoContext {
  handle: DatabaseHandle;
  trx: Trx;
  /** The whole cycle so far (plan, past years, this year's registrations and trainings), or only territory, zones and accounts. */
  full: boolean;
  /** scrypt cost of the demo accounts' password, as log2(N). */
  passwordLogN: number;
  state: DemoState;
}

/** What a municipality step is given: also the demo municipality and the demo accounts by role. */
export interface DemoContext extends PlatformDemoContext {
  municipalityId: string;
  accounts: ReadonlyMap<string, DemoAccount>;
}

export interface DemoAccount { id: string; dni: string; name: string }

export type DemoStep = (ctx: DemoContext) => Promise<void>;

/** A typed name for something one demo step leaves for later ones; the step that sets it exports it. */
export interface DemoKey<T> {
  readonly name: string;
  /** Never set: carries the type. */
  readonly type?: T;
}

export function demoKey<T>(name: string): DemoKey<T> {
  return { name };
}

/** The demo municipality's id and the demo accounts: set by the territory and accounts steps, read by the seed. */
export const DEMO_MUNICIPALITY = demoKey<string>('demo municipality');
export const DEMO_ACCOUNTS_BY_ROLE = demoKey<ReadonlyMap<string, DemoAccount>>('demo accounts by role');

/** What the demo steps leave each other, keyed by typed names. */
export class DemoState {
  readonly #values = new Map<string, unknown>();

  set<T>(key: DemoKey<T>, value: T): void {
    if (this.#values.has(key.name)) throw new Error(`demo state: ${key.name} set twice`);
    this.#values.set(key.name, value);
  }

  /** What an earlier step left; a step run out of order fails here, naming what it missed. */
  get<T>(key: DemoKey<T>): T {
    if (!this.#values.has(key.name)) throw new Error(`demo state: ${key.name} not set by an earlier step`);
    return this.#values.get(key.name) as T;
  }
}

/** Declares an area; a function only so that the object is checked against the contract where it is written. */
export function defineArea(area: AreaModule): AreaModule {
  return area;
}
