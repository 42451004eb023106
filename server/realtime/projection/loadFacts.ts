import { eq, sql } from 'drizzle-orm';
import type { Rubric } from '../../../rubric/schema';
import type { ConsensusState, FocusState, WorkshopMeta } from '../../../shared/docs/workshopDoc';
import { WORKSHOP_DOC_SCHEMA_VERSION } from '../../../shared/docs/workshopDoc';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../../db/preparedPerDb';
import { institutions, members, reveals, workshops } from '../../db/schema';
import { readFocus } from '../../room/focus';
import { type RatingRules, ratingRules } from '../../room/ratingRules';
import { readSettings, type WorkshopSettings } from '../../workshops/settings';
import type { ConsensusSource } from './types';

export type MemberFact = Pick<
  typeof members.$inferSelect,
  'id' | 'displayName' | 'pseudonym' | 'role' | 'perspective' | 'removedAt'
>;

export interface RevealFact {
  revealedAt: number;
  firstRound: Record<string, string | null>;
}

/** Everything the database says about a workshop that the workshop doc mirrors. */
export interface WorkshopFacts {
  meta: WorkshopMeta;
  settings: WorkshopSettings;
  rubric: Rubric;
  rules: RatingRules;
  /** Every member ever, removed ones too (the doc marks them removed). */
  members: MemberFact[];
  /**
   * Members whose own docs are projected: not removed and not observers. Observers own no member doc;
   * should one ever be attached, it still contributes nothing.
   */
  contributorIds: Set<string>;
  reveals: Map<string, RevealFact>;
  consensus: Map<string, ConsensusState>;
  /** Dimensions whose consensus is locked. */
  locked: Set<string>;
  /** Dimensions whose member-derived entries must not change (PROJ3): locked ones, or all once the workshop is not open. */
  frozen: Set<string>;
  focus: FocusState;
}

const workshopRow = preparedPerDb((db) =>
  db
    .select({ workshop: workshops, institution: institutions.name })
    .from(workshops)
    .innerJoin(institutions, eq(institutions.id, workshops.institutionId))
    .where(eq(workshops.id, sql.placeholder('workshopId')))
    .prepare(),
);
const memberFacts = preparedPerDb((db) =>
  db
    .select({
      id: members.id,
      displayName: members.displayName,
      pseudonym: members.pseudonym,
      role: members.role,
      perspective: members.perspective,
      removedAt: members.removedAt,
    })
    .from(members)
    .where(eq(members.workshopId, sql.placeholder('workshopId')))
    .prepare(),
);
const revealRows = preparedPerDb((db) =>
  db
    .select()
    .from(reveals)
    .where(eq(reveals.workshopId, sql.placeholder('workshopId')))
    .prepare(),
);

export function loadFacts(
  db: Db,
  rubrics: ReadonlyMap<string, Rubric>,
  workshopId: string,
  consensusSource: ConsensusSource,
): WorkshopFacts {
  const row = workshopRow(db).get({ workshopId });
  if (!row) throw new Error(`projection: workshop ${workshopId} not found`);
  const { workshop } = row;
  const rubric = rubrics.get(workshop.rubricId);
  if (!rubric) throw new Error(`projection: workshop ${workshopId} uses unknown rubric ${workshop.rubricId}`);
  const settings = readSettings(workshop.settings);
  const memberRows = memberFacts(db).all({ workshopId });
  const revealed = revealRows(db).all({ workshopId });
  const consensus = consensusSource(db, workshopId);
  const locked = new Set([...consensus].filter(([, state]) => state.locked).map(([id]) => id));
  const rules = ratingRules(rubric, settings);
  return {
    meta: {
      schemaVersion: WORKSHOP_DOC_SCHEMA_VERSION,
      workshopId,
      title: workshop.title,
      institution: row.institution,
      rubricId: workshop.rubricId,
      rubricVersion: workshop.rubricVersion,
      status: workshop.status,
      anonymity: settings.anonymity,
      allowNotSure: settings.allowNotSure,
      autoReveal: settings.autoReveal,
      ratingDeadline: settings.ratingDeadline,
    },
    settings,
    rubric,
    rules,
    members: memberRows,
    contributorIds: new Set(
      memberRows.filter((m) => m.removedAt === null && m.role !== 'observer').map((m) => m.id),
    ),
    reveals: new Map(
      revealed.map((r) => [r.dimensionId, { revealedAt: r.revealedAt, firstRound: r.firstRound }]),
    ),
    consensus,
    locked,
    frozen: workshop.status === 'open' ? locked : new Set(rules.dimensionIds),
    focus: readFocus(db, workshopId),
  };
}
