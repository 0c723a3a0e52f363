import { z } from 'zod';
import { named } from '../http/schemas.ts';

export const auditEntrySchema = named('AuditEntry', z.object({
  seq: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), action: z.string(),
  entityType: z.string(), entityId: z.string().nullable(), reason: z.string().nullable(), data: z.record(z.string(), z.unknown()),
}));

export const auditCheckpointSchema = named('AuditCheckpoint', z.object({
  seq: z.number().describe('The entry of the chain this checkpoint signs'),
  hash: z.string().describe("That entry's hash (SHA-256, hex)"),
  at: z.string().describe('When it was signed (ISO-8601 UTC)'),
  keyId: z.string().describe('The key that signed it: the first 16 hex digits of the SHA-256 of its public key (SPKI DER)'),
  signature: z.string().describe('Ed25519, base64, over the UTF-8 bytes of {"at":…,"hash":…,"scope":…,"seq":…,"type":"concerta.audit.checkpoint"} (keys in that order, no spaces)'),
}));

/** The published heads of one municipality's chain; also the format `concerta audit verify --against` reads. */
export const auditCheckpointsSchema = named('AuditCheckpoints', z.object({
  municipality: z.string().describe("The municipality's slug"),
  scope: z.string().describe("The chain: the municipality's id, as signed"),
  algorithm: z.literal('Ed25519'),
  keyId: z.string().nullable().describe("The installation's key id; null until it has a key"),
  publicKey: z.string().nullable().describe('The public key that checks the signatures (SPKI, PEM)'),
  checkpoints: z.array(auditCheckpointSchema).describe('Newest first'),
}).describe("Signed checkpoints of a municipality's audit chain head: keep a copy, and `concerta audit verify --against` it"));

export type PublishedCheckpoints = z.infer<typeof auditCheckpointsSchema>;

const words = z.record(z.string(), z.object({ es: z.string(), en: z.string() }));

/** The audit log's words in both languages: each action code's name and each kind of thing's, for a page to show its entries in its language. */
export const auditVocabularySchema = z.object({ actions: words, entities: words }).describe('Names of audit actions and entity types, es and en');
