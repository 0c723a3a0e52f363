/** The roles a person holds in a municipality (domain.md, "Who uses it"). The public needs no account. */
export const ROLES = ['administrator', 'technical_team', 'facilitator', 'oversight_committee', 'participating_agent'] as const;
export type Role = (typeof ROLES)[number];
