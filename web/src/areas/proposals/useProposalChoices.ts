import { planApi, useZones } from '../plan/api';
import { useResource } from '../../lib/useResource';

/** The zones and the plan's axes with their objectives, which the proposal form offers. */
export function useProposalChoices(slug: string) {
  const zones = useZones(slug);
  const plan = useResource(`plan:${slug}`, (signal) => planApi.plan(slug, signal));
  if (zones.status !== 'ok' || plan.status !== 'ok') return null;
  return { zones: zones.data.zones, axes: plan.data.axes };
}
