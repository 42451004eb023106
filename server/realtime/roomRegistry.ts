import { CloseCode } from '../../shared/protocol';
import type { Connection } from './connection';
import { errorMessage, type RealtimeLog } from './log';
import type { Room } from './room';
import { type GroupDeps, WorkshopGroup } from './workshopGroup';

interface Entry {
  loading: Promise<WorkshopGroup>;
  group: WorkshopGroup | null;
  connections: Set<Connection>;
  unloading: boolean;
}

/**
 * Loaded workshops by id (SYNC60–SYNC63). A workshop loads when its first connection arrives; two
 * connections arriving together share one load. It unloads when its last connection has left AND
 * every accepted update is durable — a connection arriving during that wait keeps it loaded.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly unloads = new Set<Promise<void>>();

  constructor(
    private readonly deps: Omit<GroupDeps, 'onPersistFailure'>,
    private readonly log: RealtimeLog,
  ) {}

  /** Adds the connection to its room, loading as needed. Never throws: failures close the connection. */
  async join(conn: Connection): Promise<void> {
    const { workshopId } = conn.address;
    let entry = this.entries.get(workshopId);
    if (!entry) {
      const created: Entry = { loading: null as never, group: null, connections: new Set(), unloading: false };
      created.loading = WorkshopGroup.load(workshopId, {
        ...this.deps,
        onPersistFailure: (group, err) => this.fail(group, err),
      }).then((group) => {
        created.group = group;
        return group;
      });
      entry = created;
      this.entries.set(workshopId, entry);
    }
    entry.connections.add(conn);
    let room: Room;
    try {
      const group = await entry.loading;
      room = await group.room(conn.address);
    } catch (err) {
      this.log.error('room load failed', { docName: conn.docName, error: errorMessage(err) });
      if (this.entries.get(workshopId) === entry && !entry.group) this.entries.delete(workshopId);
      entry.connections.delete(conn);
      conn.close(CloseCode.internalError);
      return;
    }
    if (conn.isClosed) {
      this.leave(conn);
      return;
    }
    conn.attach(room);
  }

  /** The connection closed: unload its workshop if nobody is left. */
  leave(conn: Connection): void {
    const entry = this.entries.get(conn.address.workshopId);
    if (!entry?.connections.delete(conn)) return;
    if (entry.connections.size === 0) this.scheduleUnload(conn.address.workshopId, entry);
  }

  private scheduleUnload(workshopId: string, entry: Entry): void {
    if (entry.unloading) return;
    entry.unloading = true;
    const unload = (async () => {
      try {
        const group = await entry.loading.catch(() => null);
        if (!group) return;
        // Wait until nothing is pending, then fold the log; re-check after every await, because a
        // connection may have arrived (it keeps the group) or new updates may be in flight.
        while (entry.connections.size === 0 && (group.unsaved > 0 || group.loadingMembers > 0)) {
          await group.whenSaved();
          await Promise.resolve();
        }
        if (entry.connections.size > 0) return;
        await Promise.all(group.rooms().map((r) => r.compact()));
        if (entry.connections.size > 0 || group.unsaved > 0 || group.loadingMembers > 0) {
          // Someone came back, or something new arrived: try again when they leave.
          if (entry.connections.size === 0) queueMicrotask(() => this.scheduleUnload(workshopId, entry));
          return;
        }
        if (this.entries.get(workshopId) === entry) this.entries.delete(workshopId);
        group.destroy();
        this.log.debug('workshop unloaded', { workshopId });
      } catch (err) {
        this.log.error('unload failed', { workshopId, error: errorMessage(err) });
      } finally {
        entry.unloading = false;
      }
    })();
    this.unloads.add(unload);
    unload.finally(() => this.unloads.delete(unload));
  }

  /** An update could not be stored: close every connection of the workshop and drop it unsaved. */
  private fail(group: WorkshopGroup, err: unknown): void {
    const entry = this.entries.get(group.workshopId);
    if (!entry || entry.group !== group) return;
    this.log.error('dropping workshop after a storage failure', { workshopId: group.workshopId, error: errorMessage(err) });
    this.entries.delete(group.workshopId);
    for (const conn of [...entry.connections]) conn.close(CloseCode.internalError);
    group.destroy();
  }

  group(workshopId: string): WorkshopGroup | null {
    return this.entries.get(workshopId)?.group ?? null;
  }

  connectionsOf(workshopId: string): Connection[] {
    return [...(this.entries.get(workshopId)?.connections ?? [])];
  }

  allConnections(): Connection[] {
    return [...this.entries.values()].flatMap((e) => [...e.connections]);
  }

  /** Counters for tests and health: nothing may be left behind after clients leave. */
  stats(): { workshops: number; rooms: number; connections: number; peers: number; unloading: number } {
    let rooms = 0;
    let peers = 0;
    let connections = 0;
    for (const e of this.entries.values()) {
      connections += e.connections.size;
      for (const r of e.group?.rooms() ?? []) {
        rooms++;
        peers += r.peers.size;
      }
    }
    return { workshops: this.entries.size, rooms, connections, peers, unloading: this.unloads.size };
  }

  /** Shutdown: wait for pending unloads, then save and drop everything still loaded. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.unloads]);
    for (const [id, entry] of [...this.entries]) {
      const group = await entry.loading.catch(() => null);
      if (group) {
        await group.whenSaved();
        await Promise.all(group.rooms().map((r) => r.compact()));
        group.destroy();
      }
      this.entries.delete(id);
    }
  }
}
