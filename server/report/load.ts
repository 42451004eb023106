import { eq } from 'drizzle-orm';
import type { Rubric } from '../../rubric/schema';
import type { AppDeps } from '../deps';
import { institutions, members } from '../db/schema';
import { ApiError } from '../http/errors';
import { ApiErrorCode } from '../../shared/apiError';
import type { WorkshopRow } from '../workshops/access';
import { listActionItems } from './actionItems';
import type { ReportSource } from './input';
import { buildReportModel } from './model';
import { dbReportSource } from './source';
import type { ReportModel } from './types';

/** The workshop's rubric, or a 500-class error naming it: a workshop must never lose its rubric. */
export function workshopRubric(deps: AppDeps, workshop: WorkshopRow): Rubric {
  const rubric = deps.rubrics.get(workshop.rubricId);
  if (!rubric) {
    throw new ApiError(500, ApiErrorCode.internal, `The rubric "${workshop.rubricId}" of this workshop is not loaded.`);
  }
  return rubric;
}

/** Loads every fact the report needs and builds it. `source` is replaceable for tests. */
export async function loadReport(
  deps: AppDeps,
  workshop: WorkshopRow,
  source: ReportSource = dbReportSource(deps, workshop.id),
): Promise<ReportModel> {
  const { db } = deps.database;
  const institution = db.select().from(institutions).where(eq(institutions.id, workshop.institutionId)).get();
  if (!institution) throw new ApiError(500, ApiErrorCode.internal, 'The workshop has no institution record.');
  const [ratings, evidence, comments] = await Promise.all([source.ratings(), source.evidence(), source.comments()]);
  return buildReportModel({
    now: deps.now(),
    workshop,
    institution,
    rubric: workshopRubric(deps, workshop),
    members: db.select().from(members).where(eq(members.workshopId, workshop.id)).all(),
    consensus: source.consensus(),
    ratings,
    firstRound: source.firstRound(),
    evidence,
    comments,
    actionItems: listActionItems(db, workshop.id),
    notes: source.notes(),
  });
}
