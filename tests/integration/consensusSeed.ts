import type { Database_ } from '../../server/db/client';
import { newId } from '../../server/db/ids';
import { loadRubrics } from '../../rubric/loader';
import { allDimensions } from '../../rubric/schema';
import { institutions, members, reveals, users, workshops } from '../../server/db/schema';
import { defaultSettings } from '../../server/workshops/settings';
import type { MemberRole } from '../../shared/domain';

/**
 * Direct inserts for the consensus store's tests: a workshop with one member per role, no HTTP.
 * Every dimension starts revealed (empty first round), since a lock needs a reveal (SPEC LOCK10);
 * tests of that rule build their workshop through the real routes instead.
 * (Route tests use the app and its fixtures instead.)
 */
export function seedWorkshop(database: Database_, now = 1_000) {
  const { db } = database;
  const user = (name: string) => {
    const id = newId();
    db.insert(users).values({ id, kind: 'guest', name, createdAt: now }).run();
    return id;
  };
  const facilitatorUser = user('Fran Facilitator');
  const institutionId = newId();
  db.insert(institutions).values({ id: institutionId, name: 'Example College', createdAt: now }).run();
  const workshopId = newId();
  db.insert(workshops)
    .values({
      id: workshopId,
      title: 'LER self-assessment',
      institutionId,
      rubricId: 'ler-engagement',
      rubricVersion: '1',
      status: 'open',
      settings: defaultSettings(),
      createdBy: facilitatorUser,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  const member = (userId: string, role: MemberRole) => {
    const id = newId();
    db.insert(members)
      .values({
        id,
        workshopId,
        userId,
        displayName: `${role} name`,
        role,
        perspective: 'Faculty',
        pseudonym: `P-${id.slice(0, 4)}`,
        createdAt: now,
      })
      .run();
    return { memberId: id, userId, role };
  };
  for (const d of allDimensions(loadRubrics().get('ler-engagement')!)) {
    db.insert(reveals)
      .values({ workshopId, dimensionId: d.id, revealedAt: now, revealedBy: null, firstRound: {} })
      .run();
  }
  return {
    workshopId,
    facilitator: member(facilitatorUser, 'facilitator'),
    participant: member(user('Pat Participant'), 'participant'),
    observer: member(user('Olive Observer'), 'observer'),
  };
}
