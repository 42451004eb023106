import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Limits } from '../../../shared/domain';
import { ApiRequestError } from '../api/client';
import { authApi } from '../api/endpoints';
import { useCurrentUser } from '../app/CurrentUser';
import { safeNext } from '../app/RequireUser';
import { usePageTitle } from '../app/usePageTitle';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/TextField';
import { withRateLimitMessage } from './rateLimitMessage';

export function SignUpPage() {
  usePageTitle('Create an account');
  const { user, setUser } = useCurrentUser();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const [submitTried, setSubmitTried] = useState(false);

  if (user && user.kind !== 'guest' && !pending) return <Navigate to={next} replace />;

  // Checked here too so the person learns before a round trip; the server enforces the same limits.
  // This check, not the browser's, decides what the field shows, and it follows every keystroke: a
  // native error would linger until the field lost focus, and vanishing then — on the mouse-down of
  // a click on "Create account" — moved the button from under the pointer so the click was lost.
  const passwordError =
    password.length >= Limits.passwordMin
      ? undefined
      : password.length > 0
        ? `Use at least ${Limits.passwordMin} characters.`
        : submitTried
          ? `Enter a password of at least ${Limits.passwordMin} characters.`
          : undefined;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (password.length < Limits.passwordMin) {
      setSubmitTried(true);
      (e.currentTarget.elements.namedItem('password') as HTMLInputElement | null)?.focus();
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const result = await authApi.signup({ name: name.trim(), email: email.trim(), password });
      setUser(result.user);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err);
      setPending(false);
    }
  }

  const emailTaken = error instanceof ApiRequestError && error.code === 'conflict';

  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <p>An account lets you create workshops and come back to them. Participants can join with just an invite link.</p>
      <ErrorMessage error={withRateLimitMessage(error)} title="Could not create the account">
        {emailTaken ? (
          <p>
            <Link to="/signin">Sign in with that email</Link> instead.
          </p>
        ) : null}
      </ErrorMessage>
      <form onSubmit={submit}>
        <TextField
          label="Your name"
          autoComplete="name"
          isRequired
          maxLength={Limits.nameMax}
          value={name}
          onChange={setName}
          description="Shown to the people in your workshops."
        />
        <TextField label="Email" type="email" autoComplete="email" isRequired maxLength={Limits.emailMax} value={email} onChange={setEmail} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          isRequired
          validationBehavior="aria"
          maxLength={Limits.passwordMax}
          value={password}
          onChange={setPassword}
          description={`At least ${Limits.passwordMin} characters.`}
          errorMessage={passwordError}
          isInvalid={passwordError !== undefined}
        />
        <Button type="submit" isPending={pending}>
          Create account
        </Button>
      </form>
      <p style={{ marginTop: 'var(--space-5)' }}>
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </div>
  );
}
