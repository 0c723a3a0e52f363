/** Registration of participating agents and organizations: the values the server and the web app share. */
export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const AGE_BANDS = ['18-29', '30-44', '45-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const ORGANIZATION_TYPES = ['neighbourhood_committee', 'ngo', 'union', 'womens_group', 'business', 'other'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_SOURCES = ['online', 'in_person', 'import'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];

export const DECISIONS = ['approve', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

/** How a CSV import runs: check only, write all or nothing, or write the valid rows. */
export const IMPORT_MODES = ['dry-run', 'all-or-nothing', 'valid-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The representative bodies of a process; delegates are the approved, accredited agents, the committees are elected. */
export const BODY_KINDS = ['delegates', 'directive_committee', 'oversight_committee'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const ELECTED_BODY_KINDS = ['directive_committee', 'oversight_committee'] as const;
export type ElectedBodyKind = (typeof ELECTED_BODY_KINDS)[number];

/** How an organization proves its standing (its document is an upload). */
export const STANDING_KINDS = ['municipal_registry', 'sunarp', 'minute_book'] as const;
export type StandingKind = (typeof STANDING_KINDS)[number];

/** An organization's delegates: the titular and the substitute (suplente), who acts when the titular is absent. */
export const DELEGATE_ROLES = ['titular', 'substitute'] as const;
export type DelegateRole = (typeof DELEGATE_ROLES)[number];

/** Why a registration may be challenged (impugnada) during the challenge window. */
export const CHALLENGE_GROUNDS = ['not_resident', 'organization_not_constituted', 'duplicate_person', 'delegate_not_accredited', 'other'] as const;
export type ChallengeGround = (typeof CHALLENGE_GROUNDS)[number];

/** What a challenge asks against: an agent's or an organization's registration. */
export const CHALLENGE_TARGETS = ['agent', 'organization'] as const;
export type ChallengeTarget = (typeof CHALLENGE_TARGETS)[number];

/** The decision on a challenge: upheld withdraws the registration, dismissed keeps it. */
export const CHALLENGE_DECISIONS = ['uphold', 'dismiss'] as const;
export type ChallengeDecision = (typeof CHALLENGE_DECISIONS)[number];
export const CHALLENGE_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

/** The two lists of Preparation. */
export const LIST_STAGES = ['preliminary', 'definitive'] as const;
export type ListStage = (typeof LIST_STAGES)[number];
