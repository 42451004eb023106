import { AnonymityMode } from '../../shared/domain';
import { mergeSmallPerspectives } from '../../shared/stats/spread';
import type { MemberRow } from '../workshops/access';

/**
 * How the report names people (docs/report.md, REPORT1–REPORT3):
 * - REPORT1: only a `named` workshop's report carries display names. In `anonymous` and
 *   `anonymous-while-rating` workshops every export uses the member's stable pseudonym — the report
 *   outlives the rating phase and is forwarded outside the team, so "names after lock" is not enough.
 * - REPORT2: in those modes a perspective held by fewer than three members is shown as "Other", so
 *   "the only registrar" cannot be singled out from the heatmap or the rating rows.
 */
export interface PeopleView {
  named: boolean;
  label(memberId: string): string;
  perspective(memberId: string): string;
}

export function peopleView(anonymity: string, members: readonly MemberRow[]): PeopleView {
  const named = anonymity === AnonymityMode.named;
  const byId = new Map(members.map((m) => [m.id, m]));
  const raters = members.filter((m) => m.removedAt === null && m.role !== 'observer');
  const merged = named ? null : mergeSmallPerspectives(new Map(raters.map((m) => [m.id, m.perspective])));
  return {
    named,
    label: (memberId) => {
      const m = byId.get(memberId);
      if (!m) return 'Former member';
      return named ? m.displayName : m.pseudonym;
    },
    perspective: (memberId) => {
      const m = byId.get(memberId);
      if (!m) return 'Other';
      return merged ? (merged.get(memberId) ?? 'Other') : m.perspective;
    },
  };
}
