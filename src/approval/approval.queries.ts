/**
 * What other areas may read of the approval chain: the current formalized list (the council's snapshot with the
 * amendments applied in order, each project with its investment code) and the amendment history; null before the
 * council approved the list. Execution reads it to create the tracked projects.
 */
export { approvalStep, formalizedList, type FormalizedList, type CodedEnvelope, type CodedProject, type AmendmentView } from './approval.service.ts';
export { CHAIN_STEPS, type ChainStep, type ListSnapshot } from './approval.ts';
