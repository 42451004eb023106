/**
 * Empties an array the code is done with by overwriting its entries, so it stops pointing at what
 * they held. Why not just drop it: an array that lived long enough to be promoted to V8's old
 * generation, and then received young entries, keeps them alive through every young-generation GC
 * until the next full one, dead or not — a scavenge treats every recorded old-to-young pointer as a
 * root. A member doc edited every few seconds is exactly that case (docs/benchmarks.md item 29).
 */
export function forget(items: unknown[]): void {
  items.fill(null);
}
