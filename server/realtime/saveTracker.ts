/**
 * A room's saves: how many of its updates were handed to the PersistQueue and how many the queue has
 * settled (stored or failed), and the `whenSaved` callers waiting for them. The queue settles a
 * room's updates in the order they were handed over, so a caller is done once the settled count
 * reaches the issued count at the time it asked.
 */
export class SaveTracker {
  private issued = 0;
  private settled = 0;
  private readonly waiters: Array<{ through: number; resolve: () => void }> = [];

  /** Updates handed over and not settled yet. */
  get unsaved(): number {
    return this.issued - this.settled;
  }

  issue(): void {
    this.issued++;
  }

  /** One more update settled; call `wake` once what depends on it is done. */
  settle(): void {
    this.settled++;
  }

  /** Resolves every caller whose updates have all settled, oldest first. */
  wake(): void {
    const waiters = this.waiters;
    while (waiters.length > 0 && waiters[0]!.through <= this.settled) waiters.shift()!.resolve();
  }

  /** Resolves once every update handed over before this call has settled. */
  whenSaved(): Promise<void> {
    if (this.settled === this.issued) return ALREADY;
    return new Promise((resolve) => this.waiters.push({ through: this.issued, resolve }));
  }
}

const ALREADY: Promise<void> = Promise.resolve();
