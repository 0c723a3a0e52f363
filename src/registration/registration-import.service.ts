import { createHash } from 'node:crypto';
import type { DatabaseHandle, Executor } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { AppError, errorBody } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { localDate, newId, now } from '../shared/clock.ts';
import {
  ALL_COLUMNS, parseAgentsCsv, planAgentImport, SLICE_ROWS, yieldToEventLoop, type Checkpoint, type ImportPlan, type ParsedCsv,
} from './csv-import.ts';
import { registrationWindowError } from './registration-window.ts';
import { lockProcess, requireProcess } from '../processes/process.queries.ts';
import * as repo from './registration.repository.ts';

/**
 * Bulk import of agents from a facilitator's CSV. Modes:
 * - `dry-run` (default): reports every bad row, writes nothing;
 * - `all-or-nothing`: writes every row only if none is bad, else 422 CSV_INVALID_ROWS with the same report;
 * - `valid-rows`: writes the good rows and reports the skipped bad ones.
 * Whatever is written is written in one transaction: rows pending, source `import`, submitted by the facilitator,
 * with one audit entry for the import (counts, file sha256, the ids created) and one per created agent.
 * Every stage goes in slices that hand the event loop back (csv-import.ts), updating the progress an import job shows.
 */
export { IMPORT_MODES } from '@concerta/contracts';
import { IMPORT_MODES } from '@concerta/contracts';
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportRowError {
  line: number;
  field: string | null;
  code: string;
  message: string;
}

export interface ImportReport {
  mode: ImportMode;
  total: number;
  valid: number;
  invalid: number;
  written: number;
  errors: ImportRowError[];
}

/** How far an import got: characters of the file parsed, then rows parsed, validated and written. */
export interface ImportProgress {
  stage: 'parsing' | 'validating' | 'writing' | 'finished';
  chars: number;
  charsParsed: number;
  /** Rows in the file, once parsed. */
  total: number | null;
  parsed: number;
  validated: number;
  /** Rows to write, once validated (writing modes). */
  toWrite: number | null;
  written: number;
}

export function startingProgress(): ImportProgress {
  return { stage: 'parsing', chars: 0, charsParsed: 0, total: null, parsed: 0, validated: 0, toWrite: null, written: 0 };
}

/** What an import job adds to a plain import. */
export interface ImportHooks {
  /** Updated at every slice of work. */
  progress?: ImportProgress;
  /** The import's id (the job's), named by its audit entry. */
  importId?: string;
  /** Runs inside the transaction that writes the agents, with the report: what it records commits with them. */
  beforeCommit?(trx: Executor, report: ImportReport): Promise<void>;
}

async function report(mode: ImportMode, plan: ImportPlan, written: number, lang: Lang): Promise<ImportReport> {
  const colOrder = (f: string | null) => (f === null ? -1 : ALL_COLUMNS.indexOf(f as never));
  const issues = [...plan.issues].sort((a, b) => a.line - b.line || colOrder(a.field) - colOrder(b.field));
  const errors: ImportRowError[] = [];
  for (const [n, i] of issues.entries()) {
    // Each message goes through the catalogue: tens of thousands of them take a while.
    if (n > 0 && n % SLICE_ROWS === 0) await yieldToEventLoop({});
    errors.push({
      line: i.line, field: i.field, code: i.code,
      message: errorBody(new AppError(i.code, i.params, i.field ?? undefined), lang).error.message,
    });
  }
  return { mode, total: plan.total, valid: plan.total - plan.invalidLines, invalid: plan.invalidLines, written, errors };
}

async function plan(db: Executor, municipalityId: string, processId: string, csv: ParsedCsv, checkpoint: Checkpoint): Promise<ImportPlan> {
  const refs = {
    zones: await repo.listZoneRefs(db, municipalityId),
    organizations: await repo.listOrganizationRefs(db, municipalityId, processId),
    takenDnis: await repo.takenDnis(db, municipalityId, processId),
  };
  return planAgentImport(csv, refs, checkpoint);
}

