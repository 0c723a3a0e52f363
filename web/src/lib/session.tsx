import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isApiError, setCsrfToken } from './api';
import type { User } from './api-types';

interface SessionState {
  /** `loading` until GET /api/auth/session has answered once. */
  status: 'loading' | 'ready';
  user: User | null;
  signIn(login: string, password: string): Promise<User>;
  signUp(input: { name: string; email?: string; dni?: string; password: string }): Promise<User>;
  signOut(): Promise<void>;
  /** Reads the session again (after a role change, or an expired cookie). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [user, setUser] = useState<User | null>(null);

  const refresh = useCallback(async () => {
    try {
      const session = await api.session();
      setCsrfToken(session.csrfToken);
      setUser(session.user);
    } catch {
      // Unreachable API: browse as the public; the pages that need data show their own error.
      setCsrfToken(null);
      setUser(null);
    } finally {
      setStatus('ready');
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(async (login: string, password: string) => {
    const result = await api.signIn({ login, password });
    setCsrfToken(result.csrfToken);
    setUser(result.user);
    return result.user;
  }, []);

  const signUp = useCallback(async (input: { name: string; email?: string; dni?: string; password: string }) => {
    const result = await api.signUp(input);
    setCsrfToken(result.csrfToken);
    setUser(result.user);
    return result.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch (cause) {
      // Already signed out (expired, or ended in another tab): the goal is reached; anything else is reported.
      if (!(isApiError(cause) && cause.status === 401)) throw cause;
    }
    setUser(null);
    setCsrfToken(null);
    // The server may hand an anonymous session a fresh token.
    await refresh();
  }, [refresh]);

  const value = useMemo<SessionState>(
    () => ({ status, user, signIn, signUp, signOut, refresh }),
    [status, user, signIn, signUp, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
