/** The territory and the plan proposals link to: zones, thematic axes, strategic objectives (the shapes are the contract's). */
export { ZONE_KINDS, type ZoneKind, type Zone, type PlanObjective, type ThematicAxis } from '@concerta/contracts';
