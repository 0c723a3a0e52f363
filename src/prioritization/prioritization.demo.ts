import type { AreaDemo } from '../kernel/area.ts';
import { requireProcess } from '../processes/process.queries.ts';
import { DEMO_PROPOSALS } from '../proposals/proposals.demo.ts';
import { gatherInputs } from './prioritization.sources.ts';
import { keepList } from './prioritization.service.ts';

const REASON = 'lista priorizada provisional presentada al taller de priorización, con las evaluaciones técnicas y los votos de los talleres';

/** The demo's provisional list: computed from the demo's evaluations and workshop votes, as the planning office would. */
export const PRIORITIZATION_DEMO: AreaDemo = {
  municipality: async (ctx) => {
    if (!ctx.full) return;
    const { processId, fiscalYear } = ctx.state.get(DEMO_PROPOSALS);
    const process = await requireProcess(ctx.trx, ctx.municipalityId, processId);
    const inputs = await gatherInputs(ctx.trx, ctx.municipalityId, process);
    await keepList(ctx.trx, ctx.handle.dialect, ctx.municipalityId, processId, ctx.accounts.get('administrator')!.id, inputs, REASON, `${fiscalYear - 1}-06-05T15:00:00.000Z`);
  },
};
