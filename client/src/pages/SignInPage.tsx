import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../api/endpoints';
import { useCurrentUser } from '../app/CurrentUser';
import { safeNext } from '../app/RequireUser';
import { usePageTitle } from '../app/usePageTitle';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/TextField';
import { withRateLimitMessage } from './rateLimitMessage';
import { Limits } from '../../../shared/domain';

export function SignInPage() {
  usePageTitle('Sign in');
  const { user, setUser } = useCurrentUser();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);

  // Arriving here signed in (a bookmark): carry on to where they were going.
  if (user && !pending) return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const result = await authApi.login({ email: email.trim(), password });
      setUser(result.user);
      navigate(next, { replace: true });
    } catch (err) {
      setError(err);
      setPending(false);
    }
  }

  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <p>Facilitators sign in to create and run workshops. Invited to one? Open your invite link instead.</p>
      <ErrorMessage error={withRateLimitMessage(error)} title="Could not sign in" />
      <form onSubmit={submit} noValidate={false}>
        <TextField label="Email" type="email" autoComplete="email" isRequired maxLength={Limits.emailMax} value={email} onChange={setEmail} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          isRequired
          maxLength={Limits.passwordMax}
          value={password}
          onChange={setPassword}
        />
        <Button type="submit" isPending={pending}>
          Sign in
        </Button>
      </form>
      <p style={{ marginTop: 'var(--space-5)' }}>
        New here? <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
      </p>
    </div>
  );
}
