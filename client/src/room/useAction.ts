import { useState } from 'react';

/**
 * Runs a facilitator action, tracking pending state and the last error message to show. `what`
 * names the action for its error ("Reveal failed: …"); `done` is the sentence announced when it
 * succeeds ("Dimension revealed."), written per action because "<name> done." reads badly.
 */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (what: string, action: () => Promise<unknown>, doneMessage: string) => {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(doneMessage);
    } catch (err) {
      setError(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setPending(false);
    }
  };
  return { pending, error, done, run };
}
