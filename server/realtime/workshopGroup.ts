import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Rubric } from '../../rubric/schema';
import { type DocAddress, memberDocName, workshopDocName } from '../../shared/docNames';
import type { Db } from '../db/client';
import { members } from '../db/schema';
import type { DocStore, StoredDoc } from './docStore';
import type { RealtimeLog } from './log';
import type { PersistQueue } from './persistQueue';
import type { ProjectorFactory, ProjectorLike } from './projectorPort';
import { rebaseStoredDoc } from './rebase';
import { Room, type RoomOptions } from './room';

export interface GroupDeps {
  db: Db;
  rubrics: ReadonlyMap<string, Rubric>;
  now: () => number;
  store: DocStore;
  queue: PersistQueue;
  log: RealtimeLog;
  compactEvery: number;
  /** Re-base the workshop doc at load once it holds this many tombstones, and more than live items (SYNC64). */
  rebaseAfterTombstones: number;
  /** The size limit of a document (WS_MAX_DOC_BYTES): the projector's writes respect it too (PROJ11). */
  maxDocBytes: number;
  createProjector: ProjectorFactory;
  onPersistFailure: (group: WorkshopGroup, err: unknown) => void;
}

/** Members whose own docs feed the workshop doc: active facilitators and participants. */
function contributorIds(db: Db, workshopId: string): string[] {
  return db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workshopId, workshopId), isNull(members.removedAt), ne(members.role, 'observer')))
    .all()
    .map((m) => m.id);
}

/**
 * A workshop's documents (SYNC60): the workshop doc, the member docs loaded so far, and the
 * projector that keeps the first in step with the others. The workshop doc loads first and alone
 * when its stored state is in step with every member's doc (its stamp, see inStepStamp.ts); a member
 * doc loads when its owner connects, or all of them when the projector asks (reaction counts, a
 * reveal, facts that change what members project to, a doc not in step). A member doc is only ever
 * edited through its own room, so every edit is projected.
 */
export class WorkshopGroup {
  readonly workshopRoom: Room;
  private readonly memberRooms = new Map<string, Room>();
  private readonly memberLoads = new Map<string, Promise<Room>>();
  /** Loading every contributor's doc, when the projector asked for them. */
  private allMembersLoading: Promise<void> | null = null;
  private projector: ProjectorLike | null = null;
  private destroyed = false;
  /** Connections counted across all rooms of the group. */
  connections = 0;

  private constructor(
    readonly workshopId: string,
    private readonly deps: GroupDeps,
    stored: StoredDoc,
  ) {
    this.workshopRoom = new Room(this.roomOptions({ kind: 'workshop', workshopId }), stored);
  }

  static async load(workshopId: string, deps: GroupDeps): Promise<WorkshopGroup> {
    const docName = workshopDocName(workshopId);
    const stored = await deps.store.load(docName);
    let group = new WorkshopGroup(workshopId, deps, stored);
    // Nobody is attached before the load resolves, and only the projector (not created yet) writes
    // the workshop doc: the one moment a re-base cannot race a reader or a write.
    const rebased = await rebaseStoredDoc(group.workshopRoom.doc, stored, {
      store: deps.store,
      docName,
      minTombstones: deps.rebaseAfterTombstones,
      log: deps.log,
    });
    if (rebased) {
      group.destroy();
      group = new WorkshopGroup(workshopId, deps, rebased);
    }
    try {
      group.projector = deps.createProjector({
        db: deps.db,
        rubrics: deps.rubrics,
        now: deps.now,
        workshopId,
        workshopDoc: group.workshopRoom.doc,
        // Called inside the projector's transaction, possibly before `group.projector` is set: the
        // load itself is asynchronous, so the docs attach after both have returned.
        requestAllMembers: () => void group.loadAllMembers().catch(() => {}),
        // What is stored, history since the last compaction included: the measure clients' writes
        // are held to (connection.ts), and what a reader's first sync can grow to.
        isFull: () => group.workshopRoom.storedBytes >= deps.maxDocBytes,
      });
    } catch (err) {
      group.destroy();
      throw err;
    }
    // A stored doc not in step (first load after an upgrade, a crash before a deferred recount)
    // asked for every member's doc: the group is ready only once they are projected.
    try {
      if (group.allMembersLoading) await group.allMembersLoading;
    } catch (err) {
      group.destroy();
      throw err;
    }
    return group;
  }

