import type * as Y from 'yjs';
import { z } from 'zod';
import { anonymityModes, memberRoles, workshopStatuses } from '../domain';
import { commentEvidenceSchema, validEntries } from './memberDoc';

/**
 * The workshop doc — `workshop:<id>` — written only by the server, read by every member.
 * Maps are flat with composite keys so that one member's change is one small map entry, never a
 * rewrite of a whole dimension (keeps every update, and thus propagation, small).
 *
 * Top-level maps (keys in parentheses):
 * - meta (field name) → scalar: schemaVersion, workshopId, title, institution, rubricId, rubricVersion,
 *   status, anonymity, allowNotSure, autoReveal, ratingDeadline (epoch ms | null)
 * - members (memberId) → WorkshopMember — name is a pseudonym in anonymous modes
 * - rated (`${dimensionId}:${memberId}`) → true — who has rated what (never the value)
 * - dimensions (dimensionId) → DimensionState
 * - ratings (`${dimensionId}:${memberId}`) → RevealedRating — present only once the dimension is revealed
 * - firstRound (`${dimensionId}:${memberId}`) → FirstRoundRating — the ratings as they were at reveal
 * - evidence (`${memberId}:${evidenceId}`) → WorkshopEvidence — rating evidence, only for revealed dimensions
 * - comments (`${memberId}:${commentId}`) → WorkshopComment — author stamped by the server
 * - reactions (commentKey) → Record<emoji, count>
 * - consensus (dimensionId) → ConsensusState — written by the consensus server actions
 * - focus (field name) → spotlight (dimensionId | null), timerEndsAt (epoch ms | null), timerLabel (string)
 * - projection (`inStepWith`) → string — the server's own bookkeeping (lazy member-doc loading); clients ignore it
 */
export const WORKSHOP_DOC_SCHEMA_VERSION = 1;

export const WorkshopDocMaps = {
  meta: 'meta',
  members: 'members',
  rated: 'rated',
  dimensions: 'dimensions',
  ratings: 'ratings',
  firstRound: 'firstRound',
  evidence: 'evidence',
  comments: 'comments',
  reactions: 'reactions',
  consensus: 'consensus',
  focus: 'focus',
  projection: 'projection',
} as const;

/** Composite key of a per-dimension, per-member entry. */
export function dimensionMemberKey(dimensionId: string, memberId: string): string {
  return `${dimensionId}:${memberId}`;
}
/** Composite key of a member-authored entry (comment, evidence). */
export function authoredKey(memberId: string, entryId: string): string {
  return `${memberId}:${entryId}`;
}
export function splitKey(key: string): [string, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}

export const workshopMetaSchema = z.object({
  schemaVersion: z.number(),
  workshopId: z.string(),
  title: z.string(),
  institution: z.string(),
  rubricId: z.string(),
  rubricVersion: z.string(),
  status: z.enum(workshopStatuses),
  anonymity: z.enum(anonymityModes),
  allowNotSure: z.boolean(),
  autoReveal: z.boolean(),
  ratingDeadline: z.number().nullable(),
});
export type WorkshopMeta = z.infer<typeof workshopMetaSchema>;

export const workshopMemberSchema = z.object({
  name: z.string(),
  perspective: z.string(),
  role: z.enum(memberRoles),
  removed: z.boolean(),
});
export type WorkshopMember = z.infer<typeof workshopMemberSchema>;

export const DimensionPhase = { rating: 'rating', revealed: 'revealed', locked: 'locked' } as const;
export type DimensionPhase = (typeof DimensionPhase)[keyof typeof DimensionPhase];

export const dimensionStateSchema = z.object({
  phase: z.enum(['rating', 'revealed', 'locked']),
  revealedAt: z.number().nullable(),
});
export type DimensionState = z.infer<typeof dimensionStateSchema>;

export const revealedRatingSchema = z.object({
  stage: z.string().nullable(),
  rationale: z.string(),
  updatedAt: z.number(),
});
export type RevealedRating = z.infer<typeof revealedRatingSchema>;

export const firstRoundRatingSchema = z.object({ stage: z.string().nullable() });
export type FirstRoundRating = z.infer<typeof firstRoundRatingSchema>;

export const workshopEvidenceSchema = z.object({
  memberId: z.string(),
  dimensionId: z.string(),
  url: z.string(),
  title: z.string(),
  note: z.string(),
  createdAt: z.number(),
});
export type WorkshopEvidence = z.infer<typeof workshopEvidenceSchema>;

