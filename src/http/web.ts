import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError, errorBody } from '../shared/errors.ts';
import { loadPageHints } from './page-hints.ts';

/**
 * Serves the built web app: its files, and `index.html` for any other GET outside `/api` (client-side routes).
 * Hashed assets are cached for a year; `index.html` never, so a new release is picked up at once.
 */
export async function serveWeb(app: FastifyInstance, dist: string): Promise<void> {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    app.log.warn({ dist }, 'web app not built (npm run build:web): serving the API only');
    return;
  }
  const shell = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const hints = loadPageHints(dist);
  await app.register(async (scope) => {
    // Static files are public by nature; declare it, as every route must.
    scope.addHook('onRoute', (route) => { route.config = { ...(route.config ?? {}), policy: 'public' }; });
    await scope.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      // The build writes .br and .gz copies; the smallest the browser accepts is sent.
      preCompressed: true,
      // Source maps stay on disk (the bundle test reads them) but are not served.
      allowedPath: (pathName) => !pathName.endsWith('.map'),
      setHeaders: (res, file) => {
        res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const appShell = async (request: FastifyRequest, reply: FastifyReply) => {
      // A missing API path or built asset is a 404, never the app shell: a stale tab must not run HTML as a script.
      if (request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/assets/')) {
        const notFound = new AppError('NOT_FOUND', { what: `${request.method} ${request.url.split('?')[0]}` });
        return reply.code(404).send(errorBody(notFound, request.lang));
      }
      reply.header('cache-control', 'no-cache');
      // The pages citizens open first announce what they need (page-hints.ts); the language is the app's own choice,
      // which it mirrors in the `lang` cookie.
      const [pathname = '/', search = ''] = request.url.split('?');
      const tags = hints.tags(pathname, search, request.cookies?.lang === 'en' ? 'en' : 'es');
      if (!tags) return reply.sendFile('index.html');
      return reply.type('text/html; charset=utf-8').send(shell.replace('</head>', `${tags}</head>`));
    };
    scope.get('/', appShell);
    scope.get('/*', appShell);
  });
}
