import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../components/Button';
import { CopyButton } from '../components/CopyButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { reportApi } from './reportApi';

type Result = Awaited<ReturnType<typeof reportApi.followUp>>;

/** "Start a follow-up assessment" (facilitators): shows the new workshop and the guests' links. */
export function FollowUpPanel({ workshopId }: { workshopId: string }) {
  const [result, setResult] = useState<Result>();
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const start = async () => {
    setPending(true);
    try {
      setResult(await reportApi.followUp(workshopId));
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <section aria-labelledby="report-follow-up" className="no-print">
      <h2 id="report-follow-up">Follow-up assessment</h2>
      {result ? (
        <div role="status">
          <p>
            Created <Link to={`/workshops/${result.workshop.id}`}>{result.workshop.title}</Link>. Members with an account
            are already in it; the action plan was copied.
          </p>
          {result.invites.length > 0 ? (
            <>
              <p>Guests cannot be re-added without a link. Send them these (shown only now):</p>
              <ul>
                {result.invites.map((i) => (
                  <li key={i.url}>
                    {i.role} link ({i.maxUses} uses): <code>{i.url}</code> <CopyButton text={i.url} label={`Copy the ${i.role} link`} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : (
        <p>
          Start a new assessment of the same institution with the same rubric, team and action plan, to compare
          later.{' '}
          <Button variant="secondary" isPending={pending} onPress={() => void start()}>
            Start a follow-up assessment
          </Button>
        </p>
      )}
      <ErrorMessage error={error} title="Could not start the follow-up" />
    </section>
  );
}
