import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocAddress } from '../../shared/docNames';
import type { DocStore, StoredDoc } from './docStore';
import { forget } from './forget';
import { errorMessage, type RealtimeLog } from './log';
import { awarenessMessage, type PrebuiltFrame, prebuiltFrame, updateMessage } from './messages';
import type { PersistListener, PersistQueue } from './persistQueue';
import { PresenceOwners } from './presenceOwners';
import { SaveTracker } from './saveTracker';

/** Yjs hands the finished batch of transactions to this event, then drops the array (see forget). */
const forgetTransactions = (_doc: Y.Doc, transactions: Y.Transaction[]): void => forget(transactions);

/** What a room needs from a connection. */
export interface RoomPeer {
  readonly id: number;
  ownedClientId: number | null;
  send(message: Uint8Array): void;
  /** Sends a frame built once for the whole broadcast (see prebuiltFrame). */
  sendPrebuilt(frame: PrebuiltFrame): void;
}

/** The log is folded once it reaches the snapshot's size, or this, whichever is smaller. */
const MAX_LOG_BYTES = 1024 * 1024;

/**
 * The update count a room waits for before its next compaction: `compactEvery` plus up to half
 * again, drawn anew after each snapshot. Rooms loaded together and edited at the same pace would
 * otherwise all compact in the same second (the benchmark profile found 46 within 1.3 s), and
 * every edit of that second would wait behind them.
 */
export function compactionThreshold(compactEvery: number, random: () => number = Math.random): number {
  return compactEvery + Math.floor(random() * (compactEvery / 2));
}

/** Transaction origin of the updates a room replays from storage: they are already stored. */
const LOAD_ORIGIN = Symbol('load');

export interface RoomOptions {
  docName: string;
  address: DocAddress;
  store: DocStore;
  queue: PersistQueue;
  log: RealtimeLog;
  /**
   * Fold the update log into a snapshot once at least this many updates follow it AND they add up
   * to at least the snapshot's size (see maybeCompact).
   */
  compactEvery: number;
  /** Called once if an accepted update could not be stored: the room must be dropped. */
  onPersistFailure: (room: Room, err: unknown) => void;
}

