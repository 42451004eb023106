import type { InviteSummary } from '../../api/types';
import { formatDateTime, roleLabels } from '../format';

/**
 * A name for each invite link that tells it apart from the others in the list — used in the
 * accessible names of its buttons ("Revoke Participant link (IT), created 30 Nov 2026, 14:05"), since
 * a screen-reader user moving from button to button hears only that. Links of the same role and
 * perspective made within the same minute also get their place in the list ("link 2 of 3").
 */
export function inviteLinkNames(invites: readonly InviteSummary[]): Map<string, string> {
  const base = invites.map((invite) => {
    const role = roleLabels[invite.role] ?? invite.role;
    const perspective = invite.perspective ? ` (${invite.perspective})` : '';
    const created = invite.createdAt !== undefined ? `, created ${formatDateTime(invite.createdAt)}` : '';
    return `${role} link${perspective}${created}`;
  });
  const names = new Map<string, string>();
  invites.forEach((invite, i) => {
    const same = base.flatMap((b, j) => (b === base[i] ? [j] : []));
    names.set(
      invite.id,
      same.length > 1 ? `${base[i]}, link ${same.indexOf(i) + 1} of ${same.length}` : (base[i] as string),
    );
  });
  return names;
}
