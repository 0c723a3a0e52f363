import { createHash } from 'node:crypto';
import type { DatabaseHandle, Executor } from '../db/database.ts';
import { type Actor } from '../access/actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { AppError, errorBody } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { localDate, newId, now } from '../shared/clock.ts';
import { ALL_COLUMNS, parseAgentsCsv, planAgentImport, type ImportPlan, type ParsedCsv } from './csv-import.ts';
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

function report(mode: ImportMode, plan: ImportPlan, written: number, lang: Lang): ImportReport {
  const colOrder = (f: string | null) => (f === null ? -1 : ALL_COLUMNS.indexOf(f as never));
  const errors = [...plan.issues]
    .sort((a, b) => a.line - b.line || colOrder(a.field) - colOrder(b.field))
    .map((i) => ({
      line: i.line, field: i.field, code: i.code,
      message: errorBody(new AppError(i.code, i.params, i.field ?? undefined), lang).error.message,
    }));
  return { mode, total: plan.total, valid: plan.total - plan.invalidLines, invalid: plan.invalidLines, written, errors };
}

async function plan(db: Executor, municipalityId: string, processId: string, csv: ParsedCsv): Promise<ImportPlan> {
  const refs = {
    zones: await repo.listZoneRefs(db, municipalityId),
    organizations: await repo.listOrganizationRefs(db, municipalityId, processId),
    takenDnis: await repo.takenDnis(db, municipalityId, processId),
  };
  return planAgentImport(csv, refs);
}

export async function importAgents(handle: DatabaseHandle, actor: Actor, municipalityId: string, processId: string, file: Buffer, mode: ImportMode, lang: Lang): Promise<ImportReport> {
  const process = await requireProcess(handle.db, municipalityId, processId);
  const closed = registrationWindowError(process, localDate());
  if (closed) throw closed;
  const csv = parseAgentsCsv(file);

  if (mode === 'dry-run') return report(mode, await plan(handle.db, municipalityId, processId, csv), 0, lang);

  const sha256 = createHash('sha256').update(file).digest('hex');
  let attempted: string[] = [];
  return handle.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction that writes, against what is registered at this moment, under the process lock.
    const again = registrationWindowError(await lockProcess(trx, handle.dialect, municipalityId, processId), localDate());
    if (again) throw again;
    const p = await plan(trx, municipalityId, processId, csv);
    if (mode === 'all-or-nothing' && p.issues.length > 0) {
      throw new AppError('CSV_INVALID_ROWS', { count: p.invalidLines, report: report(mode, p, 0, lang) });
    }
    attempted = p.rows.map((r) => r.draft.dni);
    const importId = newId();
    const at = now();
    const created: { id: string; line: number }[] = [];
    for (const { line, draft } of p.rows) {
      const id = newId();
      await repo.insertAgent(trx, {
        municipality_id: municipalityId, id, process_id: processId, dni: draft.dni, full_name: draft.fullName, sex: draft.sex,
        age_band: draft.ageBand, zone_id: draft.zoneId, phone: draft.phone, email: draft.email, organization_id: draft.organizationId,
        status: 'pending', decision_reason: null, decided_at: null, decided_by: null, user_id: null, submitted_by: actor.userId,
        source: 'import', created_at: at, updated_at: at,
      });
      created.push({ id, line });
    }
    if (created.length > 0) {
      await appendAudit(trx, handle.dialect, {
        scope: municipalityId, actorId: actor.userId, action: 'registration.import', entityType: 'agent_import', entityId: importId,
        data: {
          processId, mode, sha256, bytes: file.length, total: p.total, valid: p.total - p.invalidLines, invalid: p.invalidLines,
          written: created.length, agentIds: created.map((c) => c.id),
        },
      });
      for (const c of created) {
        await appendAudit(trx, handle.dialect, {
          scope: municipalityId, actorId: actor.userId, action: 'registration.register', entityType: 'agent', entityId: c.id,
          data: { processId, source: 'import', importId, line: c.line },
        });
      }
    }
    return report(mode, p, created.length, lang);
  }).catch(async (err: unknown) => {
    if (!isUniqueViolation(err)) throw err;
    // Someone registered one of these DNIs while the file was being written: nothing was written; name the DNI.
    const clash = await repo.findAgentIdsByDnis(handle.db, municipalityId, processId, attempted);
    throw new AppError('DNI_ALREADY_REGISTERED', { dni: clash[0]?.dni ?? '' }, 'dni');
  });
}
