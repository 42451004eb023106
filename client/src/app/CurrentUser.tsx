import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { ApiRequestError, setReauthenticateHandler, setSignedIn } from '../api/client';
import { authApi } from '../api/endpoints';
import type { User } from '../api/types';
import { SessionExpiredDialog } from './SessionExpiredDialog';

export interface CurrentUserValue {
  /** undefined while the first /api/auth/me is in flight; null when signed out. */
  user: User | null | undefined;
  /** After sign-in, sign-up or joining by invite (the server set a cookie). */
  setUser: (user: User | null) => void;
  /** Re-read /api/auth/me (after an invite redeem, whose response carries no user). */
  refresh: () => Promise<User | null>;
  signOut: () => Promise<void>;
}

const CurrentUserContext = createContext<CurrentUserValue | null>(null);

export function useCurrentUser(): CurrentUserValue {
  const value = useContext(CurrentUserContext);
  if (!value) throw new Error('useCurrentUser outside <CurrentUserProvider>');
  return value;
}

async function fetchMe(): Promise<User | null> {
  try {
    return (await authApi.me()).user;
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) return null;
    throw err;
  }
}

/**
 * Holds who is signed in, and owns the "session expired" prompt: when an API call of a signed-in
 * user gets 401, the API client asks this provider to re-authenticate; the dialog opens over the
 * current page (which stays mounted, so half-typed text survives), and the call is retried after a
 * successful sign-in.
 */
export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<User | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>();
  const [expired, setExpired] = useState(false);
  const waiter = useRef<{ resolve: () => void; reject: (e: Error) => void } | null>(null);
  const userRef = useRef(user);
  userRef.current = user;

  const setUser = useCallback((next: User | null) => {
    setSignedIn(next !== null);
    setUserState(next);
  }, []);

  const refresh = useCallback(async () => {
    const me = await fetchMe();
    setUser(me);
    return me;
  }, [setUser]);

  useEffect(() => {
    refresh().catch((err) => setLoadError(err));
  }, [refresh]);

  useEffect(() => {
    setReauthenticateHandler(
      () =>
        new Promise<void>((resolve, reject) => {
          waiter.current = { resolve, reject };
          setExpired(true);
        }),
    );
    return () => setReauthenticateHandler(null);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setUser(null);
    }
  }, [setUser]);

  const value = useMemo(() => ({ user, setUser, refresh, signOut }), [user, setUser, refresh, signOut]);

  if (loadError && user === undefined) {
    // The server is unreachable at start: say so plainly instead of an endless spinner.
    return (
      <main className="app-main">
        <h1>LER Workshop is unavailable</h1>
        <p>The app could not reach its server. Check your connection, then reload the page.</p>
      </main>
    );
  }

  return (
    <CurrentUserContext.Provider value={value}>
      {children}
      <SessionExpiredDialog
        isOpen={expired}
        previousUser={userRef.current ?? null}
        onSignedIn={(signedIn) => {
          setUser(signedIn);
          setExpired(false);
          waiter.current?.resolve();
          waiter.current = null;
        }}
        onGiveUp={(keepPage) => {
          setExpired(false);
          // Keeping the page: later calls fail with their own inline errors instead of re-prompting.
          if (keepPage) setSignedIn(false);
          else setUser(null);
          waiter.current?.reject(new Error('sign-in declined'));
          waiter.current = null;
        }}
      />
    </CurrentUserContext.Provider>
  );
}
