import { type FormEvent, useEffect, useState } from 'react';
import { authApi } from '../api/endpoints';
import type { User } from '../api/types';
import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/TextField';

export interface SessionExpiredDialogProps {
  isOpen: boolean;
  previousUser: User | null;
  onSignedIn: (user: User) => void;
  /**
   * The person chose not to sign in. `keepPage`: a guest (no password to sign in with) stays on the
   * page so they can copy what they typed; an account holder chose "Sign out".
   */
  onGiveUp: (keepPage: boolean) => void;
}

/**
 * Shown over the current page when the session ends mid-work. Not dismissable by Escape or a
 * click outside: an accidental dismissal would fail the pending save.
 */
export function SessionExpiredDialog({ isOpen, previousUser, onSignedIn, onGiveUp }: SessionExpiredDialogProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const isGuest = previousUser?.kind === 'guest';

  // Each time it opens, start from the signed-out account's email and an empty password.
  useEffect(() => {
    if (isOpen) {
      setEmail(previousUser?.email ?? '');
      setPassword('');
      setError(undefined);
    }
  }, [isOpen, previousUser]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const { user } = await authApi.login({ email: email.trim(), password });
      setPassword('');
      onSignedIn(user);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog isOpen={isOpen} onOpenChange={() => {}} isDismissable={false} role="alertdialog" title="Your session expired — sign in again">
      {isGuest ? (
        <>
          <p>
            You joined this workshop with an invite link, and that session has ended. Open your invite link again, or
            ask the facilitator for a new one. Copy anything you typed before you leave this page.
          </p>
          <div className="dialog__actions">
            <Button onPress={() => onGiveUp(true)}>Close</Button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          <p>Sign in to carry on. This page stays as it is, and what you were saving is sent again.</p>
          <ErrorMessage error={error} title="Could not sign in" />
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            isRequired
            value={email}
            onChange={setEmail}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            isRequired
            value={password}
            onChange={setPassword}
            autoFocus
          />
          <div className="dialog__actions">
            <Button variant="secondary" onPress={() => onGiveUp(false)}>
              Sign out
            </Button>
            <Button type="submit" isPending={pending}>
              Sign in
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
