import type { MemberDoc } from '../../../shared/docs/memberDoc';
import type { ConsensusDraftBody } from '../../../shared/consensusApi';
import { readDraft, writeDraft } from '../room/useMemberWrites';

export type DraftFields = Required<ConsensusDraftBody>;

/**
 * The facilitator's consensus text that the server does not have yet, kept in their own member doc
 * (IndexedDB + sync, like comment drafts) under `consensus:<dimensionId>`. The server only accepts a
 * draft with a stage, and a PUT can fail or be cut off by a reload; this copy is what brings the text
 * back. It is deleted once the server holds exactly this text.
 */
export const consensusDraftKey = (dimensionId: string) => `consensus:${dimensionId}`;

export const sameDraft = (a: DraftFields, b: DraftFields) =>
  a.stage === b.stage &&
  a.rationale === b.rationale &&
  a.dissent === b.dissent &&
  a.nextSteps === b.nextSteps;

/** The stored form: a JSON string, since every draft value in the member doc is a string. */
export function serializeConsensusDraft(fields: DraftFields): string {
  return JSON.stringify(fields);
}

/** Anything that is not four strings (a hand edit, a future format) reads as no draft. */
export function parseConsensusDraft(raw: string): DraftFields | null {
  if (raw === '') return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return null;
    const { stage, rationale, dissent, nextSteps } = v as Record<string, unknown>;
    if ([stage, rationale, dissent, nextSteps].some((s) => typeof s !== 'string')) return null;
    return { stage, rationale, dissent, nextSteps } as DraftFields;
  } catch {
    return null;
  }
}

export function readConsensusDraft(member: MemberDoc | null, dimensionId: string): DraftFields | null {
  return parseConsensusDraft(readDraft(member, consensusDraftKey(dimensionId)));
}

/** Writes the draft, or deletes it (null). */
export function writeConsensusDraft(
  member: MemberDoc,
  dimensionId: string,
  fields: DraftFields | null,
): void {
  writeDraft(member, consensusDraftKey(dimensionId), fields ? serializeConsensusDraft(fields) : '');
}
