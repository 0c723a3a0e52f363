/**
 * What the Concerta server, the web app and the voting rules agree on, defined once:
 * the phases of the cycle, the roles, the ballot kinds and outcome rules (pb-rules' names), a process's rules,
 * and (in `api.ts`) the request and response types of every route, generated from the server's OpenAPI document.
 */
export * from './phases.ts';
export * from './roles.ts';
export * from './voting.ts';
export * from './process-rules.ts';
export * from './actions.ts';
export * from './plan.ts';
export * from './communication.ts';
export type * from './api.ts';
export * from './registration.ts';
