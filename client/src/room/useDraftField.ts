import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { MemberDoc } from '../../../shared/docs/memberDoc';
import { readDraft, useDebouncedWrite, writeDraft } from './useMemberWrites';

/**
 * A form field backed by one draft key of my member doc. `local` is what the field shows; `base` is
 * the value the field last read from the doc or wrote to it, so `local !== base` means "typed, not yet
 * written".
 */
export interface DraftFieldState {
  local: string;
  base: string;
}

/**
 * The rule when the doc's value for the key changes (sync from the server, IndexedDB loading late,
 * another tab, a deletion after a submit elsewhere): an untouched field adopts it; text typed since
 * the last read or write wins, and the pending write then replaces the doc's value. A change equal to
 * `base` is our own write coming back and changes nothing, so typing never re-sets the field.
 */
export function reconcileDraft(state: DraftFieldState, incoming: string): DraftFieldState {
  if (incoming === state.base) return state;
  if (state.local === state.base || state.local === incoming) return { local: incoming, base: incoming };
  return state;
}

/** Calls `onChange` with the new value each time `key` changes in my drafts map, whoever changed it. */
export function observeDraft(member: MemberDoc, key: string, onChange: (value: string) => void): () => void {
  const drafts = member.drafts;
  const handler = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(key)) onChange(readDraft(member, key));
  };
  drafts.observe(handler);
  return () => drafts.unobserve(handler);
}

/**
 * Keeps `field` in step with the doc under the rule above, calling `onAdopt` when the field should
 * show a new value. Checks once right away: the doc may have changed between the render that read it and
 * this subscription.
 */
export function followDraft(
  member: MemberDoc,
  key: string,
  field: DraftFieldState,
  onAdopt: (value: string) => void,
): () => void {
  const check = (incoming: string) => {
    const next = reconcileDraft(field, incoming);
    if (next === field) return;
    const adopted = next.local !== field.local;
    field.local = next.local;
    field.base = next.base;
    if (adopted) onAdopt(next.local);
  };
  check(readDraft(member, key));
  return observeDraft(member, key, check);
}

/** Records our own write in `field` before making it, so its echo from the doc is recognised. */
export function writeDraftField(member: MemberDoc, key: string, field: DraftFieldState, text: string): void {
  field.base = text;
  writeDraft(member, key, text);
}

/**
 * The text of a form field whose half-typed value lives in my member doc (IndexedDB + sync). It follows
 * the doc while untouched (see `reconcileDraft`), so a newer draft that arrives after mount — the
 * reload-right-after-typing race, where IndexedDB still holds the older value — is shown rather than
 * overwritten by the next keystroke. Writes are debounced and flushed on blur, page hide and unmount.
 *
 * `key` null: a plain local field starting at `initial` (editing a posted comment has no draft).
 * A key switch shows the new key's draft; text pending for the old key is written there first.
 */
export function useDraftField(member: MemberDoc | null, key: string | null, initial = '') {
  const field = useRef<DraftFieldState | null>(null);
  if (field.current === null) {
    const v = key === null ? initial : readDraft(member, key);
    field.current = { local: v, base: v };
  }
  const [value, setValue] = useState(field.current.local);
  // Where writes go. Updated in the effect (not during render), so a flush on a key switch still
  // writes the old key's text to the old key.
  const target = useRef({ member, key });
  const { schedule, flush, cancel } = useDebouncedWrite((text) => {
    const { member: m, key: k } = target.current;
    if (m && k !== null && field.current) writeDraftField(m, k, field.current, text);
  });

  useEffect(() => {
    const state = field.current!;
    if (target.current.key !== key) {
      flush();
      const v = key === null ? initial : readDraft(member, key);
      state.local = v;
      state.base = v;
      setValue(v);
    }
    target.current = { member, key };
    if (!member || key === null) return;
    const stop = followDraft(member, key, state, (v) => {
      cancel(); // the pending write holds the text just replaced; writing it would undo the adoption
      setValue(v);
    });
    // Text typed while there was no member doc to write to is still unwritten: write it now.
    if (state.local !== state.base) schedule(state.local);
    return stop;
  }, [member, key, initial, flush, cancel, schedule]);

  /** The user typed: show it now, write it after the debounce. */
  const change = useCallback(
    (next: string) => {
      field.current!.local = next;
      setValue(next);
      schedule(next);
    },
    [schedule],
  );

  /** After a submit: empty the field and delete the draft at once. */
  const clear = useCallback(() => {
    change('');
    flush();
  }, [change, flush]);

  return { value, change, flush, clear };
}
