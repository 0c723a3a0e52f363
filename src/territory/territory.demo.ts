import { appendAudit } from '../audit/audit-log.ts';
import { DEMO_MUNICIPALITY, type AreaDemo } from '../kernel/area.ts';
import { newId, now } from '../shared/clock.ts';
import { JURISDICTIONS, MUNICIPALITIES } from '../demo/ilo.ts';
import { insertJurisdiction, insertMunicipality } from './territory.repository.ts';

/** The demo's territory: Moquegua, the province of Ilo and its three districts, and their municipalities (Ilo is the demo's). */
export const TERRITORY_DEMO: AreaDemo = {
  async platform(ctx) {
    const at = now();
    const ids = new Map<string, string>();
    for (const j of JURISDICTIONS) {
      const id = newId();
      ids.set(j.key, id);
      await insertJurisdiction(ctx.trx, { id, parentId: j.parent ? ids.get(j.parent)! : null, level: j.level, name: j.name, ubigeo: j.ubigeo });
    }
    for (const m of MUNICIPALITIES) {
      const id = newId();
      if (m.slug === 'ilo') ctx.state.set(DEMO_MUNICIPALITY, id);
      await insertMunicipality(ctx.trx, { id, jurisdictionId: ids.get(m.jurisdiction)!, slug: m.slug, name: m.name, kind: m.kind, createdAt: at });
      await appendAudit(ctx.trx, ctx.handle.dialect, { scope: id, actorId: null, action: 'municipality.create', entityType: 'municipality', entityId: id, reason: 'demo data', data: { slug: m.slug } });
    }
  },
};
