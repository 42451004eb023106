import type { Duplex } from 'node:stream';
import type WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { AwarenessUser } from '../../shared/awareness';
import type { DocAddress } from '../../shared/docNames';
import { CloseCode, CloseReason, MessageType } from '../../shared/protocol';
import { filterAwarenessUpdate } from './awarenessFilter';
import { decodeFrame, Refusal } from './incomingFrame';
import { errorMessage, type RealtimeLog } from './log';
import { awarenessMessage, type PrebuiltFrame, syncStep1Message, syncStep2Message } from './messages';
import type { MemberRow } from './permissions';
import { TokenBucket } from './rateLimit';
import { isAheadOf, isNoopFor } from './readOnlyCheck';
import type { Room, RoomPeer } from './room';
import { inspectStateVector, inspectUpdate, MalformedUpdateError } from './updateGuard';

export interface Principal {
  userId: string;
  sessionId: string;
}

export interface ConnectionLimits {
  maxMessagesPerSecond: number;
  maxDocBytes: number;
  /** Messages held while the room loads: more than this many, or bytes, closes with 4408. */
  maxQueuedMessages: number;
  maxQueuedBytes: number;
  maxAwarenessPerSecond: number;
  /** Bytes waiting in a socket's send buffer before it is cut off (4431). */
  maxBufferedBytes: number;
}

export interface ConnectionHooks {
  log: RealtimeLog;
  limits: ConnectionLimits;
  /** A write to a doc this connection may only read: audit it (sync.write_refused). */
  onWriteRefused(conn: Connection, bytes: number): void;
  onClose(conn: Connection): void;
}

let nextId = 1;

/**
 * One websocket on one document. The message listener is attached in the constructor — before
 * anything is awaited — so no frame is lost while the room loads; frames that arrive meanwhile are
 * queued, capped by count and bytes (SYNC61). Every frame is checked against the connection's
 * current access (refreshed by the bridge when membership or workshop status change), its rate
 * limit and the update guard before the room sees it. Anything wrong closes this connection only,
 * with a named code, and is logged.
 */
