import type { AreaModule } from './kernel/area.ts';
import { auditArea } from './audit/index.ts';
import { accountsArea } from './accounts/index.ts';
import { territoryArea } from './territory/index.ts';
import { filesArea } from './files/index.ts';
import { planArea } from './plan/index.ts';
import { processesArea } from './processes/index.ts';
import { communicationArea } from './communication/index.ts';
import { registrationArea } from './registration/index.ts';
import { quotasArea } from './quotas/index.ts';
import { trainingArea } from './training/index.ts';
import { proposalsArea } from './proposals/index.ts';
import { workshopsArea } from './workshops/index.ts';
import { evaluationArea } from './evaluation/index.ts';
import { prioritizationArea } from './prioritization/index.ts';
import { coordinationArea } from './coordination/index.ts';
import { committeeArea } from './committee/index.ts';
import { votingArea } from './voting/index.ts';
import { actaArea } from './acta/index.ts';
import { approvalArea } from './approval/index.ts';
import { executionArea } from './execution/index.ts';
import { oversightArea } from './oversight/index.ts';
import { participationArea } from './participation/index.ts';
import { portalArea } from './portal/index.ts';
import { homeArea } from './home/index.ts';

/**
 * The areas of Concerta, in dependency order (an area may use the ones above it, never the ones below) and in the
 * order of the cycle. Adding an area: its folder, with an `index.ts` exporting its module, and one line here.
 */
export const AREAS: readonly AreaModule[] = [
  auditArea,
  accountsArea,
  filesArea,
  planArea,
  processesArea,
  territoryArea,
  communicationArea,
  registrationArea,
  quotasArea,
  trainingArea,
  proposalsArea,
  workshopsArea,
  evaluationArea,
  prioritizationArea,
  coordinationArea,
  committeeArea,
  votingArea,
  actaArea,
  approvalArea,
  executionArea,
  oversightArea,
  participationArea,
  portalArea,
  homeArea,
];
