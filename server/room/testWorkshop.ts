import type { Rubric } from '../../rubric/schema';
import type { MemberRole } from '../../shared/domain';
import type { Db } from '../db/client';
import { newId } from '../db/ids';
import { institutions, members, users, workshops } from '../db/schema';
import { defaultSettings, type WorkshopSettings } from '../workshops/settings';

/**
 * Test support for unit tests of the room and the projection: a tiny rubric and rows inserted
 * directly (no HTTP), so these tests do not depend on the auth or workshop routes.
 */
export const TEST_RUBRIC: Rubric = {
  id: 'test-rubric',
  version: '1',
  title: 'Test rubric',
  source: 'tests',
  introduction: [],
  stages: [
    { id: 'new-emerging', label: 'New/Emerging', description: 'Starting.' },
    { id: 'developing', label: 'Developing', description: 'Growing.' },
    { id: 'effective-practice', label: 'Effective Practice', description: 'Done well.' },
  ],
  categories: [
    {
      id: 'cat',
      title: 'Category',
      dimensions: ['alpha', 'beta', 'gamma'].map((id) => ({
        id,
        title: `Dimension ${id}`,
        foundation: 'Foundation.',
        stages: { 'new-emerging': 'a', developing: 'b', 'effective-practice': 'c' },
      })),
    },
  ],
  allowNotSure: true,
};
export const TEST_RUBRICS: ReadonlyMap<string, Rubric> = new Map([[TEST_RUBRIC.id, TEST_RUBRIC]]);

export interface SeedMember {
  name: string;
  role?: MemberRole;
  perspective?: string;
  pseudonym?: string;
}

export function seedWorkshop(
  db: Db,
  options: { settings?: Partial<WorkshopSettings>; members: SeedMember[]; now?: number },
): { workshopId: string; memberIds: string[] } {
  const at = options.now ?? 1_700_000_000_000;
  const institutionId = newId();
  const workshopId = newId();
  const ownerId = newId();
  db.insert(users).values({ id: ownerId, kind: 'guest', name: 'Owner', createdAt: at }).run();
  db.insert(institutions).values({ id: institutionId, name: 'Test College', createdAt: at }).run();
  db.insert(workshops)
    .values({
      id: workshopId,
      title: 'Spring self-assessment',
      institutionId,
      rubricId: TEST_RUBRIC.id,
      rubricVersion: TEST_RUBRIC.version,
      status: 'open',
      settings: { ...defaultSettings(), ...options.settings },
      createdBy: ownerId,
      createdAt: at,
      updatedAt: at,
    })
    .run();
  const memberIds = options.members.map((m, i) => addMember(db, workshopId, m, i + 1, at));
  return { workshopId, memberIds };
}

export function addMember(
  db: Db,
  workshopId: string,
  m: SeedMember,
  n: number,
  at = 1_700_000_000_000,
): string {
  const userId = newId();
  const id = newId();
  db.insert(users).values({ id: userId, kind: 'guest', name: m.name, createdAt: at }).run();
  db.insert(members)
    .values({
      id,
      workshopId,
      userId,
      displayName: m.name,
      role: m.role ?? 'participant',
      perspective: m.perspective ?? 'Faculty',
      pseudonym: m.pseudonym ?? `Participant ${n}`,
      createdAt: at,
    })
    .run();
  return id;
}
