import type { DocStore, PendingUpdate } from './docStore';

/**
 * Told what became of each appended update, in the order of `append`. One listener per room, not a
 * promise per update: the promise, its two callbacks and the promise `then` made of them were
 * allocated for every stored update, two per edit (docs/benchmarks.md item 32).
 */
export interface PersistListener<C> {
  /** `update`, appended with `context`, is durable and has the log id `id`. */
  durable(id: number, update: Uint8Array, context: C): void;
  /** The batch holding the update could not be stored; nothing of it is durable. */
  failed(err: unknown): void;
}

interface Queued extends PendingUpdate {
  listener: PersistListener<unknown>;
  context: unknown;
}

/**
 * Batches every update accepted in one event-loop turn into one DocStore transaction. Each update's
 * listener hears once it is durable; callers relay the update only then, so nothing anyone has seen
 * can be lost to a crash. Batches are written strictly in order.
 */
export class PersistQueue {
  private batch: Queued[] = [];
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  /** Background writes (compactions) waiting for their turn, by who asked; see `defer`. */
  private readonly deferred = new Map<object, () => Promise<void>>();
  private deferredScheduled = false;

  constructor(private readonly store: DocStore) {}

  append<C>(docName: string, update: Uint8Array, listener: PersistListener<C>, context: C): void {
    this.batch.push({ docName, update, listener: listener as PersistListener<unknown>, context });
    this.inFlight++;
    if (!this.scheduled) {
      this.scheduled = true;
      // setImmediate runs after the poll phase: every socket message read in this turn joins the batch.
      setImmediate(() => this.write());
    }
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
      let ids: number[];
      try {
        ids = await this.store.appendUpdates(batch);
      } catch (err) {
        this.inFlight -= batch.length;
        for (const b of batch) {
          try {
            b.listener.failed(err);
          } catch (thrown) {
            rethrowLater(thrown);
          }
        }
        return;
      }
      this.inFlight -= batch.length;
      for (let i = 0; i < batch.length; i++) {
        const b = batch[i]!;
        try {
          b.listener.durable(ids[i]!, b.update, b.context);
        } catch (thrown) {
          rethrowLater(thrown);
        }
      }
    });
  }
}

/**
 * A listener's exception must not stop the queue (the chain has later batches to write), nor the
 * other listeners of the batch. It is rethrown on its own, as an uncaught exception — how an
 * exception in the promise callback that a listener replaces used to surface.
 */
function rethrowLater(err: unknown): void {
  queueMicrotask(() => {
    throw err;
  });
}