/**
 * One loaded Yjs document with its peers. The write path (SYNC50): an update applied to `doc` — by
 * a client or by the server's projector — is appended to the durable log first; only once its batch
 * is committed is it relayed to the peers. Awareness is relayed immediately and never stored.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly peers = new Set<RoomPeer>();
  /** Approximate stored size: what the doc-size limit is checked against. */
  storedBytes: number;
  private lastPersistedId: number;
  private updatesSinceSnapshot: number;
  /** Updates after the snapshot that make the next compaction due (see compactionThreshold). */
  private compactAfter: number;
  /** Bytes of the log after the snapshot, and of the snapshot: they decide when to compact. */
  private logBytes: number;
  private snapshotBytes: number;
  private readonly saves = new SaveTracker();
  private compacting: Promise<void> | null = null;
  /** Durable updates of the current batch, relayed together once the batch is done (see relay). */
  private durable: Uint8Array[] = [];
  /** The one peer that sent every update in `durable`, if so (it need not get them back); else null. */
  private durableFrom: RoomPeer | null = null;
  /** Set while `applyFrom` applies an update that can only hold what its peer sent. */
  private applyingFrom: RoomPeer | null = null;
  private failed = false;
  private destroyed = false;
  /** Who announced each awareness clientID here first (SYNC31). */
  readonly presenceOwners = new PresenceOwners();

  constructor(
    private readonly options: RoomOptions,
    stored: StoredDoc,
  ) {
    // A guid given: without one lib0 builds a random UUID, one crypto call per character — a
    // visible cost when a workshop loads 31 docs at once.
    this.doc = new Y.Doc({ gc: true, guid: options.docName });
    this.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(this.doc, u);
    }, LOAD_ORIGIN);
    this.storedBytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.length, 0);
    this.lastPersistedId = stored.lastUpdateId;
    this.updatesSinceSnapshot = stored.updates.length;
    this.compactAfter = compactionThreshold(options.compactEvery);
    this.snapshotBytes = stored.snapshot?.length ?? 0;
    this.logBytes = this.storedBytes - this.snapshotBytes;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server itself has no presence.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.doc.on('afterAllTransactions', forgetTransactions);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get docName(): string {
    return this.options.docName;
  }
  get address(): DocAddress {
    return this.options.address;
  }
  /** Accepted updates not yet durable. */
  get unsaved(): number {
    return this.saves.unsaved;
  }

  /** Resolves when every update applied so far is durable (or the room has failed). */
  whenSaved(): Promise<void> {
    return this.saves.whenSaved();
  }

  /**
   * Applies an update a peer sent. If nothing was pending in the doc before (structs or deletes
   * waiting for a missing dependency), the resulting update holds only what this peer sent, and the
   * relay does not send it back: for a member doc, whose only peer is usually its writer, that echo
   * was a socket write and a wake-up of the writer's device per edit (benchmark: 50 x 20 server CPU
   * 52 -> 41 %). Otherwise the update may complete structs another peer left pending, and every
   * peer gets it.
   */
  applyFrom(peer: RoomPeer, update: Uint8Array): void {
    const store = this.doc.store;
    this.applyingFrom = store.pendingStructs === null && store.pendingDs === null ? peer : null;
    try {
      Y.applyUpdate(this.doc, update, peer);
    } finally {
      this.applyingFrom = null;
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN || this.destroyed) return;
    const from = this.applyingFrom !== null && origin === this.applyingFrom ? this.applyingFrom : null;
    this.storedBytes += update.length;
    this.saves.issue();
    this.options.queue.append(this.options.docName, update, this.persisted, from);
  };

  /** What the queue reports for this room's updates, in the order they were appended. */
  private readonly persisted: PersistListener<RoomPeer | null> = {
    durable: (id, update, from) => {
      this.saves.settle();
      this.lastPersistedId = id;
      this.updatesSinceSnapshot++;
      this.logBytes += update.length;
      if (!this.failed) {
        // Every update of one PersistQueue batch is reported in the same loop; the relay queued
        // behind them sends them all at once.
        if (this.durable.push(update) === 1) {
          this.durableFrom = from;
          queueMicrotask(this.relay);
        } else if (this.durableFrom !== from) this.durableFrom = null;
        this.maybeCompact();
      }
      this.saves.wake();
    },
    failed: (err) => {
      this.saves.settle();
      if (!this.failed) {
        this.failed = true;
        // Not durable, so never relayed. The sender still has the edit and resends it on reconnect.
        this.options.log.error('could not store an update; dropping the room', {
          docName: this.options.docName,
          error: errorMessage(err),
        });
        this.options.onPersistFailure(this, err);
      }
      this.saves.wake();
    },
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length > 0) this.broadcast(awarenessMessage(this.awareness, changed));
  };

  /**
   * Sends this batch's durable updates to every peer as ONE message. Under load a batch holds
   * several edits of the same room, and each message costs a socket write per peer — the largest
   * item of the server's profile — so merging them makes a burst cost one write per peer instead
   * of one per edit. A peer that sent all of them is skipped (see applyFrom).
   */
  private readonly relay = (): void => {
    const updates = this.durable;
    const from = this.durableFrom;
    this.durable = [];
    this.durableFrom = null;
    if (this.failed || this.destroyed || updates.length === 0) return;
    const message = updateMessage(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
    forget(updates);
    this.broadcast(message, from);
  };

  /** Sends `message` to every peer but `except`, framed once for all of them. */
  broadcast(message: Uint8Array, except: RoomPeer | null = null): void {
    if (this.peers.size === 0 || (this.peers.size === 1 && except !== null && this.peers.has(except))) return;
    const frame = prebuiltFrame(message);
    for (const peer of this.peers) if (peer !== except) peer.sendPrebuilt(frame);
  }

  /**
   * A snapshot rewrites the whole doc (281 KB for a day-long workshop doc), so compacting every N
   * updates made a 200-byte edit cost kilobytes of writes. Waiting until the log is at least as
   * big as the snapshot bounds the snapshot writes by the log bytes already written (≤ 2× per edit)
   * and a load's replay by the snapshot's size. Unload compacts whatever is left.
   */
  private maybeCompact(): void {
    if (this.unsaved > 0 || this.updatesSinceSnapshot < this.compactAfter) return;
    // Capped, so a multi-megabyte doc's log does not double its stored size (the doc-size limit
    // counts snapshot + log).
    if (this.logBytes < Math.min(this.snapshotBytes, MAX_LOG_BYTES)) return;
    this.options.queue.defer(this, () => this.compact());
  }

  /**
   * Replaces the snapshot with the live state. Any state that contains every stored update up to
   * `lastPersistedId` is a valid snapshot (Yjs updates are idempotent), so this needs no lock
   * against concurrent edits.
   */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    if (this.updatesSinceSnapshot === 0 || this.failed || this.destroyed) return Promise.resolve();
    const state = Y.encodeStateAsUpdate(this.doc);
    const through = this.lastPersistedId;
    const folded = this.updatesSinceSnapshot;
    const foldedBytes = this.logBytes;
    this.compacting = this.options.store
      .compact(this.options.docName, state, through)
      .then(
        () => {
          this.updatesSinceSnapshot -= folded;
          this.compactAfter = compactionThreshold(this.options.compactEvery);
          // Updates stored while this ran stay in the log (and in storedBytes).
          this.logBytes -= foldedBytes;
          this.storedBytes += state.length - this.snapshotBytes - foldedBytes;
          this.snapshotBytes = state.length;
        },
        (err) => {
          // The log is still complete; compaction simply retries later.
          this.options.log.error('compaction failed', {
            docName: this.options.docName,
            error: errorMessage(err),
          });
        },
      )
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  /** Removes a peer's presence (it disconnected). */
  removePeer(peer: RoomPeer): void {
    this.peers.delete(peer);
    if (peer.ownedClientId !== null) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [peer.ownedClientId], 'disconnect');
    }
  }

  isClaimed(clientId: number, by: RoomPeer): boolean {
    for (const p of this.peers) if (p !== by && p.ownedClientId === clientId) return true;
    return false;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.doc.off('update', this.onDocUpdate);
    this.doc.off('afterAllTransactions', forgetTransactions);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }
}
