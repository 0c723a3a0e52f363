import { z } from 'zod';
import { ROLES } from '@concerta/contracts';

/** Shapes shared by several routes' schemas (they also make the OpenAPI document). */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messages: z.object({ es: z.string(), en: z.string() }),
    field: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
}).describe('A coded error; message in the request language (Accept-Language es|en), messages in both');

export const slugParams = z.strictObject({ slug: z.string().min(1).max(80) });

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  dni: z.string().nullable(),
  roles: z.array(z.object({
    municipalityId: z.string(),
    municipalitySlug: z.string(),
    municipalityName: z.string(),
    role: z.enum(ROLES),
  })),
});

export const municipalitySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(['provincial', 'district']),
  province: z.object({ id: z.string(), name: z.string() }),
  region: z.object({ id: z.string(), name: z.string() }),
});

/** Standard error answers a route may give, for the OpenAPI document. */
export const commonErrors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse } as const;

/**
 * Names a schema in the OpenAPI document (`components.schemas`), so the web app gets a type of that name from the
 * contract (`npm run contracts` writes packages/contracts/src/api.ts from the document).
 */
export function named<T extends z.ZodType>(name: string, schema: T): T {
  // A described schema is in the registry already (its description): keep that, add the name.
  const meta = z.globalRegistry.get(schema);
  if (meta?.id === name) return schema;
  z.globalRegistry.remove(schema);
  z.globalRegistry.add(schema, { ...meta, id: name });
  return schema;
}

named('User', userSchema);
named('Municipality', municipalitySchema);
named('ErrorBody', errorResponse);