export class Connection implements RoomPeer {
  readonly id = nextId++;
  ownedClientId: number | null = null;
  room: Room | null = null;
  private queue: Uint8Array[] | null = [];
  private queuedBytes = 0;
  private closed = false;
  private readonly bucket: TokenBucket;
  private readonly awarenessBucket: TokenBucket;
  private readonly rawSocket: Duplex | null;
  /** Frames are handled one at a time, in order, even when one of them awaits (sync step 1). */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly ws: WebSocket,
    readonly principal: Principal,
    readonly docName: string,
    readonly address: DocAddress,
    public access: 'read' | 'write',
    public member: MemberRow,
    public user: AwarenessUser,
    private readonly hooks: ConnectionHooks,
    /**
     * The upgraded TCP socket `ws` runs on, for prebuilt broadcast frames. Only while no extension
     * was negotiated (no permessage-deflate: the server does not offer it), so ws never transforms or
     * queues its own frames and writes to the socket stay in order with them.
     */
    socket?: Duplex,
  ) {
    this.rawSocket = socket !== undefined && ws.extensions === '' ? socket : null;
    const { limits } = hooks;
    this.bucket = new TokenBucket(limits.maxMessagesPerSecond, limits.maxMessagesPerSecond * 2);
    this.awarenessBucket = new TokenBucket(limits.maxAwarenessPerSecond, limits.maxAwarenessPerSecond * 2);
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    ws.on('close', () => this.onSocketClosed());
    ws.on('error', (err) => {
      // e.g. a frame over maxPayload: ws closes with 1009 itself; log so it is never silent.
      hooks.log.warn('socket error', { conn: this.id, docName, error: errorMessage(err) });
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The room is ready: greet the client, then handle what arrived meanwhile. */
  attach(room: Room): void {
    if (this.closed) return;
    this.room = room;
    room.peers.add(this);
    this.send(syncStep1Message(room.doc));
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) this.send(awarenessMessage(room.awareness, states));
    const queued = this.queue ?? [];
    this.queue = null;
    this.queuedBytes = 0;
    for (const frame of queued) this.enqueue(frame);
  }

  /**
   * Whether `bytes` more may be written now. A client that stops reading would make the server
   * buffer every relayed update for it, without bound. It can always resync from scratch: cut it
   * off instead. (ws's bufferedAmount counts the socket's own queue, so raw writes count too.)
   */
  private canSend(bytes: number): boolean {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return false;
    if (this.ws.bufferedAmount + bytes > this.hooks.limits.maxBufferedBytes) {
      this.close(CloseCode.tooSlow, `${this.ws.bufferedAmount} bytes waiting`);
      return false;
    }
    return true;
  }

  send(message: Uint8Array): void {
    if (!this.canSend(message.byteLength)) return;
    this.ws.send(message, (err) => {
      if (err) this.hooks.log.debug('send failed', { conn: this.id, error: errorMessage(err) });
    });
  }

  sendPrebuilt(frame: PrebuiltFrame): void {
    const socket = this.rawSocket;
    if (socket === null) {
      this.send(frame.payload);
      return;
    }
    if (socket.destroyed || !this.canSend(frame.bytes.byteLength)) return;
    // A failed write surfaces as the socket's 'error', which ws handles.
    socket.write(frame.bytes);
  }

  /** Closes with a named code; a peer that ignores the close handshake is cut off after a second. */
  close(code: CloseCode, detail?: string): void {
    if (this.closed) return;
    if (detail)
      this.hooks.log.info('closing connection', { conn: this.id, docName: this.docName, code, detail });
    this.markClosed();
    try {
      this.ws.close(code, CloseReason[code]);
    } catch (err) {
      this.hooks.log.warn('close failed', { conn: this.id, error: errorMessage(err) });
    }
    setTimeout(() => this.ws.terminate(), 1000).unref();
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = null;
    this.room?.removePeer(this);
    this.hooks.onClose(this);
  }

  private onSocketClosed(): void {
    this.markClosed();
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) {
      this.close(CloseCode.malformed, 'text frame');
      return;
    }
    if (!this.bucket.take()) {
      this.close(CloseCode.rateLimited, 'message rate');
      return;
    }
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (this.queue) {
      this.queue.push(frame);
      this.queuedBytes += frame.byteLength;
      const { maxQueuedMessages, maxQueuedBytes } = this.hooks.limits;
      if (this.queue.length > maxQueuedMessages || this.queuedBytes > maxQueuedBytes) {
        this.close(CloseCode.queueOverflow, `${this.queue.length} frames, ${this.queuedBytes} bytes queued`);
      }
      return;
    }
    this.enqueue(frame);
  }

  private enqueue(frame: Uint8Array): void {
    this.chain = this.chain.then(() => this.handle(frame));
  }

  private async handle(frame: Uint8Array): Promise<void> {
    const room = this.room;
    if (this.closed || !room || room.isDestroyed) return;
    try {
      await this.dispatch(room, frame);
    } catch (err) {
      if (err instanceof Refusal) return this.close(err.code, err.message);
      if (err instanceof MalformedUpdateError) return this.close(CloseCode.malformed, err.message);
      this.hooks.log.error('message handling failed', {
        conn: this.id,
        docName: this.docName,
        error: errorMessage(err),
      });
      this.close(CloseCode.internalError);
    }
  }

  private async dispatch(room: Room, frame: Uint8Array): Promise<void> {
    const { type, step, payload } = decodeFrame(frame);
    switch (type) {
      case MessageType.sync: {
        if (step === syncProtocol.messageYjsSyncStep1) return this.onStep1(room, payload);
        if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
          return this.onUpdate(room, payload);
        }
        throw new Refusal(CloseCode.malformed, `unknown sync step ${step}`);
      }
      case MessageType.awareness:
        return this.onAwareness(room, payload);
      case MessageType.queryAwareness: {
        const states = [...room.awareness.getStates().keys()];
        if (states.length > 0) this.send(awarenessMessage(room.awareness, states));
        return;
      }
      default:
        // MessageType.auth is server → client only in y-websocket; anything else is unknown.
        throw new Refusal(CloseCode.malformed, `unknown message type ${type}`);
    }
  }

  private async onStep1(room: Room, stateVector: Uint8Array): Promise<void> {
    inspectStateVector(stateVector);
    // Only the server writes the workshop doc, so history we lack is an older lineage of it. (A
    // member doc's owner may be ahead: edits made offline, even if the doc became read-only since.)
    if (this.address.kind === 'workshop' && isAheadOf(room.doc, stateVector)) {
      throw new Refusal(CloseCode.staleDocument, 'the copy holds history the server no longer has');
    }
    // Never hand out state that is not durable yet (SYNC51): a crash must not un-happen what a
    // client has seen.
    await room.whenSaved();
    if (this.closed || room.isDestroyed) return;
    this.send(syncStep2Message(room.doc, stateVector));
  }

  private onUpdate(room: Room, update: Uint8Array): void {
    const summary = inspectUpdate(update);
    if (this.access !== 'write') {
      // A read-only client legitimately answers our step 1 with a step 2 holding nothing new (at
      // most its copy of our delete set). Anything that would change the doc is refused (SYNC13).
      if (isNoopFor(room.doc, summary)) return;
      this.hooks.onWriteRefused(this, update.byteLength);
      throw new Refusal(CloseCode.readOnly, 'write to a read-only document');
    }
    if (room.storedBytes + update.byteLength > this.hooks.limits.maxDocBytes) {
      throw new Refusal(CloseCode.documentTooLarge, `${room.storedBytes} + ${update.byteLength} bytes`);
    }
    room.applyFrom(this, update);
  }

  private onAwareness(room: Room, payload: Uint8Array): void {
    const verdict = filterAwarenessUpdate(payload, {
      ownedClientId: this.ownedClientId,
      // A clientID already present in the room (someone else's, or an echo) can never be claimed.
      isKnown: (id) =>
        room.awareness.getStates().has(id) ||
        room.isClaimed(id, this) ||
        !room.presenceOwners.mayClaim(id, this.principal.userId),
      user: this.user,
    });
    if (!verdict.ok) throw new Refusal(CloseCode.malformed, verdict.reason);
    if (verdict.dropped > 0) {
      this.hooks.log.debug('awareness entries for other clients dropped', {
        conn: this.id,
        dropped: verdict.dropped,
      });
    }
    if (!verdict.own) return;
    // Only a connection's own presence changes count: echoes of others are free, or a lively room
    // would trip honest clients.
    if (!this.awarenessBucket.take()) throw new Refusal(CloseCode.rateLimited, 'awareness rate');
    this.ownedClientId = verdict.own.clientId;
    room.presenceOwners.record(verdict.own.clientId, this.principal.userId);
    awarenessProtocol.applyAwarenessUpdate(room.awareness, verdict.own.update, this);
  }
}
