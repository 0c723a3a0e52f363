import { FILES_ACTIONS } from '@concerta/contracts';
import { can, defineActions } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';

/** Who may act in the files area: each action and the roles allowed it, in the route's municipality. */
export const ACTIONS = defineActions(FILES_ACTIONS);

type Actions = typeof ACTIONS;
declare module '../access/policy.ts' {
  interface ActionCatalogue extends Record<keyof Actions, true> {}
}

/** A file is for anyone once something public shows it; until then, for the staff who upload files. */
export function mayDownload(actor: Actor | null, municipalityId: string, isPublic: boolean): boolean {
  return isPublic || can(actor, 'file.upload', municipalityId);
}
