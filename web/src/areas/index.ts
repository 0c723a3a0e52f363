import type { WebArea } from '../lib/area';
import { accountArea } from './account/routes';
import { auditArea } from './audit/routes';
import { authArea } from './auth/routes';
import { communicationArea } from './communication/routes';
import { evaluationArea } from './evaluation/routes';
import { coordinationArea } from './coordination/routes';
import { committeeArea } from './committee/routes';
import { participationArea } from './participation/routes';
import { planArea } from './plan/routes';
import { portalArea } from './portal/routes';
import { processesArea } from './processes/routes';
import { prioritizationArea } from './prioritization/routes';
import { proposalsArea } from './proposals/routes';
import { publicArea } from './public/routes';
import { quotasArea } from './quotas/routes';
import { registrationArea } from './registration/routes';
import { trainingArea } from './training/routes';
import { workshopsArea } from './workshops/routes';
import { votingArea } from './voting/routes';
import { actaArea } from './acta/routes';
import { approvalArea } from './approval/routes';
import { executionArea } from './execution/routes';
import { oversightArea } from './oversight/routes';

/**
 * The areas of the web app. The router (`web/src/routes.tsx`) mounts their routes and the frames show their menu
 * entries; adding an area is adding its folder and one line here. The shell areas (public, auth, account) are in
 * the first download; every other area's pages are lazily loaded chunks, so listing it here costs a few bytes.
 */
export const AREAS: readonly WebArea[] = [
  publicArea,
  authArea,
  accountArea,
  processesArea,
  planArea,
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
  communicationArea,
  auditArea,
];