  /** The room of a doc of this workshop, loading a member's doc on first use. */
  async room(address: DocAddress): Promise<Room> {
    if (address.kind === 'workshop') return this.workshopRoom;
    const loaded = this.memberRooms.get(address.memberId);
    if (loaded) return loaded;
    let loading = this.memberLoads.get(address.memberId);
    if (!loading) {
      const memberId = address.memberId;
      loading = this.deps.store
        .load(memberDocName(this.workshopId, memberId))
        .then((stored) => this.addMemberRoom(memberId, stored));
      this.trackMemberLoad(memberId, loading);
    }
    return loading;
  }

  /**
   * Loads every contributor's doc not loaded yet, in one store call, and attaches each to the
   * projector; the last one attached lets it finish what it deferred. Concurrent calls share one load.
   */
  loadAllMembers(): Promise<void> {
    if (this.allMembersLoading) return this.allMembersLoading;
    const run = (async () => {
      const ids = contributorIds(this.deps.db, this.workshopId);
      const todo = ids.filter((id) => !this.memberRooms.has(id) && !this.memberLoads.has(id));
      const stored = await this.deps.store.loadMany(todo.map((id) => memberDocName(this.workshopId, id)));
      todo.forEach((id, i) => {
        this.addMemberRoom(id, stored[i]!);
      });
      // Members whose own connection was loading their doc at the same time.
      await Promise.all(ids.map((id) => this.memberLoads.get(id)));
    })();
    const loading = run.finally(() => {
      this.allMembersLoading = null;
    });
    this.allMembersLoading = loading;
    return loading;
  }

  private trackMemberLoad(memberId: string, loading: Promise<Room>): void {
    loading.finally(() => this.memberLoads.delete(memberId)).catch(() => {});
    this.memberLoads.set(memberId, loading);
  }

  /** Creates a loaded member doc's room and attaches it; the first room of a member wins. */
  private addMemberRoom(memberId: string, stored: StoredDoc): Room {
    const existing = this.memberRooms.get(memberId);
    if (existing) return existing;
    if (this.destroyed) throw new Error(`workshop ${this.workshopId} was unloaded while a member doc loaded`);
    const room = new Room(
      this.roomOptions({ kind: 'member', workshopId: this.workshopId, memberId }),
      stored,
    );
    this.memberRooms.set(memberId, room);
    this.projector?.attachMemberDoc(memberId, room.doc);
    return room;
  }

  private roomOptions(address: DocAddress): RoomOptions {
    const { store, queue, log, compactEvery, onPersistFailure } = this.deps;
    return {
      docName:
        address.kind === 'workshop'
          ? workshopDocName(address.workshopId)
          : memberDocName(address.workshopId, address.memberId),
      address,
      store,
      queue,
      log,
      compactEvery,
      onPersistFailure: (_room, err) => onPersistFailure(this, err),
    };
  }

  rooms(): Room[] {
    return [this.workshopRoom, ...this.memberRooms.values()];
  }

  memberRoom(memberId: string): Room | undefined {
    return this.memberRooms.get(memberId);
  }

  get loadingMembers(): number {
    return this.memberLoads.size + (this.allMembersLoading ? 1 : 0);
  }

  /**
   * Re-projects the database's facts. Resolves once the workshop doc reflects them — after every
   * member's doc was loaded, if the new facts change what members project to.
   */
  async refreshFacts(): Promise<void> {
    this.projector?.refreshFacts();
    if (this.allMembersLoading) await this.allMembersLoading;
  }

  /** Every room's accepted updates are durable. */
  async whenSaved(): Promise<void> {
    await Promise.all(this.rooms().map((r) => r.whenSaved()));
  }

  get unsaved(): number {
    return this.rooms().reduce((n, r) => n + r.unsaved, 0);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.projector) {
      for (const memberId of this.memberRooms.keys()) this.projector.detachMemberDoc(memberId);
      this.projector.destroy();
      this.projector = null;
    }
    for (const room of this.rooms()) room.destroy();
  }
}
