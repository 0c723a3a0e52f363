/** What other areas may read of the Acta (the approval chain sends it on, execution follows its agreements). */
export { issuedActa, type IssuedActa, type VersionView } from './acta.service.ts';
export { hasIssuedActa } from './acta.repository.ts';
export type { ActaContent, ActaEnvelope, ActaProject, ActaSource } from './acta.ts';
