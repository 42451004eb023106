import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Limits } from '../../../shared/domain';
import { requiredLineTextProblem } from '../../../shared/lineText';
import { ApiRequestError } from '../api/client';
import { invitesApi } from '../api/endpoints';
import { useApiData } from '../api/useApiData';
import { useCurrentUser } from '../app/CurrentUser';
import { usePageTitle } from '../app/usePageTitle';
import { Alert } from '../components/Alert';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { Select } from '../components/Select';
import { Spinner } from '../components/Spinner';
import { TextField } from '../components/TextField';
import { institutionName, roleLabels } from './format';

/** Explains why an invite can't be used, from the error the API gave. */
function InviteUnavailable({ error }: { error: ApiRequestError }) {
  const title =
    error.status === 404 || error.code === 'not_found'
      ? 'This invite link is not valid'
      : error.status === 410 || error.code === 'gone'
        ? 'This invite link can no longer be used'
        : 'Could not open this invite';
  // The heading already says what is wrong, so the box carries the detail, once: a 410's message
  // says which (expired, revoked, used up) and already asks for a new link.
  const gone = error.status === 410 || error.code === 'gone';
  return (
    <>
      <h1>{title}</h1>
      <Alert tone="warning" title={error.message}>
        {gone ? null : <p>Check that you copied the whole link, or ask the workshop's facilitator for a new one.</p>}
      </Alert>
    </>
  );
}

export function JoinPage() {
  const { token = '' } = useParams();
  const { user, refresh } = useCurrentUser();
  const navigate = useNavigate();
  const invite = useApiData(() => invitesApi.preview(token), [token]);
  const [name, setName] = useState<string | null>(null);
  const [perspective, setPerspective] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const [submitTried, setSubmitTried] = useState(false);
  const preview = invite.data;
  usePageTitle(preview ? `Join ${preview.workshop.title}` : 'Join a workshop');

  if (invite.error) return <InviteUnavailable error={invite.error} />;
  if (!preview) return <Spinner label="Opening the invite…" />;

  // A fixed perspective on the invite wins; otherwise the person picks one.
  const fixedPerspective = preview.perspective;
  const chosenPerspective = fixedPerspective ?? perspective ?? '';
  const displayName = name ?? (user ? user.name : '');
  // The server's rules for names, checked here so the person reads a sentence under the field
  // rather than the server's validation report. Blank is only flagged once they try to join; the
  // message then follows their typing (never changing on blur, which would move the Join button).
  const nameProblem = requiredLineTextProblem(displayName, Limits.nameMax, 'your name');
  const nameError = nameProblem && (submitTried || displayName.trim() !== '') ? nameProblem : undefined;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (nameProblem) {
      setSubmitTried(true);
      (e.currentTarget.elements.namedItem('name') as HTMLInputElement | null)?.focus();
      return;
    }
    if (!chosenPerspective) {
      setError(new Error('Choose your perspective.'));
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const result = await invitesApi.redeem(token, {
        name: displayName.trim(),
        ...(fixedPerspective ? {} : { perspective: chosenPerspective }),
      });
      await refresh(); // the redeem set (or kept) the session cookie
      navigate(`/workshops/${result.workshopId}`, { replace: true });
    } catch (err) {
      setError(err);
      setPending(false);
    }
  }

  const options = [
    { value: '', label: 'Choose your perspective…' },
    ...preview.perspectives.map((p) => ({ value: p, label: p })),
  ];

  return (
    <div className="narrow">
      <p className="muted" style={{ marginBottom: 0 }}>
        You're invited to join
      </p>
      <h1 style={{ marginTop: 0 }}>{preview.workshop.title}</h1>
      <p>
        <strong>{institutionName(preview.workshop.institution)}</strong> · you will join as a{' '}
        <strong>{roleLabels[preview.role]?.toLowerCase() ?? preview.role}</strong>.
      </p>
      {user ? (
        <Alert tone="info" title={`Signed in as ${user.name}`}>
          <p>You'll join with this {user.kind === 'guest' ? 'guest session' : 'account'}.</p>
        </Alert>
      ) : (
        <p>No account or password needed: give the name your team knows you by.</p>
      )}
      <ErrorMessage error={error} title="Could not join" />
      {error instanceof ApiRequestError && error.code === 'conflict' ? (
        <p>
          <Link to="/">Go to your workshops</Link>
        </p>
      ) : null}
      <form onSubmit={submit}>
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          isRequired
          validationBehavior="aria"
          maxLength={Limits.nameMax}
          value={displayName}
          onChange={setName}
          description="Shown to the other members (unless the workshop is anonymous)."
          errorMessage={nameError}
          isInvalid={nameError !== undefined}
        />
        {fixedPerspective ? (
          <p>
            Your perspective: <strong>{fixedPerspective}</strong>
          </p>
        ) : (
          <Select
            label="Perspective"
            description="The part of the institution you speak for."
            options={options}
            value={chosenPerspective}
            onChange={setPerspective}
            required
          />
        )}
        <Button type="submit" isPending={pending}>
          Join
        </Button>
      </form>
    </div>
  );
}
