import { EDIT_SEQ_SPAN, markerText, nowMicros } from './marker';
import type { EditPlan } from './types';

export interface RatingEdit {
  editId: number;
  key: string;
  value: { stage: string; rationale: string; updatedAt: number };
}

const FILLER = 'Evidence from the registrar and two program reviews suggests this stage fits us. ';

/**
 * The n-th rating change of a client: the same shape (and size) for every server — a member-doc
 * rating {stage, rationale, updatedAt} — rotating over the revealed dimensions and the stages so
 * each edit really changes the value. The marker goes first so truncation never cuts it.
 */
export function ratingEdit(writer: number, seq: number, keySuffix: string, plan: EditPlan): RatingEdit {
  const editId = writer * EDIT_SEQ_SPAN + seq;
  const dimension = plan.dimensionIds[(writer + seq) % plan.dimensionIds.length]!;
  const stage = plan.stageIds[seq % plan.stageIds.length]!;
  const marker = markerText(editId, nowMicros());
  let rationale = marker;
  while (rationale.length < plan.rationaleChars) rationale += FILLER;
  rationale = marker + rationale.slice(marker.length, plan.rationaleChars);
  return { editId, key: dimension + keySuffix, value: { stage, rationale, updatedAt: Date.now() } };
}
