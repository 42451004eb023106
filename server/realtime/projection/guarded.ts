import type { ProjectorContext } from './projectorContext';

/** Runs a projection step; a bug or bad row must not throw into the transport's update handling. */
export function guarded(ctx: ProjectorContext, what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    ctx.log.warn(`${what} failed`, {
      workshopId: ctx.workshopId,
      error: err instanceof Error ? err.message : String(err),
    });
  }
}
