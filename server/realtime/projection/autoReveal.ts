import { MemberDoc } from '../../../shared/docs/memberDoc';
import { dimensionMemberKey } from '../../../shared/docs/workshopDoc';
import { revealDimensions } from '../../room/reveal';
import { guarded } from './guarded';
import { complete } from './inStepBookkeeping';
import type { ProjectorContext } from './projectorContext';

/**
 * PROJ7: with auto-reveal on, a dimension every active participant has rated is revealed as a
 * server action (revealedBy null, audited) through the same code as the facilitator's reveal.
 * With no participants nothing is ever auto-revealed: "everyone rated" would be vacuously true.
 * `refreshFacts` is the projector's own: the reveal changed the database.
 */
export function maybeAutoReveal(ctx: ProjectorContext, refreshFacts: () => void): void {
  const { facts } = ctx;
  if (ctx.revealing || ctx.destroyed || !facts.settings.autoReveal || facts.meta.status !== 'open') return;
  const participants = facts.members
    .filter((m) => m.removedAt === null && m.role === 'participant')
    .map((m) => m.id);
  if (participants.length === 0) return;
  const rated = ctx.map('rated');
  const ready = facts.rules.dimensionIds.filter(
    (d) =>
      !facts.reveals.has(d) &&
      !facts.locked.has(d) &&
      participants.every((p) => rated.get(dimensionMemberKey(d, p)) === true),
  );
  if (ready.length === 0) return;
  // The reveal keeps everyone's current rating as the first round: it waits for every doc (the
  // last one attached runs this again).
  if (!complete(ctx)) {
    ctx.requestAllMembers?.();
    return;
  }
  ctx.revealing = true;
  guarded(ctx, 'auto-reveal', () => {
    revealDimensions(ctx.db, {
      workshopId: ctx.workshopId,
      dimensionIds: ready,
      actor: null,
      now: ctx.now(),
      currentRatings: currentRatings(ctx),
      rules: facts.rules,
    });
    refreshFacts();
  });
  ctx.revealing = false;
}

function currentRatings(ctx: ProjectorContext) {
  return new Map(
    [...ctx.attached].map(([memberId, { doc }]) => [memberId, new MemberDoc(doc).validRatings()]),
  );
}
