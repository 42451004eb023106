import { writeStamp } from './inStepStamp';
import { PROJECTION_ORIGIN, type ProjectorContext } from './projectorContext';
import { projectReactionCounts } from './projectReactionCounts';

/**
 * The in-step bookkeeping of lazy member docs (SYNC60): every write keeps the workshop doc's stamp
 * saying exactly whether the doc holds what every contributor's doc projects to (`ctx.trusted`,
 * `ctx.failed`), and asks for the missing docs when it needs them.
 */

/** Every projector write: the change, then the in-step bookkeeping in the same transaction. */
export function write(ctx: ProjectorContext, fn: () => void): void {
  ctx.workshopDoc.transact(() => {
    try {
      fn();
    } catch (err) {
      ctx.failed = true;
      ctx.trusted = false;
      writeStamp(ctx.map('projection'), null);
      throw err;
    }
    settle(ctx);
  }, PROJECTION_ORIGIN);
}

/** Every contributor's doc is attached (always so without lazy member docs). */
export function complete(ctx: ProjectorContext): boolean {
  if (ctx.requestAllMembers === null) return true;
  for (const id of ctx.facts.contributorIds) if (!ctx.attached.has(id)) return false;
  return true;
}

/**
 * Ends every write: once all contributors are attached, does what waited for them (reaction
 * counts) and trusts the doc again; keeps the stamp saying exactly whether the doc is in step; and
 * asks for the missing docs while it is not.
 */
function settle(ctx: ProjectorContext): void {
  const everyone = complete(ctx);
  if (everyone && !ctx.trusted) {
    projectReactionCounts(ctx);
    ctx.trusted = true;
  }
  writeStamp(ctx.map('projection'), ctx.trusted && !ctx.failed ? ctx.factsStamp : null);
  if (!everyone && !ctx.trusted) ctx.requestAllMembers?.();
}

/**
 * Reaction counts add up every contributor's reactions. With some docs missing they wait, and the
 * doc stops being trusted; once everyone is attached, settle recounts them all at once.
 */
export function recountReactions(ctx: ProjectorContext, only?: ReadonlySet<string>): void {
  if (!complete(ctx)) ctx.trusted = false;
  else if (ctx.trusted) projectReactionCounts(ctx, only);
}
