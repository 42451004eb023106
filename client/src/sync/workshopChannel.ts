import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol';

/**
 * The workshop doc and its provider, surviving a re-base on the server (SYNC64). Only the server
 * writes this doc, and from time to time it replaces it with a copy that has no history; a socket
 * whose copy holds the old history is closed with 4409 (staleDocument). Then a fresh doc opens in
 * the background, the old one stays on screen until the fresh one has synced, and only then is it
 * swapped in and destroyed: the room never flashes empty, and `onSwap` lets React re-subscribe.
 */
export interface WorkshopChannel {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** The socket that carries the doc now is open (the fresh one's, during a swap). */
  readonly connected: boolean;
  connect(): void;
  disconnect(): void;
  /** Called after a swap: `doc` and `provider` are new. */
  onSwap(listener: () => void): void;
  destroy(): void;
}

/** A workshop doc with the provider that syncs it. */
interface Pair {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/**
 * `open` creates a provider for a doc (and is where its owner attaches its listeners: it is called
 * again for every fresh doc). Its provider must not reconnect after 4409, and must not use a
 * BroadcastChannel: that would sync the fresh doc with the old one still open in this tab.
 */
export function openWorkshopChannel(open: (doc: Y.Doc) => WebsocketProvider): WorkshopChannel {
  let fresh: Pair | null = null;
  const swapListeners = new Set<() => void>();
  let destroyed = false;

  const start = (doc: Y.Doc): Pair => {
    const pair = { doc, provider: open(doc) };
    pair.provider.on('closed', ({ code }) => {
      if (code === CloseCode.staleDocument && pair === current && !fresh && !destroyed) startFresh();
    });
    return pair;
  };
  const startFresh = () => {
    const pair = start(new Y.Doc());
    fresh = pair;
    pair.provider.on('sync', (synced: boolean) => {
      if (!synced || fresh !== pair || destroyed) return;
      const old = current;
      current = pair;
      fresh = null;
      old.provider.destroy();
      old.doc.destroy();
      for (const l of swapListeners) l();
    });
  };
  let current = start(new Y.Doc());

  return {
    get doc() {
      return current.doc;
    },
    get provider() {
      return current.provider;
    },
    get connected() {
      return (fresh ?? current).provider.wsconnected;
    },
    connect() {
      (fresh ?? current).provider.connect();
    },
    disconnect() {
      fresh?.provider.disconnect();
      current.provider.disconnect();
    },
    onSwap(listener) {
      swapListeners.add(listener);
    },
    destroy() {
      destroyed = true;
      for (const pair of [current, fresh]) {
        pair?.provider.destroy();
        pair?.doc.destroy();
      }
      swapListeners.clear();
    },
  };
}
