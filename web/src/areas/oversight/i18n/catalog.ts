// Types only (nothing imports this file at run time): declares this area's messages to the typed t() of web/src/i18n,
// and checks that the English file has the shape of the Spanish one. The files are loaded with the cycle's pages.
import type es from './es.json';
import type en from './en.json';

declare module '../../../i18n' {
  interface AreaCatalogs {
    oversight: typeof es;
  }
}

type Holds<T extends true> = T;
export type EnglishMatches = Holds<typeof en extends typeof es ? true : false>;
