import type { AuditAction } from '../../../shared/auditActions';
import type { AuditEntryView, AuditNames } from '../../../shared/consensusApi';

/** Plain-language names for audit actions; a Record over every action, so none shows as a code. */
const actionNames: Record<AuditAction, string> = {
  'workshop.create': 'Created the workshop',
  'workshop.update': 'Changed workshop settings',
  'workshop.finalize': 'Finalized the workshop',
  'workshop.archive': 'Archived the workshop',
  'workshop.unarchive': 'Restored the workshop from the archive',
  'workshop.follow_up_started': 'Started a follow-up workshop',
  'workshop.created_as_follow_up': 'Created as a follow-up',
  'institution.update': 'Changed the institution',
  'invite.create': 'Created an invite',
  'invite.revoke': 'Revoked an invite',
  'member.join': 'Joined',
  'member.update': 'Changed a member',
  'member.remove': 'Removed a member',
  'member.handoff': 'Handed over the facilitator role',
  'dimension.reveal': 'Revealed ratings',
  'room.spotlight': 'Spotlighted a dimension',
  'room.timer_start': 'Started a timer',
  'room.timer_clear': 'Cleared the timer',
  'consensus.edit': 'Edited the consensus draft',
  'consensus.lock': 'Locked the consensus',
  'consensus.unlock': 'Unlocked the consensus',
  'consensus.not_assessed': 'Marked not assessed',
  'consensus.not_assessed_clear': 'Removed "not assessed"',
  'action_item.create': 'Added an action item',
  'action_item.update': 'Changed an action item',
  'action_item.delete': 'Deleted an action item',
  'sync.write_refused': 'A write was refused',
};

/** The action's plain name; an action this build does not know (a newer server's) shows its code. */
export function actionName(action: string): string {
  return Object.hasOwn(actionNames, action) ? actionNames[action as AuditAction] : action;
}

/** What the entry acted on, by name where the server could tell (AUDIT5), else its id. */
export function targetText(entry: Pick<AuditEntryView, 'id' | 'target'>, names: AuditNames): string {
  return names.targets[entry.id] ?? entry.target ?? '—';
}

export function actorText(actor: AuditEntryView['actor']): string {
  if (!actor) return 'System';
  const name = actor.name ?? 'Unknown';
  // AUDIT4: an entry from before roles were recorded shows today's role, and says so.
  const role = actor.role ? (actor.roleRecorded ? ` (${actor.role})` : ` (currently ${actor.role})`) : '';
  const account = actor.account ? (actor.account.email ? `, ${actor.account.email}` : ', guest') : '';
  return `${name}${role}${account}`;
}

/** Fields whose values are ids of a kind the page has names for. */
const NAMED_FIELDS: Record<string, keyof Omit<AuditNames, 'targets'>> = {
  stage: 'stages',
  targetStage: 'stages',
  spotlight: 'dimensions',
  dimensionId: 'dimensions',
};

const NO_NAMES: AuditNames = { targets: {}, stages: {}, dimensions: {}, members: {} };

/**
 * Bookkeeping the Change column leaves out: record ids (the Target column names what was acted on)
 * and creation/update times (the When column has the time of the entry).
 */
const isBookkeeping = (key: string) =>
  !(key in NAMED_FIELDS) && (key === 'id' || key.endsWith('Id') || key === 'createdAt' || key === 'updatedAt');

/**
 * A compact, readable "field: before → after" rendering of a change, for a table cell. Nested
 * objects (a workshop's settings) show only their changed fields, as `settings.anonymity`. Stage,
 * dimension and member ids read as their names (AUDIT5), times (`…At` fields) as local dates, lists
 * as "a, b", an empty value as "none"; record ids and creation/update times are left out.
 */
export function changeText(before: unknown, after: unknown, names: AuditNames = NO_NAMES): string {
  if (!isFields(before ?? {}) || !isFields(after ?? {})) return `${JSON.stringify(before)} → ${JSON.stringify(after)}`;
  const show = (key: string, v: unknown): string => {
    if (v === undefined) return '—';
    if (v === null || v === '') return 'none';
    const kind = NAMED_FIELDS[key];
    if (kind && typeof v === 'string') return names[kind][v] ?? v;
    if (key.endsWith('At') && typeof v === 'number') return new Date(v).toLocaleString();
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length === 0 ? 'none' : v.join(', ');
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  const lines: string[] = [];
  const walk = (b: Record<string, unknown>, a: Record<string, unknown>, prefix: string) => {
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (JSON.stringify(b[k]) === JSON.stringify(a[k]) || isBookkeeping(k)) continue;
      const bk = b[k];
      const ak = a[k];
      // Both sides objects, or one created or removed: its fields one by one.
      if ((isFields(bk) || bk == null) && (isFields(ak) || ak == null) && (isFields(bk) || isFields(ak))) {
        walk(isFields(bk) ? bk : {}, isFields(ak) ? ak : {}, `${prefix}${k}.`);
        continue;
      }
      // A handoff's top-level fields are member ids.
      const label = prefix === '' ? (names.members[k] ?? k) : `${prefix}${k}`;
      lines.push(k in b ? `${label}: ${show(k, bk)} → ${show(k, ak)}` : `${label}: ${show(k, ak)}`);
    }
  };
  walk((before ?? {}) as Record<string, unknown>, (after ?? {}) as Record<string, unknown>, '');
  return lines.join('; ');
}

function isFields(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The names of several pages together (later pages name older entries). */
export function mergeNames(...pages: (AuditNames | undefined)[]): AuditNames {
  const out: AuditNames = { targets: {}, stages: {}, dimensions: {}, members: {} };
  for (const page of pages) {
    if (!page) continue;
    Object.assign(out.targets, page.targets);
    Object.assign(out.stages, page.stages);
    Object.assign(out.dimensions, page.dimensions);
    Object.assign(out.members, page.members);
  }
  return out;
}
