import {
  type DimensionState,
  dimensionMemberKey,
  type FirstRoundRating,
  type WorkshopMeta,
} from '../../../shared/docs/workshopDoc';
import type { WorkshopFacts } from './loadFacts';

/** The database-owned maps other than members: meta, dimensions, firstRound, consensus, focus. */
export function projectMeta(facts: WorkshopFacts): Map<string, WorkshopMeta[keyof WorkshopMeta]> {
  return new Map(Object.entries(facts.meta) as Array<[string, WorkshopMeta[keyof WorkshopMeta]]>);
}

export function projectDimensions(facts: WorkshopFacts): Map<string, DimensionState> {
  const out = new Map<string, DimensionState>();
  for (const id of facts.rules.dimensionIds) {
    const reveal = facts.reveals.get(id);
    const phase = facts.locked.has(id) ? 'locked' : reveal ? 'revealed' : 'rating';
    out.set(id, { phase, revealedAt: reveal?.revealedAt ?? null });
  }
  return out;
}

/** First-round ratings of current members; a removed member's leave with them (unless frozen, PROJ3). */
export function projectFirstRound(facts: WorkshopFacts): Map<string, FirstRoundRating> {
  const out = new Map<string, FirstRoundRating>();
  for (const [dimensionId, reveal] of facts.reveals) {
    for (const [memberId, stage] of Object.entries(reveal.firstRound)) {
      if (facts.contributorIds.has(memberId)) out.set(dimensionMemberKey(dimensionId, memberId), { stage });
    }
  }
  return out;
}

export function projectFocus(facts: WorkshopFacts): Map<string, string | number | null> {
  return new Map<string, string | number | null>([
    ['spotlight', facts.focus.spotlight],
    ['timerEndsAt', facts.focus.timerEndsAt],
    ['timerLabel', facts.focus.timerLabel],
  ]);
}
