// Participation figures (src/participation/participation.routes.ts): registered, approved and trained agents by sex,
// age band, zone and organization type; and across years, the women's share of the approved agents.
import type { Phase } from './types';

export interface Breakdown {
  /** female, 18-29, a zone id, an organization type or "individual". */
  key: string;
  /** Label in the request language (from the server). */
  label: string;
  registered: number;
  approved: number;
  trained: number;
}

export interface Participation {
  generatedAt: string;
  process: { id: string; fiscalYear: number; name: string; phase: Phase };
  rules: { trainingRequiredToVote: boolean; minTrainingSessions: number };
  totals: {
    registered: number;
    pending: number;
    approved: number;
    rejected: number;
    trained: number;
    organizationsRegistered: number;
    organizationsApproved: number;
  };
  bySex: Breakdown[];
  byAgeBand: Breakdown[];
  byZone: Breakdown[];
  byOrganizationType: (Breakdown & { organizationsRegistered: number; organizationsApproved: number })[];
}

export interface ParticipationYear {
  processId: string;
  fiscalYear: number;
  registered: number;
  approved: number;
  /** Approved women. */
  women: number;
  men: number;
  /** women / approved, 0..1; null when nobody is approved. */
  womenShareOfApproved: number | null;
  organizationsApproved: number;
  trained: number;
}

export interface ParticipationHistoryAnswer {
  years: ParticipationYear[];
}
