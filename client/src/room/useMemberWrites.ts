import { useCallback, useEffect, useRef } from 'react';
import type { MemberDoc } from '../../../shared/docs/memberDoc';

/** Short random ids for member-doc entries (the doc's key pattern is [A-Za-z0-9_-]{1,64}). */
export function newEntryId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[b & 63]).join('');
}

/**
 * Debounces writes of typed text into the member doc, and flushes the pending write on blur,
 * unmount and page hide, so half-typed text is never lost (IndexedDB then keeps it across reloads).
 */
export function useDebouncedWrite(write: (value: string) => void, delayMs = 400) {
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const writeRef = useRef(write);
  writeRef.current = write;

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current !== null) {
      const value = pending.current;
      pending.current = null;
      writeRef.current(value);
    }
  }, []);

  /** Drops the pending write (the text it would write was replaced from the doc). */
  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);

  const schedule = useCallback(
    (value: string) => {
      pending.current = value;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { schedule, flush, cancel };
}

export function readDraft(member: MemberDoc | null, key: string): string {
  const v = member?.drafts.get(key);
  return typeof v === 'string' ? v : '';
}

export function writeDraft(member: MemberDoc, key: string, text: string): void {
  // Empty drafts are deleted so the doc does not accumulate dead keys.
  if (text === '') member.drafts.delete(key);
  else if (member.drafts.get(key) !== text) member.drafts.set(key, text);
}
