import { useCallback, useEffect, useRef, useState } from 'react';
import type { MemberDoc } from '../../../shared/docs/memberDoc';
import { ApiRequestError } from '../api';
import { observeDraft } from '../room/useDraftField';
import { useDebouncedWrite, writeDraft } from '../room/useMemberWrites';
import { consensusApi } from './consensusApi';
import {
  consensusDraftKey,
  type DraftFields,
  readConsensusDraft,
  sameDraft as same,
  serializeConsensusDraft,
  writeConsensusDraft,
} from './localDraft';

export type { DraftFields } from './localDraft';
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

const DEBOUNCE_MS = 800;

interface Options {
  workshopId: string;
  dimensionId: string;
  /** The server's copy, from the workshop doc. */
  remote: DraftFields | null;
  initialStage: string;
  /** My member doc: where unsaved text is kept across reloads (see localDraft.ts). */
  member: MemberDoc | null;
  /** The editor is open and the workshop doc has loaded: a save can be accepted. */
  canSave: boolean;
  /** The room is connected; going back online resends a draft that could not be saved. */
  online: boolean;
}

/**
 * The facilitator's draft as local state, saved with PUT after a pause in typing. Typed text is
 * never lost:
 * - the server's copy (`remote`) replaces the fields only while nothing local is unsaved;
 * - unsaved text is also written to my member doc (a reload, a closed tab, a failed or cut-off PUT,
 *   no stage chosen yet) and comes back from there, then is sent again;
 * - a failed save keeps the text, says so, and is retried when the room is back online;
 * - a pending save is flushed when the page is hidden, the dimension changes or the panel unmounts.
 */
export function useDraftAutosave({ workshopId, dimensionId, remote, initialStage, member, canSave, online }: Options) {
  const empty: DraftFields = { stage: initialStage, rationale: '', dissent: '', nextSteps: '' };
  // Text kept from before a reload: newer than the server's copy, unless the server has it already.
  const [kept] = useState(() => {
    const local = readConsensusDraft(member, dimensionId);
    return local && !(remote && same(local, remote)) ? local : null;
  });
  const [fields, setFields] = useState<DraftFields>(kept ?? remote ?? empty);
  const [status, setStatus] = useState<SaveStatus>(kept ? 'pending' : 'idle');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(fields);
  const dirty = useRef(kept !== null);
  /** Typed here since the fields were last taken from the doc (then my text beats a kept copy). */
  const typed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const canSaveNow = useRef(canSave);
  canSaveNow.current = canSave;
  const keep = useDebouncedWrite((json) => {
    if (member) writeDraft(member, consensusDraftKey(dimensionId), json);
  });

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
    if (!sent.stage || !canSaveNow.current) {
      setStatus('pending');
      return false;
    }
    setStatus('saving');
    try {
      await consensusApi.saveDraft(workshopId, dimensionId, sent);
      if (same(sent, latest.current)) {
        dirty.current = false;
        typed.current = false;
        // The server has exactly this text now: the kept copy has done its job.
        keep.cancel();
        if (member) writeConsensusDraft(member, dimensionId, null);
      }
      setStatus(dirty.current ? 'pending' : 'saved');
      setError(null);
      return !dirty.current;
    } catch (err) {
      setStatus('error');
      setError(err instanceof ApiRequestError ? err.message : 'The draft could not be saved.');
      return false;
    }
  }, [workshopId, dimensionId, member, keep.cancel]);

  /** Shows `next` as unsaved text: kept in my member doc now-ish, sent to the server after a pause. */
  const adopt = useCallback(
    (next: DraftFields, keepNow: boolean) => {
      latest.current = next;
      dirty.current = true;
      setFields(next);
      setStatus('pending');
      if (keepNow) keep.schedule(serializeConsensusDraft(next));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
    },
    [save, keep.schedule],
  );

  const update = useCallback(
    (patch: Partial<DraftFields>) => {
      typed.current = true;
      adopt({ ...latest.current, ...patch }, true);
    },
    [adopt],
  );

  // My member doc loads from IndexedDB, then from the server, after the first render: a kept draft
  // that arrives then (possibly newer than the one IndexedDB had) is shown and sent — unless I have
  // typed since, in which case my text wins and replaces it.
  useEffect(() => {
    if (!member) return;
    return observeDraft(member, consensusDraftKey(dimensionId), () => {
      const incoming = readConsensusDraft(member, dimensionId);
      if (!incoming || typed.current || same(incoming, latest.current)) return;
      if (remote && same(incoming, remote)) writeConsensusDraft(member, dimensionId, null);
      else adopt(incoming, false);
    });
  }, [member, dimensionId, remote, adopt]);

  // Send what is unsaved as soon as a save can succeed: on mount with kept text, once the workshop
  // doc has loaded, and each time the room comes back online after a failed save.
  useEffect(() => {
    if (canSave && online && dirty.current) void save();
  }, [canSave, online, save]);

  // A hidden page may never come back (closed tab, reload, mobile tab discarded): flush both copies.
  useEffect(() => {
    const flush = () => {
      keep.flush();
      if (dirty.current) void save();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [save, keep.flush]);

  // Flush on dimension change / unmount so a quick navigation never drops the last words typed.
  useEffect(() => () => void (dirty.current && save()), [save]);

  return { fields, update, flush: save, status, error, hasUnsaved: () => dirty.current };
}