export const workshopCommentSchema = z.object({
  memberId: z.string(),
  dimensionId: z.string(),
  parentKey: z.string().nullable(),
  text: z.string(),
  evidence: z.array(commentEvidenceSchema),
  createdAt: z.number(),
  editedAt: z.number().nullable(),
  deleted: z.boolean(),
});
export type WorkshopComment = z.infer<typeof workshopCommentSchema>;

export const reactionCountsSchema = z.record(z.string(), z.number().int().nonnegative());

export const consensusStateSchema = z.object({
  stage: z.string().nullable(),
  rationale: z.string(),
  dissent: z.string(),
  nextSteps: z.string(),
  updatedAt: z.number(),
  locked: z.boolean(),
  lockedAt: z.number().nullable(),
  revision: z.number().int(),
  contentHash: z.string().nullable(),
  /** Set when the facilitator marked the dimension "not assessed" (with this reason). */
  notAssessedReason: z.string().nullable(),
});
export type ConsensusState = z.infer<typeof consensusStateSchema>;

export interface FocusState {
  spotlight: string | null;
  timerEndsAt: number | null;
  timerLabel: string;
}

/** Typed read access to a workshop doc (the server writes through the projection). */
export class WorkshopDoc {
  constructor(readonly doc: Y.Doc) {}

  map(name: keyof typeof WorkshopDocMaps): Y.Map<unknown> {
    return this.doc.getMap(WorkshopDocMaps[name]);
  }

  meta(): WorkshopMeta | null {
    const parsed = workshopMetaSchema.safeParse(this.map('meta').toJSON());
    return parsed.success ? parsed.data : null;
  }
  members(): Map<string, WorkshopMember> {
    return validEntries(this.map('members'), workshopMemberSchema);
  }
  dimensionState(dimensionId: string): DimensionState {
    const parsed = dimensionStateSchema.safeParse(this.map('dimensions').get(dimensionId));
    return parsed.success ? parsed.data : { phase: 'rating', revealedAt: null };
  }
  /** Member ids who have rated the dimension. */
  ratedBy(dimensionId: string): string[] {
    const prefix = `${dimensionId}:`;
    const out: string[] = [];
    for (const key of this.map('rated').keys()) if (key.startsWith(prefix)) out.push(key.slice(prefix.length));
    return out;
  }
  /** Revealed ratings of a dimension by member id (empty before reveal). */
  ratings(dimensionId: string): Map<string, RevealedRating> {
    return this.perDimension('ratings', dimensionId, revealedRatingSchema);
  }
  firstRound(dimensionId: string): Map<string, FirstRoundRating> {
    return this.perDimension('firstRound', dimensionId, firstRoundRatingSchema);
  }
  comments(dimensionId?: string): Map<string, WorkshopComment> {
    const all = validEntries(this.map('comments'), workshopCommentSchema);
    if (!dimensionId) return all;
    return new Map([...all].filter(([, c]) => c.dimensionId === dimensionId));
  }
  evidence(dimensionId?: string): Map<string, WorkshopEvidence> {
    const all = validEntries(this.map('evidence'), workshopEvidenceSchema);
    if (!dimensionId) return all;
    return new Map([...all].filter(([, e]) => e.dimensionId === dimensionId));
  }
  reactions(commentKey: string): Record<string, number> {
    const parsed = reactionCountsSchema.safeParse(this.map('reactions').get(commentKey));
    return parsed.success ? parsed.data : {};
  }
  consensus(dimensionId: string): ConsensusState | null {
    const parsed = consensusStateSchema.safeParse(this.map('consensus').get(dimensionId));
    return parsed.success ? parsed.data : null;
  }
  focus(): FocusState {
    const m = this.map('focus');
    const spotlight = m.get('spotlight');
    const timerEndsAt = m.get('timerEndsAt');
    const timerLabel = m.get('timerLabel');
    return {
      spotlight: typeof spotlight === 'string' ? spotlight : null,
      timerEndsAt: typeof timerEndsAt === 'number' ? timerEndsAt : null,
      timerLabel: typeof timerLabel === 'string' ? timerLabel : '',
    };
  }

  private perDimension<T>(name: 'ratings' | 'firstRound', dimensionId: string, schema: z.ZodType<T>): Map<string, T> {
    const prefix = `${dimensionId}:`;
    const out = new Map<string, T>();
    for (const [key, value] of this.map(name).entries()) {
      if (!key.startsWith(prefix)) continue;
      const parsed = schema.safeParse(value);
      if (parsed.success) out.set(key.slice(prefix.length), parsed.data);
    }
    return out;
  }
}
