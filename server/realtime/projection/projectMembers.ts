import type { WorkshopMember } from '../../../shared/docs/workshopDoc';
import { AnonymityMode } from '../../../shared/domain';
import type { WorkshopFacts } from './loadFacts';

/** Perspectives held by fewer members than this are shown as OTHER_PERSPECTIVE in anonymous modes. */
export const MIN_PERSPECTIVE_GROUP = 3;
export const OTHER_PERSPECTIVE = 'Other';

/**
 * PROJ4: whether names stay on the server. `anonymous` always; `anonymous-while-rating` as long as the
 * workshop is open (names appear once it is finalized). Per-dimension naming after lock was rejected:
 * the members map is shared by every dimension, so a name shown for one would unmask all the others.
 */
export function hidesNames(facts: Pick<WorkshopFacts, 'meta'>): boolean {
  const { anonymity, status } = facts.meta;
  return (
    anonymity === AnonymityMode.anonymous ||
    (anonymity === AnonymityMode.anonymousWhileRating && status === 'open')
  );
}

/**
 * The members map. In anonymous modes a member is their pseudonym, and a perspective fewer than
 * three raters hold becomes "Other" — a lone registrar's "anonymous" rating is otherwise theirs for
 * all to see. Only raters (not removed, not observers) count toward a perspective's group, because
 * only their ratings appear grouped by perspective.
 */
export function projectMembers(facts: WorkshopFacts): Map<string, WorkshopMember> {
  const anonymous = hidesNames(facts);
  const groupSize = new Map<string, number>();
  for (const m of facts.members) {
    if (m.removedAt === null && m.role !== 'observer')
      groupSize.set(m.perspective, (groupSize.get(m.perspective) ?? 0) + 1);
  }
  const out = new Map<string, WorkshopMember>();
  for (const m of facts.members) {
    const small = (groupSize.get(m.perspective) ?? 0) < MIN_PERSPECTIVE_GROUP;
    out.set(m.id, {
      name: anonymous ? m.pseudonym : m.displayName,
      perspective: anonymous && small ? OTHER_PERSPECTIVE : m.perspective,
      role: m.role,
      removed: m.removedAt !== null,
    });
  }
  return out;
}
