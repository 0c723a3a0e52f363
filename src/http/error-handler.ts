import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody, isRuleName, type RuleName } from '../shared/errors.ts';
import { pickLang } from '../shared/i18n.ts';
import { MAX_URL } from './access.ts';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** Turns one schema issue into the field it concerns and the rule it breaks, for a VALIDATION error. */
export function issueToError(issue: ValidationIssue): AppError {
  const path = issue.instancePath.split('/').filter(Boolean);
  const p = issue.params;
  let field = path.join('.') || '(body)';
  let rule: RuleName = 'invalid';
  const extra: Record<string, unknown> = {};
  if (isRuleName(issue.message)) {
    rule = issue.message;
  } else {
    switch (issue.keyword) {
      case 'invalid_type':
        if (/received undefined/.test(issue.message)) rule = 'required';
        else { rule = 'type'; extra.expected = p.expected; }
        break;
      case 'too_small':
        rule = p.origin === 'string' ? 'min_length' : p.origin === 'array' ? 'min_items' : 'min';
        extra.min = p.minimum;
        break;
      case 'too_big':
        rule = p.origin === 'string' ? 'max_length' : p.origin === 'array' ? 'max_items' : 'max';
        extra.max = p.maximum;
        break;
      case 'invalid_format':
        rule = p.format === 'email' ? 'email' : p.format === 'date' ? 'date' : 'format';
        break;
      case 'unrecognized_keys': {
        const keys = (p.keys as string[] | undefined) ?? [];
        field = [...path, keys[0] ?? '?'].join('.');
        rule = 'unknown_field';
        break;
      }
      case 'invalid_value':
        rule = 'one_of';
        extra.values = ((p.values as unknown[] | undefined) ?? []).join(', ');
        break;
      default:
        rule = 'invalid';
    }
  }
  return new AppError('VALIDATION', { rule, ...extra }, field);
}

/** Maps every error to the catalogue: clients see a code and a message in their language, never a stack trace. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err);
    if (appError.code === 'INTERNAL') request.log.error({ err }, 'unhandled error');
    else request.log.info({ code: appError.code, field: appError.field }, 'request refused');
    if (appError.code === 'TOO_MANY_REQUESTS' && appError.params.seconds) reply.header('retry-after', String(appError.params.seconds));
    return reply.code(appError.status).send(errorBody(appError, request.lang));
  });
  app.setNotFoundHandler((request, reply) => {
    const e = new AppError('NOT_FOUND', { what: `${request.method} ${request.url.split('?')[0]}` });
    return reply.code(404).send(errorBody(e, request.lang));
  });
}

/**
 * What the router refuses before any route or hook runs (a path whose percent-encoding is not UTF-8, a parameter past
 * the router's length): answered in the coded format too, in the language the client asks for.
 */
export function answerFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const e = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? new AppError('URL_TOO_LONG', { max: MAX_URL }) : new AppError('BAD_REQUEST', { reason: 'malformed URL' });
  request.log.info({ code: err.code }, 'request refused by the router');
  void reply.code(e.status).send(errorBody(e, pickLang(request.headers['accept-language'])));
}

export function toAppError(err: FastifyError | Error): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) return issueToError(err.validation[0] as unknown as ValidationIssue);
  const e = err as FastifyError;
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { type: 'content-type' });
  }
  if (e.statusCode === 429) return new AppError('TOO_MANY_REQUESTS', { seconds: 60 });
  if (err instanceof SyntaxError && e.statusCode === 400) return new AppError('MALFORMED_JSON');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('BAD_REQUEST', { reason: e.code ?? 'request' });
  }
  return new AppError('INTERNAL');
}
