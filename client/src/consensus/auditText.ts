import type { AuditEntryView } from '../../../shared/consensusApi';

/** Plain-language names for audit actions; unknown actions show their code. */
const actionNames: Record<string, string> = {
  'workshop.create': 'Created the workshop',
  'workshop.update': 'Changed workshop settings',
  'workshop.finalize': 'Finalized the workshop',
  'invite.create': 'Created an invite',
  'invite.revoke': 'Revoked an invite',
  'member.join': 'Joined',
  'member.update': 'Changed a member',
  'member.remove': 'Removed a member',
  'member.handoff': 'Handed over the facilitator role',
  'dimension.reveal': 'Revealed ratings',
  'consensus.edit': 'Edited the consensus draft',
  'consensus.lock': 'Locked the consensus',
  'consensus.unlock': 'Unlocked the consensus',
  'consensus.not_assessed': 'Marked not assessed',
  'consensus.not_assessed_clear': 'Removed "not assessed"',
  'sync.write_refused': 'A write was refused',
};

export function actionName(action: string): string {
  return actionNames[action] ?? action;
}

export function actorText(actor: AuditEntryView['actor']): string {
  if (!actor) return 'System';
  const name = actor.name ?? 'Unknown';
  // AUDIT4: an entry from before roles were recorded shows today's role, and says so.
  const role = actor.role ? (actor.roleRecorded ? ` (${actor.role})` : ` (currently ${actor.role})`) : '';
  const account = actor.account ? (actor.account.email ? `, ${actor.account.email}` : ', guest') : '';
  return `${name}${role}${account}`;
}

/** A compact, readable "field: before → after" rendering of a change, for a table cell. */
export function changeText(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || typeof a !== 'object')
    return `${JSON.stringify(before)} → ${JSON.stringify(after)}`;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => (k in b ? `${k}: ${show(b[k])} → ${show(a[k])}` : `${k}: ${show(a[k])}`))
    .join('; ');
}
