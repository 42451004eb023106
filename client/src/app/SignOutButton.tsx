import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { useCurrentUser } from './CurrentUser';

/**
 * The header's "Sign out". An account holder is signed out at once: they can sign in again. A guest
 * (joined by invite link, no password) asks first, because signing out ends their membership for
 * good — opening the invite link again makes a new, separate member — and is offered the way to
 * keep it: creating an account turns the guest into an account in place (AUTH11).
 */
export function SignOutButton() {
  const { user, signOut } = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const [confirming, setConfirming] = useState(false);

  const signOutNow = async () => {
    setConfirming(false);
    await signOut();
    navigate('/signin');
  };

  return (
    <>
      <Button
        variant="quiet"
        onPress={() => (user?.kind === 'guest' ? setConfirming(true) : void signOutNow())}
      >
        Sign out
      </Button>
      <Dialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        role="alertdialog"
        title="Sign out of your guest session?"
      >
        <p>
          You joined with an invite link, without an account. If you sign out, you cannot come back as this
          member: your ratings and comments stay in the workshop, but opening the invite link again makes you
          a new, separate member.
        </p>
        <p>To keep your place, create an account instead: it keeps every workshop you joined.</p>
        <div className="cluster">
          <Button
            onPress={() => {
              setConfirming(false);
              navigate(`/signup?next=${encodeURIComponent(location.pathname + location.search)}`);
            }}
          >
            Create an account
          </Button>
          <Button variant="danger" onPress={() => void signOutNow()}>
            Sign out anyway
          </Button>
          <Button variant="secondary" onPress={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      </Dialog>
    </>
  );
}
