import { and, eq } from 'drizzle-orm';
import type { AwarenessUser } from '../../shared/awareness';
import type { DocAddress } from '../../shared/docNames';
import { AnonymityMode } from '../../shared/domain';
import { CloseCode } from '../../shared/protocol';
import type { Db } from '../db/client';
import { members, workshops } from '../db/schema';
import { readSettings } from '../workshops/settings';

export type MemberRow = typeof members.$inferSelect;

export type DocAccess =
  | { access: 'read' | 'write'; member: MemberRow; user: AwarenessUser }
  | { access: 'none'; code: CloseCode };

/**
 * Who may open which document (docs/sync.md, SYNC10–SYNC14), decided from the database only —
 * never from anything the client says:
 * - workshop doc: every active member reads (observers too); nobody but the server writes.
 * - member doc: its owner reads and writes while the workshop is open, reads once it is
 *   finalized or archived; observers own no member doc; anyone else is refused.
 * An unknown workshop and a workshop the user is not in both give 4403, so the code does not reveal
 * which workshop ids exist.
 */
export function resolveAccess(db: Db, userId: string, address: DocAddress): DocAccess {
  const workshop = db.select().from(workshops).where(eq(workshops.id, address.workshopId)).get();
  if (!workshop) return { access: 'none', code: CloseCode.forbidden };
  const member = db
    .select()
    .from(members)
    .where(and(eq(members.workshopId, address.workshopId), eq(members.userId, userId)))
    .get();
  if (!member) return { access: 'none', code: CloseCode.forbidden };
  if (member.removedAt !== null) return { access: 'none', code: CloseCode.memberRemoved };
  const settings = readSettings(workshop.settings);
  const user: AwarenessUser = {
    memberId: member.id,
    // Anonymous modes: presence must not leak the name the workshop doc hides.
    name: settings.anonymity === AnonymityMode.named ? member.displayName : member.pseudonym,
    perspective: member.perspective,
    role: member.role,
  };
  if (address.kind === 'workshop') return { access: 'read', member, user };
  if (address.memberId !== member.id || member.role === 'observer') return { access: 'none', code: CloseCode.forbidden };
  return { access: workshop.status === 'open' ? 'write' : 'read', member, user };
}
