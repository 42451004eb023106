/**
 * Every action the audit log records. The server only records these (AuditEntry.action), and the
 * client must name each one in plain language (auditText.ts, a Record over this type), so a new
 * action cannot reach the facilitator's log as a bare code.
 */
export const AUDIT_ACTIONS = [
  'workshop.create',
  'workshop.update',
  'workshop.finalize',
  'workshop.archive',
  'workshop.unarchive',
  'workshop.follow_up_started',
  'workshop.created_as_follow_up',
  'institution.update',
  'invite.create',
  'invite.revoke',
  'member.join',
  'member.update',
  'member.remove',
  'member.handoff',
  'dimension.reveal',
  'room.spotlight',
  'room.timer_start',
  'room.timer_clear',
  'consensus.edit',
  'consensus.lock',
  'consensus.unlock',
  'consensus.not_assessed',
  'consensus.not_assessed_clear',
  'action_item.create',
  'action_item.update',
  'action_item.delete',
  'sync.write_refused',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
