import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ratingEdit } from './edit';
import { type FoundMarker, parseMarker } from './marker';
import type { Recorder } from './recorder';
import type { ClientSpec, EditPlan } from './types';

type Provider = { destroy(): void };

/** ws with fixed upgrade headers: how a Node provider presents the browser's cookie and Origin. */
type SocketClass = new (url: string | URL, protocols?: string | string[]) => WebSocket;
function socketClass(headers: Record<string, string>): SocketClass {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers, perMessageDeflate: false });
    }
  };
}

/**
 * A full client, as a browser tab runs it: the stock provider of each server (y-websocket's
 * WebsocketProvider for ours and the relay, HocuspocusProvider for Hocuspocus) and a Y.Doc that
 * decodes every update. A few per room keep the light clients honest: their latencies must match.
 */
export class DecodeClient {
  private readonly readDoc = new Y.Doc();
  private readonly writeDoc: Y.Doc;
  private readonly providers: Provider[] = [];

  constructor(
    readonly spec: ClientSpec,
    recorder: Recorder,
    private readonly onUnexpectedClose: (why: string) => void,
  ) {
    this.writeDoc = spec.write ? new Y.Doc() : this.readDoc;
    const onMarkers = recorder.receiver(spec.index);
    const found: FoundMarker[] = [];
    const ratings = this.readDoc.getMap<{ rationale?: unknown }>('ratings');
    ratings.observe((event) => {
      found.length = 0;
      for (const key of event.keysChanged) {
        const rationale = ratings.get(key)?.rationale;
        const m = typeof rationale === 'string' ? parseMarker(rationale) : null;
        if (m) found.push(m);
      }
      onMarkers(found);
    });
  }

  async connect(): Promise<void> {
    const waits = [this.open(this.spec.read.docName, this.readDoc)];
    if (this.spec.write) waits.push(this.open(this.spec.write.docName, this.writeDoc));
    await Promise.all(waits);
  }

  edit(seq: number, plan: EditPlan): number {
    const e = ratingEdit(this.spec.index, seq, this.spec.keySuffix, plan);
    this.writeDoc.getMap('ratings').set(e.key, e.value);
    return e.editId;
  }

  close(): void {
    this.destroyed = true;
    for (const p of this.providers) p.destroy();
  }

  private open(docName: string, doc: Y.Doc): Promise<void> {
    const WS = socketClass(this.spec.headers);
    return new Promise((resolve) => {
      if (this.spec.server === 'hocuspocus') {
        const websocketProvider = new HocuspocusProviderWebsocket({
          url: this.spec.providerBase,
          WebSocketPolyfill: WS,
        });
        const provider = new HocuspocusProvider({ websocketProvider, name: docName, document: doc });
        provider.attach();
        provider.on('synced', () => resolve());
        websocketProvider.on('disconnect', () => this.closedEarly(docName));
        this.providers.push(provider, websocketProvider);
      } else {
        const provider = new WebsocketProvider(this.spec.providerBase, docName, doc, {
          WebSocketPolyfill: WS as unknown as typeof globalThis.WebSocket,
          // Node 20 has a global BroadcastChannel: same-process clients would sync around the server.
          disableBc: true,
          maxBackoffTime: 60_000,
        });
        provider.on('sync', (synced: boolean) => synced && resolve());
        provider.on('connection-close', () => this.closedEarly(docName));
        this.providers.push(provider);
      }
    });
  }

  private destroyed = false;
  private closedEarly(docName: string): void {
    if (!this.destroyed) this.onUnexpectedClose(`decoding client ${this.spec.index} lost ${docName}`);
  }
}
