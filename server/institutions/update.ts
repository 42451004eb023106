import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import type { Database_ } from '../db/client';
import { institutions, members, workshops } from '../db/schema';
import { conflict, forbidden, notFound } from '../http/errors';
import type { InstitutionRow } from '../workshops/repo';
import type { InstitutionDetails } from './schemas';

/**
 * A new workshop naming an existing institution reuses it. System/state given with the name must
 * match the stored record (409 otherwise): creating a workshop must not quietly rewrite a record that
 * other workshops show, unaudited there. PATCH /api/institutions/:id is the way to change it.
 */
export function assertSameInstitutionDetails(existing: InstitutionRow, given: InstitutionDetails): void {
  for (const field of ['system', 'state'] as const) {
    const value = given[field];
    if (value !== null && value !== existing[field]) {
      throw conflict(
        `The institution "${existing.name}" already exists with ${field} "${existing[field] ?? '(none)'}". ` +
          `Change it with PATCH /api/institutions/${existing.id}.`,
      );
    }
  }
}

export interface InstitutionUpdate {
  institutionId: string;
  userId: string;
  now: number;
  changes: { name?: string; system?: string | null; state?: string | null };
}

/**
 * Who may change an institution: an active facilitator of any of its workshops. Someone with no
 * active membership in any of them gets 404 (its existence is nobody else's business, as for GET);
 * a member who facilitates none of them gets 403. Returns the institution and all its workshops.
 */
export function institutionForFacilitator(database: Database_, institutionId: string, userId: string) {
  const { db } = database;
  const institution = db.select().from(institutions).where(eq(institutions.id, institutionId)).get();
  const mine = db
    .select({ workshopId: workshops.id, memberId: members.id, role: members.role })
    .from(workshops)
    .innerJoin(members, eq(members.workshopId, workshops.id))
    .where(and(eq(workshops.institutionId, institutionId), eq(members.userId, userId), isNull(members.removedAt)))
    .all();
  if (!institution || mine.length === 0) throw notFound('Institution');
  const via = mine.find((m) => m.role === 'facilitator');
  if (!via) throw forbidden('Only a facilitator of one of its workshops can change an institution.');
  return { institution, mine, via };
}

/**
 * Changes an institution and records `institution.update` (before/after) in the audit log of EVERY
 * workshop of the institution — each of them shows the record, so each log must explain a change
 * to it. The actor is the caller's membership in that workshop; in workshops the caller is not a
 * member of the actor is left empty (so no name or account leaks to that team) and `after.changedVia`
 * names the workshop whose facilitator made the change.
 */
export function updateInstitution(database: Database_, p: InstitutionUpdate) {
  const { db } = database;
  return database.sqlite.transaction(() => {
    const { institution, mine, via } = institutionForFacilitator(database, p.institutionId, p.userId);
    const before = { name: institution.name, system: institution.system, state: institution.state };
    const after = {
      name: p.changes.name ?? before.name,
      system: p.changes.system === undefined ? before.system : p.changes.system,
      state: p.changes.state === undefined ? before.state : p.changes.state,
    };
    db.update(institutions).set(after).where(eq(institutions.id, institution.id)).run();
    const all = db
      .select({ id: workshops.id })
      .from(workshops)
      .where(eq(workshops.institutionId, institution.id))
      .all();
    for (const w of all) {
      const member = mine.find((m) => m.workshopId === w.id);
      recordAudit(db, {
        workshopId: w.id,
        at: p.now,
        actorMemberId: member?.memberId ?? null,
        actorUserId: member ? p.userId : null,
        actorRole: member?.role,
        action: 'institution.update',
        target: institution.id,
        before,
        after: { ...after, changedVia: via.workshopId },
      });
    }
    return { institution: { id: institution.id, ...after }, workshopIds: all.map((w) => w.id) };
  })();
}
