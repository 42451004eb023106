import type { DocStore, PendingUpdate } from './docStore';

/**
 * Batches every update accepted in one event-loop turn into one DocStore transaction. `append`
 * resolves with the update's id once it is durable; callers relay the update only then, so nothing
 * anyone has seen can be lost to a crash. Batches are written strictly in order.
 */
export class PersistQueue {
  private batch: Array<PendingUpdate & { resolve: (id: number) => void; reject: (err: unknown) => void }> = [];
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  /** Background writes (compactions) waiting for their turn, by who asked; see `defer`. */
  private readonly deferred = new Map<object, () => Promise<void>>();
  private deferredScheduled = false;

  constructor(private readonly store: DocStore) {}

  append(docName: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.batch.push({ docName, update, resolve, reject });
      this.inFlight++;
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after the poll phase: every socket message read in this turn joins the batch.
        setImmediate(() => this.write());
      }
    });
  }

  /** Updates accepted but not yet durable. */
  get pending(): number {
    return this.inFlight;
  }

  /** Resolves when everything appended so far is durable (or has failed). */
  flush(): Promise<void> {
    if (this.scheduled) this.write();
    return this.chain;
  }

  /**
   * Runs background work — a room's compaction — later, one task per event-loop turn, after the
   * sockets of that turn were read. The benchmark's profile showed why: every room of a busy
   * server reaches its compaction threshold at about the same time, and compacting 50 of them in
   * one turn held every relayed update back for 100+ ms. A key asked for again before its task
   * ran still runs once.
   */
  defer(key: object, task: () => Promise<void>): void {
    this.deferred.set(key, task);
    if (!this.deferredScheduled) {
      this.deferredScheduled = true;
      setImmediate(this.runDeferred);
    }
  }

  private readonly runDeferred = (): void => {
    const next = this.deferred.entries().next();
    if (next.done) {
      this.deferredScheduled = false;
      return;
    }
    const [key, task] = next.value;
    this.deferred.delete(key);
    // A task reports its own failures (Room.compact logs and retries later).
    void task()
      .catch(() => undefined)
      .finally(() => setImmediate(this.runDeferred));
  };

  private write(): void {
    if (!this.scheduled) return;
    this.scheduled = false;
    const batch = this.batch;
    this.batch = [];
    this.chain = this.chain.then(async () => {
      try {
        const ids = await this.store.appendUpdates(batch);
        for (const [i, b] of batch.entries()) b.resolve(ids[i]!);
      } catch (err) {
        for (const b of batch) b.reject(err);
      } finally {
        this.inFlight -= batch.length;
      }
    });
  }
}
