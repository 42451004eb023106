import { and, eq, inArray } from 'drizzle-orm';
import { allDimensions, type Rubric } from '../../rubric/schema';
import type { AuditEntryView, AuditNames } from '../../shared/consensusApi';
import type { Db } from '../db/client';
import { institutions, members } from '../db/schema';
import type { WorkshopRow } from '../workshops/access';

/** Actions whose target is a dimension id. */
const DIMENSION_TARGETS = /^(dimension|consensus)\.|^room\.spotlight$/;
/** Actions whose target is a member id. */
const MEMBER_TARGETS = /^member\./;

/**
 * Readable names for a page of the audit log (AUDIT5): the log stores ids — they stay true when a
 * member is renamed — and the page says what each one is today. Members are named as the log's
 * actors are: pseudonyms in an anonymous workshop (AUDIT3).
 */
export function auditNames(
  db: Db,
  p: { workshop: WorkshopRow; rubric: Rubric; anonymous: boolean },
  entries: readonly AuditEntryView[],
): AuditNames {
  const dimensions = Object.fromEntries(allDimensions(p.rubric).map((d) => [d.id, d.title]));
  const stages = Object.fromEntries(p.rubric.stages.map((s) => [s.id, s.label]));
  const memberNames = namesOfMembers(db, p, memberIdsIn(entries));
  const institution = entries.some((e) => e.action === 'institution.update')
    ? db
        .select({ name: institutions.name })
        .from(institutions)
        .where(eq(institutions.id, p.workshop.institutionId))
        .get()
    : undefined;

  const targets: Record<number, string> = {};
  for (const e of entries) {
    const name = targetName(e, {
      dimensions,
      members: memberNames,
      workshop: p.workshop,
      institution,
    });
    if (name !== undefined) targets[e.id] = name;
  }
  return { targets, stages, dimensions, members: memberNames };
}

function targetName(
  e: AuditEntryView,
  known: {
    dimensions: Record<string, string>;
    members: Record<string, string>;
    workshop: WorkshopRow;
    institution: { name: string } | undefined;
  },
): string | undefined {
  const t = e.target;
  if (t === null) return undefined;
  if (DIMENSION_TARGETS.test(e.action)) return known.dimensions[t];
  if (MEMBER_TARGETS.test(e.action)) return known.members[t];
  if (e.action.startsWith('workshop.')) return t === known.workshop.id ? known.workshop.title : undefined;
  if (e.action === 'institution.update')
    return t === known.workshop.institutionId ? known.institution?.name : undefined;
  const recorded = fields(e.after) ?? fields(e.before);
  if (e.action.startsWith('invite.') && typeof recorded?.role === 'string') {
    return `Invite link for ${/^[aeiou]/.test(recorded.role) ? 'an' : 'a'} ${recorded.role}`;
  }
  if (e.action.startsWith('action_item.') && typeof recorded?.dimensionId === 'string') {
    const dimension = known.dimensions[recorded.dimensionId];
    return dimension === undefined ? undefined : `Action item for ${dimension}`;
  }
  return undefined;
}

/** Member ids the page refers to: member actions' targets and the keys of a handoff's roles. */
function memberIdsIn(entries: readonly AuditEntryView[]): string[] {
  const ids = new Set<string>();
  for (const e of entries) {
    if (MEMBER_TARGETS.test(e.action) && e.target !== null) ids.add(e.target);
    if (e.action === 'member.handoff') {
      for (const id of Object.keys(fields(e.before) ?? {})) ids.add(id);
      for (const id of Object.keys(fields(e.after) ?? {})) ids.add(id);
    }
  }
  return [...ids];
}

function namesOfMembers(
  db: Db,
  p: { workshop: WorkshopRow; anonymous: boolean },
  ids: readonly string[],
): Record<string, string> {
  if (ids.length === 0) return {};
  const rows = db
    .select({ id: members.id, displayName: members.displayName, pseudonym: members.pseudonym })
    .from(members)
    .where(and(eq(members.workshopId, p.workshop.id), inArray(members.id, ids)))
    .all();
  return Object.fromEntries(rows.map((m) => [m.id, p.anonymous ? m.pseudonym : m.displayName]));
}

function fields(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