export async function importAgents(
  handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, file: Buffer, mode: ImportMode, lang: Lang,
  hooks: ImportHooks = {},
): Promise<ImportReport> {
  const progress = hooks.progress ?? startingProgress();
  const checkpoint: Checkpoint = async (p) => {
    Object.assign(progress, p);
    await yieldToEventLoop(p);
  };
  const process = await requireProcess(handle.db, municipalityId, processId);
  const closed = registrationWindowError(process, localDate());
  if (closed) throw closed;
  progress.stage = 'parsing';
  const csv = await parseAgentsCsv(file, checkpoint);
  Object.assign(progress, { stage: 'validating', total: csv.records.length });

  if (mode === 'dry-run') {
    const r = await report(mode, await plan(handle.db, municipalityId, processId, csv, checkpoint), 0, lang);
    progress.stage = 'finished';
    return r;
  }

  const sha256 = createHash('sha256').update(file).digest('hex');
  let attempted: string[] = [];
  const result = await handle.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction that writes, against what is registered at this moment, under the process lock.
    const again = registrationWindowError(await lockProcess(trx, handle.dialect, municipalityId, processId), localDate());
    if (again) throw again;
    const p = await plan(trx, municipalityId, processId, csv, checkpoint);
    if (mode === 'all-or-nothing' && p.issues.length > 0) {
      throw new AppError('CSV_INVALID_ROWS', { count: p.invalidLines, report: await report(mode, p, 0, lang) });
    }
    attempted = p.rows.map((r) => r.draft.dni);
    Object.assign(progress, { stage: 'writing', toWrite: p.rows.length });
    const importId = hooks.importId ?? newId();
    const at = now();
    const created: { id: string; line: number }[] = [];
    for (const { line, draft } of p.rows) {
      if (created.length > 0 && created.length % SLICE_ROWS === 0) {
        progress.written = created.length;
        await yieldToEventLoop({});
      }
      const id = newId();
      await repo.insertAgent(trx, {
        municipality_id: municipalityId, id, process_id: processId, dni: draft.dni, full_name: draft.fullName, sex: draft.sex,
        age_band: draft.ageBand, zone_id: draft.zoneId, phone: draft.phone, email: draft.email, organization_id: draft.organizationId,
        status: 'pending', decision_reason: null, decided_at: null, decided_by: null, user_id: null, submitted_by: actor.userId,
        source: 'import', created_at: at, updated_at: at,
      });
      created.push({ id, line });
    }
    progress.written = created.length;
    if (created.length > 0) {
      await appendAudit(trx, handle.dialect, {
        scope: municipalityId, actorId: actor.userId, action: 'registration.import', entityType: 'agent_import', entityId: importId,
        data: {
          processId, mode, sha256, bytes: file.length, total: p.total, valid: p.total - p.invalidLines, invalid: p.invalidLines,
          written: created.length, agentIds: created.map((c) => c.id),
        },
      });
      for (const [n, c] of created.entries()) {
        if (n > 0 && n % SLICE_ROWS === 0) await yieldToEventLoop({});
        await appendAudit(trx, handle.dialect, {
          scope: municipalityId, actorId: actor.userId, action: 'registration.register', entityType: 'agent', entityId: c.id,
          data: { processId, source: 'import', importId, line: c.line },
        });
      }
    }
    const r = await report(mode, p, created.length, lang);
    await hooks.beforeCommit?.(trx, r);
    return r;
  }).catch(async (err: unknown) => {
    if (!isUniqueViolation(err)) throw err;
    // Someone registered one of these DNIs while the file was being written: nothing was written; name the DNI.
    const clash = await repo.findAgentIdsByDnis(handle.db, municipalityId, processId, attempted);
    throw new AppError('DNI_ALREADY_REGISTERED', { dni: clash[0]?.dni ?? '' }, 'dni');
  });
  progress.stage = 'finished';
  return result;
}
