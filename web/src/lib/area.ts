import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { loadAreaMessages, loadCycleMessages, type MessageKey } from '../i18n';
import type { Action } from './access';

/**
 * What an area of the web app contributes (see `web/src/areas/index.ts`, the list the router and the menus read).
 * Each area folder exports one `WebArea` from its `routes.tsx`; nothing central is edited to add one.
 */
export interface WebArea {
  name: string;
  /** Other areas whose components its pages show (their messages are fetched with its pages). */
  uses?: readonly string[];
  /** Top-level pages under the site layout (`/`, `/signin`...): the shell, imported eagerly. */
  routes?: RouteObject[];
  /** Public pages of one process, under `/m/:slug/p/:processId`. */
  processRoutes?: RouteObject[];
  /** Staff pages of the municipality, under `/m/:slug/staff`. */
  staffRoutes?: RouteObject[];
  /** Staff pages of one process, under `/m/:slug/staff/p/:processId`. */
  staffProcessRoutes?: RouteObject[];
  /** Links in the public process frame's section menu. */
  processSections?: SectionEntry[];
  /** Links in the staff menus: of the municipality, and of each process. */
  staffMenu?: { municipality?: MenuEntry[]; process?: MenuEntry[] };
}

/** A section of the public process frame; `path` is relative to the process (`''` is its overview). */
export interface SectionEntry {
  path: string;
  label: MessageKey;
  /** Position in the menu (areas contribute in any order; the menu is sorted by it). */
  order: number;
}

/** A staff page link, shown only to the roles that may take `action`. */
export interface MenuEntry {
  path: string;
  label: MessageKey;
  action: Action;
  order: number;
}

/** The links of every area, in menu order. */
export function collect<E extends { order: number }>(areas: readonly WebArea[], pick: (area: WebArea) => E[] | undefined): E[] {
  return areas.flatMap((area) => pick(area) ?? []).sort((a, b) => a.order - b.order);
}

/**
 * A lazily loaded page: its module is fetched on first visit, as its own chunk, together with the PB cycle's shared
 * messages (see `loadCycleMessages`); its area's own messages come by `withAreaMessages`.
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => {
    const [module] = await Promise.all([load(), loadCycleMessages()]);
    return { Component: pick(module) };
  };
}

type LazyRoute = () => Promise<Record<string, unknown>>;

/** A lazily loaded route of an area: its code and the area's own messages, fetched together. */
export function areaLazy<L extends LazyRoute>(area: string | WebArea, lazy: L): L {
  const names = typeof area === 'string' ? [area] : [area.name, ...(area.uses ?? [])];
  return (async () => (await Promise.all([lazy(), ...names.map((n) => loadAreaMessages(n))]))[0]) as L;
}

/**
 * An area's routes, each lazily loaded one fetching the area's own messages with its code (so an area's pages never
 * render before their words, and no page waits for other areas'). Applied where the routes are composed (routes.tsx).
 */
export function withAreaMessages(area: WebArea, routes: readonly RouteObject[]): RouteObject[] {
  return routes.map((route) => {
    const next = { ...route } as RouteObject & { lazy?: unknown; children?: RouteObject[] };
    if (typeof route.lazy === 'function') next.lazy = areaLazy(area, route.lazy as LazyRoute);
    if (route.children) next.children = withAreaMessages(area, route.children);
    return next as RouteObject;
  });
}
