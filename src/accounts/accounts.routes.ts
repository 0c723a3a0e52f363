import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../kernel/area.ts';
import { AppError } from '../shared/errors.ts';
import { SESSION_COOKIE } from '../http/types.ts';
import { errorResponse, named, userSchema } from '../http/schemas.ts';
import { dniSchema, emailSchema, passwordSchema } from './identity.ts';
import * as accounts from './accounts.service.ts';
import { type Actor } from '../access/actor.ts';
import { text } from '../http/input.ts';
import { LoginThrottle } from './login-throttle.ts';

const sessionAnswer = named('SessionInfo', z.object({ user: userSchema.nullable(), csrfToken: z.string().nullable() }));

function presentUser(actor: Actor) {
  return { id: actor.userId, name: actor.name, email: actor.email, dni: actor.dni, roles: actor.roles };
}

export function accountsRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const throttle = new LoginThrottle(ctx.config.signInFailuresPerAccount);
    const settings = { passwordLogN: ctx.passwordLogN, sessionTtlHours: ctx.config.sessionTtlHours };

    const setCookie = (reply: FastifyReply, opened: accounts.OpenedSession) =>
      reply.setCookie(SESSION_COOKIE, opened.token, {
        path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.cookieSecure, expires: new Date(opened.expiresAt),
      });

    r.get('/api/auth/session', {
      config: { policy: 'public' },
      schema: { tags: ['accounts'], summary: 'The signed-in user, their roles, and the CSRF token for writes', response: { 200: sessionAnswer } },
    }, async (request) => ({
      user: request.actor ? presentUser(request.actor) : null,
      csrfToken: request.session?.csrfToken ?? null,
    }));

    r.post('/api/auth/signup', {
      config: { policy: 'public', rateLimit: { max: ctx.config.signUpPerHour, timeWindow: 3_600_000 } },
      schema: {
        tags: ['accounts'], summary: 'Create an account with an email or a DNI (or both)',
        body: z.strictObject({
          name: text(120, 2),
          email: emailSchema.optional(),
          dni: dniSchema.optional(),
          password: passwordSchema,
        }),
        response: { 201: sessionAnswer, 400: errorResponse, 409: errorResponse },
      },
    }, async (request, reply) => {
      const body = request.body;
      if (!body.email && !body.dni) throw new AppError('VALIDATION', { rule: 'email_or_dni' }, 'email');
      const personal = [body.name, body.email, body.dni].filter(Boolean).map((v) => v!.trim().toLowerCase());
      if (personal.includes(body.password.trim().toLowerCase())) throw new AppError('VALIDATION', { rule: 'password_personal' }, 'password');
      const opened = await accounts.signUp(ctx.db, settings, body);
      setCookie(reply, opened);
      return reply.code(201).send({ user: presentUser(opened.actor), csrfToken: opened.csrfToken });
    });

    r.post('/api/auth/signin', {
      config: {
        policy: 'public',
        rateLimit: { max: ctx.config.signInPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['accounts'], summary: 'Sign in with an email or DNI and a password',
        body: z.strictObject({ login: text(254, 1), password: z.string().min(1).max(200) }),
        response: { 200: sessionAnswer, 401: errorResponse, 429: errorResponse },
      },
    }, async (request, reply) => {
      const previous = request.cookies[SESSION_COOKIE];
      throttle.check(request.body.login);
      const opened = await accounts.signIn(ctx.db, settings, request.body.login, request.body.password, previous).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'INVALID_CREDENTIALS') throttle.fail(request.body.login);
        throw err;
      });
      throttle.clear(request.body.login);
      setCookie(reply, opened);
      return { user: presentUser(opened.actor), csrfToken: opened.csrfToken };
    });

    r.post('/api/auth/signout', {
      config: { policy: 'signed-in' },
      schema: { tags: ['accounts'], summary: 'End the current session', response: { 204: z.null(), 401: errorResponse, 403: errorResponse } },
    }, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && request.actor) await accounts.signOut(ctx.db, token, request.actor.userId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    });
  };
}
