import { type ReactNode, useEffect } from 'react';
import { onSignedInAgain, requestSignIn } from '../api/client';
import { useConnectionState } from '../sync/hooks';
import { useRoom } from './RoomContext';

/**
 * Terminal connection states. "Removed" replaces the room; "sign in again" / "session ended" keep the
 * room mounted underneath a banner, so nothing typed is dropped (it is also in IndexedDB). Signing in
 * happens here, in the app's sign-in dialog over the room, and then the sockets reopen in place: no
 * reload and no second tab, so text still in a box (an over-long rationale, a comment) stays there.
 */
export function RoomGate({ children }: { children: ReactNode }) {
  const { connection } = useRoom();
  const state = useConnectionState(connection);
  // However the sign-in dialog was opened (this banner, or a 401 from an action such as Spotlight),
  // signing in reopens the sockets with the new session so pending changes sync.
  useEffect(() => onSignedInAgain(() => connection.reconnect()), [connection]);
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
  const signInAgain = () => {
    // Success reconnects through onSignedInAgain above. On "Sign out", or for a guest with no
    // password, the banner stays and the text stays on the page.
    requestSignIn().catch(() => {});
  };
  return (
    <>
      {signIn && (
        <div className="alert alert--warning room-signin" role="alert">
          <p className="alert__title">{state.phase === 'ended' ? 'Your session ended.' : 'Please sign in again.'}</p>
          <p>
            What you typed is kept on this page and on this device, and will sync after you sign in.{' '}
            <button type="button" className="button button--secondary" onClick={signInAgain}>
              Sign in again
            </button>
          </p>
        </div>
      )}
      {children}
    </>
  );
}
