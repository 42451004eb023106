import { useState } from 'react';
import { Link } from 'react-router';
import { ApiRequestError } from '../../api/client';
import { rubricsApi, workshopsApi } from '../../api/endpoints';
import { useApiData } from '../../api/useApiData';
import { Alert } from '../../components/Alert';
import { useAnnouncer } from '../../components/Announcer';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';

interface Props {
  workshopId: string;
  rubricId: string;
  onFinalized: () => void | Promise<void>;
}

/** The dimension ids a 409 from /finalize names as still open (`error.details.missing`, LOCK7). */
export function missingDimensions(err: unknown): string[] | null {
  if (!(err instanceof ApiRequestError) || err.status !== 409) return null;
  const missing = (err.details as { missing?: unknown } | undefined)?.missing;
  return Array.isArray(missing) ? missing.filter((m): m is string => typeof m === 'string') : null;
}

/**
 * "Finalize workshop": after confirmation, POST /finalize. When dimensions are still open, the
 * server refuses with their ids; they are listed by title with links into the room to decide them.
 */
export function FinalizeSection({ workshopId, rubricId, onFinalized }: Props) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const announce = useAnnouncer();
  const rubric = useApiData(() => rubricsApi.get(rubricId), [rubricId]);
  const titles = new Map(
    rubric.data?.rubric.categories.flatMap((c) => c.dimensions.map((d) => [d.id, d.title] as const)) ?? [],
  );
  const missing = missingDimensions(error);

  async function finalize() {
    setPending(true);
    setError(undefined);
    try {
      await workshopsApi.finalize(workshopId);
      setOpen(false);
      announce('The workshop is finalized. Its results are now read-only.');
      await onFinalized();
    } catch (err) {
      setOpen(false);
      setError(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="finalize-heading">
      <h2 id="finalize-heading">Finalize</h2>
      <p>
        Finalizing records the workshop’s official result. Every dimension must be locked or marked “not assessed”.
        Afterwards nothing can change except the action plan.
      </p>
      {missing ? (
        <Alert tone="warning" title="Not every dimension is decided yet" live="polite">
          <p>Lock a consensus or mark “not assessed” for these {missing.length} dimensions, then finalize:</p>
          <ul aria-label="Dimensions still open">
            {missing.map((d) => (
              <li key={d}>
                <Link to={`/workshops/${workshopId}/room/${encodeURIComponent(d)}`}>{titles.get(d) ?? d}</Link>
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <ErrorMessage error={error} title="Could not finalize" />
      )}
      <Button variant="danger" onPress={() => setOpen(true)}>
        Finalize workshop…
      </Button>
      <Dialog isOpen={open} onOpenChange={setOpen} title="Finalize this workshop?" role="alertdialog">
        <p>The consensus of every dimension becomes final and read-only for everyone. This cannot be undone.</p>
        <div className="cluster">
          <Button variant="danger" isPending={pending} onPress={finalize}>
            Finalize workshop
          </Button>
          <Button variant="secondary" onPress={() => setOpen(false)}>
            Cancel
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
