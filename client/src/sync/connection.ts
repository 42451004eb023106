import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { memberDocName, workshopDocName } from '../../../shared/docNames';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { WorkshopDoc } from '../../../shared/docs/workshopDoc';
import { CloseCode, terminalCloseCodes } from '../../../shared/protocol';

/**
 * The transport layer of the room: two y-websocket providers (the server-written workshop doc, read
 * only, and my member doc, read + write) plus IndexedDB persistence of my member doc, so edits made
 * offline survive reloads and sync when the connection returns. React never touches providers
 * directly — hooks subscribe to `subscribe`/`getState` (useSyncExternalStore).
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
  workshop: WorkshopDoc;
  member: MemberDoc | null;
  workshopProvider: WebsocketProvider;
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /** After signing in again (4401/4411): reopen both sockets in place, keeping every doc and draft. */
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
  // limited) mean "resync", while y-websocket's default would give up on the whole 44xx range.
  const shouldReconnect = (event: CloseEvent) => terminalPhase(event.code) === null;
  const onClosed = ({ code }: { code: number }) => {
    const phase = terminalPhase(code);
    if (phase) update({ phase });
  };

  const serverUrl = syncServerUrl();
  const workshopYDoc = new Y.Doc();
  const workshopProvider = new WebsocketProvider(serverUrl, workshopDocName(workshopId), workshopYDoc, {
    shouldReconnect,
  });
  workshopProvider.on('closed', onClosed);

  let memberYDoc: Y.Doc | null = null;
  let memberProvider: WebsocketProvider | null = null;
  let persistence: IndexeddbPersistence | null = null;

  const isTerminal = () => !['connecting', 'online', 'offline'].includes(state.phase);
  const recomputePhase = () => {
    if (isTerminal()) return;
    const online = workshopProvider.wsconnected && (memberProvider?.wsconnected ?? true);
    const everConnected = state.workshopLoaded;
    update({ phase: online ? 'online' : everConnected || !navigator.onLine ? 'offline' : 'connecting' });
  };
  workshopProvider.on('status', recomputePhase);
  workshopProvider.on('sync', (synced: boolean) => {
    if (synced) update({ workshopLoaded: true });
    recomputePhase();
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
    const providers = [workshopProvider, memberProvider].filter((p) => p !== null);
    if (!navigator.onLine) for (const p of providers) p.disconnect();
    else if (!isTerminal()) for (const p of providers) p.connect();
    recomputePhase();
  };
  window.addEventListener('online', onOnlineChange);
  window.addEventListener('offline', onOnlineChange);

  return {
    workshop: new WorkshopDoc(workshopYDoc),
    member: memberYDoc ? new MemberDoc(memberYDoc) : null,
    workshopProvider,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reconnect() {
      if (!isTerminal()) return;
      state = { ...state, phase: 'connecting' };
      for (const l of listeners) l();
      workshopProvider.connect();
      memberProvider?.connect();
    },
    destroy() {
      window.removeEventListener('online', onOnlineChange);
      window.removeEventListener('offline', onOnlineChange);
      workshopProvider.destroy();
      memberProvider?.destroy();
      void persistence?.destroy();
      workshopYDoc.destroy();
      memberYDoc?.destroy();
      listeners.clear();
    },
  };
}
