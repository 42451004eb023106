import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { ratingEdit } from './edit';
import { type FoundMarker, scanMarkers } from './marker';
import type { Recorder } from './recorder';
import type { ClientSpec, EditPlan } from './types';
import {
  EMPTY_STATE_VECTOR,
  EMPTY_UPDATE,
  type Framing,
  hocuspocusAuth,
  readSync,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  syncMessage,
} from './wire';

const REMOTE = Symbol('remote');

/**
 * A client that never decodes what it reads: it scans each frame for edit markers (cheap) and only
 * answers the sync handshake. It writes from a small Y.Doc of its own — for ours the member doc
 * (a second socket, synced properly since the server owns a copy), for the references a private
 * doc whose updates only touch this client's own keys, so they integrate on the server and on every
 * peer exactly like a full client's would.
 */
export class LightClient {
  private readSocket: WebSocket | null = null;
  private writeSocket: WebSocket | null = null;
  private readonly writerDoc = new Y.Doc();
  private readonly framing: Framing;
  private readonly onMarkers: (found: FoundMarker[]) => void;
  private readonly found: FoundMarker[] = [];
  private closing = false;

  constructor(
    readonly spec: ClientSpec,
    private readonly recorder: Recorder,
    private readonly hocuspocusVersion: string,
    private readonly onUnexpectedClose: (why: string) => void,
  ) {
    this.framing =
      spec.server === 'hocuspocus'
        ? { kind: 'hocuspocus', documentName: spec.read.docName }
        : { kind: 'y-websocket' };
    this.onMarkers = recorder.receiver(spec.index);
    this.writerDoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      const socket = this.spec.write ? this.writeSocket : this.readSocket;
      socket?.send(syncMessage(this.framing, SYNC_UPDATE, update));
    });
  }

  /** Resolves once the read doc (and, for ours, the member doc) answered sync step 2. */
  async connect(): Promise<void> {
    const read = this.openRead();
    const write = this.spec.write ? this.openWrite(this.spec.write.url) : Promise.resolve();
    await Promise.all([read, write]);
  }

  edit(seq: number, plan: EditPlan): number {
    const e = ratingEdit(this.spec.index, seq, this.spec.keySuffix, plan);
    this.writerDoc.getMap('ratings').set(e.key, e.value);
    return e.editId;
  }

  close(): void {
    this.closing = true;
    this.readSocket?.close();
    this.writeSocket?.close();
  }

  private socket(url: string): WebSocket {
    const ws = new WebSocket(url, { headers: this.spec.headers, perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    ws.on('close', (code, reason) => {
      if (!this.closing) this.onUnexpectedClose(`client ${this.spec.index}: ${code} ${reason.toString()}`);
    });
    return ws;
  }

  private openRead(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = this.socket(this.spec.read.url);
      this.readSocket = ws;
      let synced = false;
      ws.on('error', reject);
      ws.on('unexpected-response', (_req, res) =>
        reject(new Error(`read upgrade refused: HTTP ${res.statusCode}`)),
      );
      ws.on('open', () => {
        if (this.framing.kind === 'hocuspocus')
          ws.send(hocuspocusAuth(this.framing.documentName, this.hocuspocusVersion));
        ws.send(syncMessage(this.framing, SYNC_STEP1, EMPTY_STATE_VECTOR));
      });
      ws.on('message', (data: Buffer) => {
        this.recorder.bytesReceived += data.length;
        this.found.length = 0;
        scanMarkers(data, this.found);
        this.onMarkers(this.found);
        if (synced && this.spec.write) return; // ours: the read doc needs no more answers
        const sync = readSync(this.framing, data);
        if (!sync) return;
        if (sync.step === SYNC_STEP1) {
          // References: our private writer doc is part of the shared doc. Ours: the workshop doc
          // is read-only for us, so the honest answer is "nothing new".
          const diff = this.spec.write ? EMPTY_UPDATE : Y.encodeStateAsUpdate(this.writerDoc, sync.payload);
          ws.send(syncMessage(this.framing, SYNC_STEP2, diff));
        } else if (sync.step === SYNC_STEP2 && !synced) {
          synced = true;
          resolve();
        }
      });
    });
  }

  /** Ours: the member doc, handled by y-protocols' own sync (it is small and only we write it). */
  private openWrite(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = this.socket(url);
      this.writeSocket = ws;
      let synced = false;
      ws.on('error', reject);
      ws.on('unexpected-response', (_req, res) =>
        reject(new Error(`write upgrade refused: HTTP ${res.statusCode}`)),
      );
      ws.on('open', () => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 0);
        syncProtocol.writeSyncStep1(e, this.writerDoc);
        ws.send(encoding.toUint8Array(e));
      });
      ws.on('message', (data: Buffer) => {
        const d = decoding.createDecoder(data);
        if (decoding.readVarUint(d) !== 0) return;
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, 0);
        const step = syncProtocol.readSyncMessage(d, reply, this.writerDoc, REMOTE);
        if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
        if (step === syncProtocol.messageYjsSyncStep2 && !synced) {
          synced = true;
          resolve();
        }
      });
    });
  }
}
