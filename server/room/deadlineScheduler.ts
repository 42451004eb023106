import { eq } from 'drizzle-orm';
import { workshops } from '../db/schema';
import { readSettings } from '../workshops/settings';
import { type DeadlineRevealDeps, revealAtDeadline } from './deadlineReveal';

/** setTimeout's longest delay (~24.8 days); a later deadline is reached by re-arming. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface DeadlineSchedulerDeps extends DeadlineRevealDeps {
  /** Where a failed reveal is reported; the deadline is tried again at the next start. */
  onError: (workshopId: string, err: unknown) => void;
}

/**
 * Keeps one timer per open workshop with a rating deadline and reveals at it (ROOM12). `start`
 * arms every stored deadline — one that passed while the server was down fires at once — and the
 * workshop routes call `set` whenever a deadline is created, moved or cleared.
 */
export class DeadlineScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly deps: DeadlineSchedulerDeps) {}

  start(): void {
    const open = this.deps.database.db
      .select({ id: workshops.id, settings: workshops.settings })
      .from(workshops)
      .where(eq(workshops.status, 'open'))
      .all();
    for (const w of open) this.set(w.id, readSettings(w.settings).ratingDeadline);
  }

  /** The workshop's deadline is now `deadline`; null clears it. */
  set(workshopId: string, deadline: number | null): void {
    clearTimeout(this.timers.get(workshopId));
    this.timers.delete(workshopId);
    if (deadline === null || this.stopped) return;
    const delay = Math.min(Math.max(0, deadline - this.deps.now()), MAX_TIMER_MS);
    const timer = setTimeout(() => {
      this.timers.delete(workshopId);
      if (this.deps.now() < deadline) this.set(workshopId, deadline);
      else this.fire(workshopId);
    }, delay);
    // A pending deadline must not keep the process alive.
    timer.unref();
    this.timers.set(workshopId, timer);
  }

  /** Deadlines with a timer armed (tests). */
  get armed(): number {
    return this.timers.size;
  }

  /** Clears every timer and waits for reveals already running, so the database can close after. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private fire(workshopId: string): void {
    if (this.stopped) return;
    const run = revealAtDeadline(this.deps, workshopId)
      .catch((err) => this.deps.onError(workshopId, err))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }
}
