import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConsensusDraftBody } from '../../../shared/consensusApi';
import { ApiRequestError } from '../api';
import { consensusApi } from './consensusApi';

export type DraftFields = Required<ConsensusDraftBody>;
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

const DEBOUNCE_MS = 800;

const same = (a: DraftFields, b: DraftFields) =>
  a.stage === b.stage &&
  a.rationale === b.rationale &&
  a.dissent === b.dissent &&
  a.nextSteps === b.nextSteps;

/**
 * The facilitator's draft as local state, saved with PUT after a pause in typing. Typed text is
 * never lost: the server's copy (`remote`, from the workshop doc) replaces the fields only while
 * nothing local is unsaved, a failed save keeps the text and says so, and a pending save is
 * flushed when the dimension changes or the panel unmounts.
 */
export function useDraftAutosave(
  workshopId: string,
  dimensionId: string,
  remote: DraftFields | null,
  initialStage: string,
) {
  const empty: DraftFields = { stage: initialStage, rationale: '', dissent: '', nextSteps: '' };
  const [fields, setFields] = useState<DraftFields>(remote ?? empty);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(fields);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Adopt the server's version (a co-facilitator's edit, a reload) unless we hold unsaved text.
  useEffect(() => {
    if (remote && !dirty.current && !same(remote, latest.current)) {
      latest.current = remote;
      setFields(remote);
    }
  }, [remote]);

  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const sent = latest.current;
    if (!dirty.current) return true;
    if (!sent.stage) {
      setStatus('pending');
      return false;
    }
    setStatus('saving');
    try {
      await consensusApi.saveDraft(workshopId, dimensionId, sent);
      if (same(sent, latest.current)) dirty.current = false;
      setStatus(dirty.current ? 'pending' : 'saved');
      setError(null);
      return !dirty.current;
    } catch (err) {
      setStatus('error');
      setError(err instanceof ApiRequestError ? err.message : 'The draft could not be saved.');
      return false;
    }
  }, [workshopId, dimensionId]);

  const update = useCallback(
    (patch: Partial<DraftFields>) => {
      latest.current = { ...latest.current, ...patch };
      dirty.current = true;
      setFields(latest.current);
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [save],
  );

  // Flush on dimension change / unmount so a quick navigation never drops the last words typed.
  useEffect(() => () => void (dirty.current && save()), [save]);

  return { fields, update, flush: save, status, error, hasUnsaved: () => dirty.current };
}
