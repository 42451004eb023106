import type { ReactNode } from 'react';
import { useConnectionState } from '../sync/hooks';
import { useRoom } from './RoomContext';

/**
 * Terminal connection states. "Removed" replaces the room; "sign in again" / "session ended" keep the
 * room mounted underneath a banner, so nothing typed is dropped (it is also in IndexedDB).
 */
export function RoomGate({ children }: { children: ReactNode }) {
  const { connection } = useRoom();
  const state = useConnectionState(connection);
  if (state.phase === 'removed') {
    return (
      <div className="room-removed">
        <h1>You were removed from this workshop</h1>
        <p>The facilitator removed you. Your own notes stay on this device; contact the facilitator if this was a mistake.</p>
        <a href="/">Go to your workshops</a>
      </div>
    );
  }
  if (state.phase === 'forbidden') {
    return (
      <div>
        <h1>This workshop is not available to you</h1>
        <a href="/">Go to your workshops</a>
      </div>
    );
  }
  const signIn = state.phase === 'signed-out' || state.phase === 'ended';
  const next = encodeURIComponent(location.pathname);
  return (
    <>
      {signIn && (
        <div className="alert alert--warning room-signin" role="alert">
          <p className="alert__title">{state.phase === 'ended' ? 'Your session ended.' : 'Please sign in again.'}</p>
          <p>
            What you typed is kept on this device and will sync after you sign in.{' '}
            <a href={`/signin?next=${next}`} target="_blank" rel="noopener">
              Sign in (opens a new tab)
            </a>
            , then{' '}
            <button type="button" className="button button--secondary" onClick={() => location.reload()}>
              reconnect
            </button>
          </p>
        </div>
      )}
      {children}
    </>
  );
}
