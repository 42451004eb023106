import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { AwarenessUser } from '../../shared/awareness';
import type { DocAddress } from '../../shared/docNames';
import type { AnonymityMode } from '../../shared/domain';
import { CloseCode } from '../../shared/protocol';
import type { Db } from '../db/client';
import { preparedPerDb } from '../db/preparedPerDb';
import { members } from '../db/schema';
import { findWorkshop, type MemberRow } from '../workshops/access';
import { findMembership } from '../workshops/members';
import { readSettings } from '../workshops/settings';
import { hidesNames, MIN_PERSPECTIVE_GROUP, OTHER_PERSPECTIVE } from './projection/projectMembers';

export type { MemberRow };

export type DocAccess =
  | { access: 'read' | 'write'; member: MemberRow; user: AwarenessUser }
  | { access: 'none'; code: CloseCode };

// Prepared once: every websocket upgrade in an anonymous workshop runs it (docs/benchmarks.md item 33).
const ratersWithPerspective = preparedPerDb((db) =>
  db
    .select({ n: count() })
    .from(members)
    .where(
      and(
        eq(members.workshopId, sql.placeholder('workshopId')),
        eq(members.perspective, sql.placeholder('perspective')),
        isNull(members.removedAt),
        ne(members.role, 'observer'),
      ),
    )
    .prepare(),
);

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
  const workshop = findWorkshop(db, address.workshopId);
  if (!workshop) return { access: 'none', code: CloseCode.forbidden };
  const member = findMembership(db, address.workshopId, userId);
  if (!member) return { access: 'none', code: CloseCode.forbidden };
  if (member.removedAt !== null) return { access: 'none', code: CloseCode.memberRemoved };
  const user = presenceUser(db, member, readSettings(workshop.settings).anonymity, workshop.status);
  if (address.kind === 'workshop') return { access: 'read', member, user };
  if (address.memberId !== member.id || member.role === 'observer')
    return { access: 'none', code: CloseCode.forbidden };
  return { access: workshop.status === 'open' ? 'write' : 'read', member, user };
}

/**
 * The `user` stamped on this member's presence (SYNC30). In anonymous modes it must not leak what the
 * workshop doc hides (PROJ4): the name is the pseudonym — in `anonymous-while-rating` too, for as long
 * as the workshop is open — and a perspective held by fewer than three raters is "Other" (a lone
 * registrar would otherwise be named by their perspective).
 */
function presenceUser(db: Db, member: MemberRow, anonymity: AnonymityMode, status: string): AwarenessUser {
  const anonymous = hidesNames({ meta: { anonymity, status } as Parameters<typeof hidesNames>[0]['meta'] });
  if (!anonymous) {
    return {
      memberId: member.id,
      name: member.displayName,
      perspective: member.perspective,
      role: member.role,
    };
  }
  const raters =
    ratersWithPerspective(db).get({ workshopId: member.workshopId, perspective: member.perspective })?.n ?? 0;
  return {
    memberId: member.id,
    name: member.pseudonym,
    perspective: raters < MIN_PERSPECTIVE_GROUP ? OTHER_PERSPECTIVE : member.perspective,
    role: member.role,
  };
}
