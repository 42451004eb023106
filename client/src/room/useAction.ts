import { useState } from 'react';

/** Runs a facilitator action, tracking pending state and the last error message to show. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (what: string, action: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(what);
    } catch (err) {
      setError(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setPending(false);
    }
  };
  return { pending, error, done, run };
}
