import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Rubric } from '../../rubric/schema';
import { type DocAddress, memberDocName, workshopDocName } from '../../shared/docNames';
import type { Db } from '../db/client';
import { members } from '../db/schema';
import type { DocStore } from './docStore';
import type { RealtimeLog } from './log';
import type { PersistQueue } from './persistQueue';
import type { ProjectorFactory, ProjectorLike } from './projectorPort';
import { Room } from './room';

export interface GroupDeps {
  db: Db;
  rubrics: ReadonlyMap<string, Rubric>;
  now: () => number;
  store: DocStore;
  queue: PersistQueue;
  log: RealtimeLog;
  compactEvery: number;
  createProjector: ProjectorFactory;
  onPersistFailure: (group: WorkshopGroup, err: unknown) => void;
}

/**
 * A workshop's documents loaded together (SYNC60): the workshop doc, every active non-observer
 * member's own doc, and the projector that keeps the first in step with the others. Loading them as
 * one unit means a member-doc edit is always projected, whichever doc the editor has open.
 */
export class WorkshopGroup {
  readonly workshopRoom: Room;
  private readonly memberRooms = new Map<string, Room>();
  private readonly memberLoads = new Map<string, Promise<Room>>();
  private projector: ProjectorLike | null = null;
  /** Connections counted across all rooms of the group. */
  connections = 0;

  private constructor(
    readonly workshopId: string,
    private readonly deps: GroupDeps,
    workshopRoom: Room,
  ) {
    this.workshopRoom = workshopRoom;
  }

  static async load(workshopId: string, deps: GroupDeps): Promise<WorkshopGroup> {
    const name = workshopDocName(workshopId);
    const memberIds = deps.db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.workshopId, workshopId), isNull(members.removedAt), ne(members.role, 'observer')))
      .all()
      .map((m) => m.id);
    // One store round trip for all of them: per-doc queries were most of a big workshop's load time.
    const [stored, ...memberStored] = await deps.store.loadMany([
      name,
      ...memberIds.map((id) => memberDocName(workshopId, id)),
    ]);
    let group: WorkshopGroup | null = null;
    const roomOptions = (docName: string, address: DocAddress) => ({
      docName,
      address,
      store: deps.store,
      queue: deps.queue,
      log: deps.log,
      compactEvery: deps.compactEvery,
      onPersistFailure: (_room: Room, err: unknown) => {
        if (group) deps.onPersistFailure(group, err);
      },
    });
    group = new WorkshopGroup(workshopId, deps, new Room(roomOptions(name, { kind: 'workshop', workshopId }), stored!));
    memberIds.forEach((memberId, i) => {
      group.memberRooms.set(
        memberId,
        new Room(
          roomOptions(memberDocName(workshopId, memberId), { kind: 'member', workshopId, memberId }),
          memberStored[i]!,
        ),
      );
    });
    try {
      group.projector = deps.createProjector({
        db: deps.db,
        rubrics: deps.rubrics,
        now: deps.now,
        workshopId,
        workshopDoc: group.workshopRoom.doc,
      });
      for (const [memberId, room] of group.memberRooms) group.projector.attachMemberDoc(memberId, room.doc);
    } catch (err) {
      group.destroy();
      throw err;
    }
    return group;
  }

  /** The room of a doc of this workshop, loading a member doc that joined after the group loaded. */
  async room(address: DocAddress): Promise<Room> {
    if (address.kind === 'workshop') return this.workshopRoom;
    const loaded = this.memberRooms.get(address.memberId);
    if (loaded) return loaded;
    let loading = this.memberLoads.get(address.memberId);
    if (!loading) {
      const name = memberDocName(this.workshopId, address.memberId);
      loading = this.deps.store.load(name).then((stored) => {
        const existing = this.memberRooms.get(address.memberId);
        if (existing) return existing;
        const room = new Room(
          {
            docName: name,
            address,
            store: this.deps.store,
            queue: this.deps.queue,
            log: this.deps.log,
            compactEvery: this.deps.compactEvery,
            onPersistFailure: (_r, err) => this.deps.onPersistFailure(this, err),
          },
          stored,
        );
        this.memberRooms.set(address.memberId, room);
        this.projector?.attachMemberDoc(address.memberId, room.doc);
        return room;
      });
      loading.finally(() => this.memberLoads.delete(address.memberId)).catch(() => {});
      this.memberLoads.set(address.memberId, loading);
    }
    return loading;
  }

  rooms(): Room[] {
    return [this.workshopRoom, ...this.memberRooms.values()];
  }

  memberRoom(memberId: string): Room | undefined {
    return this.memberRooms.get(memberId);
  }

  get loadingMembers(): number {
    return this.memberLoads.size;
  }

  refreshFacts(): void {
    this.projector?.refreshFacts();
  }

  /** Every room's accepted updates are durable. */
  async whenSaved(): Promise<void> {
    await Promise.all(this.rooms().map((r) => r.whenSaved()));
  }

  get unsaved(): number {
    return this.rooms().reduce((n, r) => n + r.unsaved, 0);
  }

  destroy(): void {
    if (this.projector) {
      for (const memberId of this.memberRooms.keys()) this.projector.detachMemberDoc(memberId);
      this.projector.destroy();
      this.projector = null;
    }
    for (const room of this.rooms()) room.destroy();
  }
}
