import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { ConnectionState, RoomConnection } from './connection';

/**
 * Hooks that turn Yjs documents into React state. The external store is a version counter bumped on
 * every doc update (local or remote); selectors then derive plain values from the typed doc wrappers.
 * Selecting is cheap at workshop size (a day-long doc is ~177 KB), so we re-derive on each version
 * rather than observing individual maps.
 */

export function useConnectionState(connection: RoomConnection): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.getState, connection.getState);
}

/** A counter that changes whenever the doc changes. */
export function useDocVersion(doc: Y.Doc | null): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const handler = () => {
        version.current++;
        onChange();
      };
      doc.on('update', handler);
      return () => doc.off('update', handler);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => version.current);
}

/**
 * Derives a value from a doc wrapper, recomputed only when the doc changes. `select` should be a
 * pure function of the wrapper; extra dependencies go in `deps`.
 */
export function useDocSelector<W extends { doc: Y.Doc }, T>(
  wrapper: W | null,
  select: (w: W) => T,
  fallback: T,
  deps: readonly unknown[] = [],
): T {
  const version = useDocVersion(wrapper?.doc ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the change signal; select is keyed by deps
  return useMemo(() => (wrapper ? select(wrapper) : fallback), [wrapper, version, ...deps]);
}

/** A value that re-renders at most every `ms` milliseconds (for countdowns). */
export function useNow(ms: number): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const t = setInterval(onChange, ms);
      return () => clearInterval(t);
    },
    [ms],
  );
  // Rounded so getSnapshot is stable between ticks (useSyncExternalStore requires it).
  return useSyncExternalStore(subscribe, () => Math.floor(Date.now() / ms) * ms);
}

/** The workshop doc on screen; a new one once the server re-based it (SYNC64), so read it here. */
export function useWorkshopDoc(connection: RoomConnection): RoomConnection['workshop'] {
  const get = () => connection.workshop;
  return useSyncExternalStore(connection.subscribe, get, get);
}

/** The workshop doc's provider (presence); replaced along with the doc. */
export function useWorkshopProvider(connection: RoomConnection): RoomConnection['workshopProvider'] {
  const get = () => connection.workshopProvider;
  return useSyncExternalStore(connection.subscribe, get, get);
}
