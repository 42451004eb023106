import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spinner } from '../components/Spinner';
import { useCurrentUser } from './CurrentUser';

/** Renders its children for a signed-in person (account or invited guest), else goes to sign-in. */
export function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useCurrentUser();
  const location = useLocation();
  if (user === undefined) return <Spinner label="Checking your session…" />;
  if (user === null) {
    const next = location.pathname + location.search;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** Only same-site paths are followed after sign-in, so `?next=` cannot send anyone off-site. */
export function safeNext(next: string | null): string {
  if (next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
  return '/';
}
