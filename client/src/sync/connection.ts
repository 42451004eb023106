import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { memberDocName, workshopDocName } from '../../../shared/docNames';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { WorkshopDoc } from '../../../shared/docs/workshopDoc';
import { CloseCode, terminalCloseCodes } from '../../../shared/protocol';
import { openWorkshopChannel } from './workshopChannel';

/**
 * The transport layer of the room: two y-websocket providers (the server-written workshop doc, read
 * only, and my member doc, read + write) plus IndexedDB persistence of my member doc, so edits made
 * offline survive reloads and sync when the connection returns. React never touches providers
 * directly — hooks subscribe to `subscribe`/`getState` (useSyncExternalStore). The workshop doc and
 * its provider are replaced when the server re-based the doc (workshopChannel.ts); listeners hear
 * of it like of any state change.
 */

export type ConnectionPhase = 'connecting' | 'online' | 'offline' | 'signed-out' | 'removed' | 'ended' | 'forbidden';

export interface ConnectionState {
  phase: ConnectionPhase;
  /** Both docs have completed their first sync with the server at least once (this page load). */
  workshopLoaded: boolean;
  /** My member doc has loaded from IndexedDB or the server (so rendering it will not flash empty). */
  memberLoaded: boolean;
  /** Local member-doc updates made since the server last acknowledged a sync. */
  pendingChanges: number;
}

export interface RoomConnection {
  /** The workshop doc on screen. A new one after a re-base (SYNC64): read it with useWorkshopDoc. */
  readonly workshop: WorkshopDoc;
  member: MemberDoc | null;
  /** Carries presence; also new after a re-base (useWorkshopProvider). */
  readonly workshopProvider: WebsocketProvider;
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /**
   * After signing in again (4401/4411): reopen both sockets in place, keeping every doc and draft.
   * Does nothing in any other phase (a removed member stays removed).
   */
  reconnect(): void;
  destroy(): void;
}

/** Close code → the terminal phase it puts the room in (null: reconnect). */
function terminalPhase(code: number): ConnectionPhase | null {
  if (code === CloseCode.memberRemoved) return 'removed';
  if (code === CloseCode.unauthenticated) return 'signed-out';
  if (code === CloseCode.sessionEnded) return 'ended';
  if (terminalCloseCodes.has(code)) return 'forbidden';
  return null;
}

export function syncServerUrl(): string {
  return `${location.origin.replace(/^http/, 'ws')}/sync`;
}

export function openRoomConnection(workshopId: string, memberId: string | null): RoomConnection {
  const listeners = new Set<() => void>();
  let state: ConnectionState = {
    phase: 'connecting',
    workshopLoaded: false,
    memberLoaded: memberId === null,
    pendingChanges: 0,
  };
  const update = (patch: Partial<ConnectionState>) => {
    const next = { ...state, ...patch };
    if (Object.keys(patch).every((k) => next[k as keyof ConnectionState] === state[k as keyof ConnectionState])) return;
    state = next;
    for (const l of listeners) l();
  };

  // Reconnect on every close except the documented terminal ones: 4405 (read-only) and 4429 (rate
  // limited) mean "resync", while y-websocket's default would give up on the whole 44xx range. After
  // 4409 the workshop channel opens a fresh doc instead.
  const shouldReconnect = (event: CloseEvent) =>
    terminalPhase(event.code) === null && event.code !== CloseCode.staleDocument;
  const onClosed = ({ code }: { code: number }) => {
    const phase = terminalPhase(code);
    if (phase) update({ phase });
  };

  const serverUrl = syncServerUrl();
  let memberYDoc: Y.Doc | null = null;
  let memberProvider: WebsocketProvider | null = null;
  let persistence: IndexeddbPersistence | null = null;
  const isTerminal = () => !['connecting', 'online', 'offline'].includes(state.phase);
  const recomputePhase = () => {
    if (isTerminal()) return;
    const online = workshop.connected && (memberProvider?.wsconnected ?? true);
    const everConnected = state.workshopLoaded;
    update({ phase: online ? 'online' : everConnected || !navigator.onLine ? 'offline' : 'connecting' });
  };
  const workshop = openWorkshopChannel((doc) => {
    // No BroadcastChannel: it would sync this doc with every other copy in this browser — the old
    // copy a re-base replaced included (SYNC64) — and only the server may write it anyway.
    const provider = new WebsocketProvider(serverUrl, workshopDocName(workshopId), doc, {
      shouldReconnect,
      disableBc: true,
    });
    provider.on('closed', onClosed);
    provider.on('status', recomputePhase);
    provider.on('sync', (synced: boolean) => {
      if (synced) update({ workshopLoaded: true });
      recomputePhase();
    });
    return provider;
  });
  let workshopView = new WorkshopDoc(workshop.doc);
  workshop.onSwap(() => {
    workshopView = new WorkshopDoc(workshop.doc);
    recomputePhase();
    for (const l of listeners) l();
  });

  if (memberId !== null) {
    memberYDoc = new Y.Doc();
    const docName = memberDocName(workshopId, memberId);
    // The IndexedDB key includes the doc name, so two members on one browser never share storage.
    persistence = new IndexeddbPersistence(`ler:${docName}`, memberYDoc);
    persistence.on('synced', () => update({ memberLoaded: true }));
    memberProvider = new WebsocketProvider(serverUrl, docName, memberYDoc, { shouldReconnect });
    memberProvider.on('closed', onClosed);
    memberProvider.on('status', recomputePhase);
    const provider = memberProvider;
    provider.on('sync', (synced: boolean) => {
      // y-websocket has no per-update acknowledgement; a completed sync round after reconnecting
      // means the server has our state vector and everything we sent, so pending drops to zero.
      if (synced) update({ memberLoaded: true, pendingChanges: 0 });
      recomputePhase();
    });
    memberYDoc.on('update', (_update: Uint8Array, origin: unknown) => {
      const local = origin !== provider && origin !== persistence;
      if (local && !(provider.wsconnected && provider.synced)) {
        update({ pendingChanges: state.pendingChanges + 1 });
      }
    });
  }

  // When the browser says it is offline, close the sockets at once: an open socket on a dead network
  // only notices after y-websocket's 30 s "no message" watchdog, and until then the status would
  // claim "all changes saved" while edits go nowhere. Back online, reconnect (unless the room ended).
  const onOnlineChange = () => {
    if (!navigator.onLine) {
      workshop.disconnect();
      memberProvider?.disconnect();
    } else if (!isTerminal()) {
      workshop.connect();
      memberProvider?.connect();
    }
    recomputePhase();
  };
  window.addEventListener('online', onOnlineChange);
  window.addEventListener('offline', onOnlineChange);

  return {
    get workshop() {
      return workshopView;
    },
    member: memberYDoc ? new MemberDoc(memberYDoc) : null,
    get workshopProvider() {
      return workshop.provider;
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconnect() {
      if (state.phase !== 'signed-out' && state.phase !== 'ended') return;
      state = { ...state, phase: 'connecting' };
      for (const l of listeners) l();
      workshop.connect();
      memberProvider?.connect();
    },
    destroy() {
      window.removeEventListener('online', onOnlineChange);
      window.removeEventListener('offline', onOnlineChange);
      workshop.destroy();
      memberProvider?.destroy();
      void persistence?.destroy();
      memberYDoc?.destroy();
      listeners.clear();
    },
  };
}
