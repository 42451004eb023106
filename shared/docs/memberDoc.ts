import type * as Y from 'yjs';
import { z } from 'zod';
import { Limits } from '../domain';

/**
 * The member doc — `workshop:<id>:member:<memberId>` — written only by its owner, read by its owner
 * and the server. Every value is a plain JSON object in a top-level Y.Map (no nested shared types),
 * so each entry can be validated as a whole by the server's projection; an invalid entry is ignored.
 *
 * Top-level maps (keys in parentheses):
 * - meta (schemaVersion)
 * - ratings (dimensionId) → MemberRating
 * - evidence (evidenceId) → MemberEvidence
 * - comments (commentId) → MemberComment
 * - reactions (`${memberId}:${commentId}:${emoji}` of the comment reacted to) → MemberReaction
 * - drafts (free key, e.g. `comment:<dimensionId>`) → string — half-typed text, private
 * - visits (dimensionId) → epoch ms of the last time I viewed that dimension's discussion
 */
export const MEMBER_DOC_SCHEMA_VERSION = 1;

export const MemberDocMaps = {
  meta: 'meta',
  ratings: 'ratings',
  evidence: 'evidence',
  comments: 'comments',
  reactions: 'reactions',
  drafts: 'drafts',
  visits: 'visits',
} as const;

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const epochMs = z.number().int().nonnegative();

/** URLs in evidence must be http(s): a `javascript:` link must never reach another browser. */
export const evidenceUrlSchema = z
  .string()
  .max(Limits.evidenceUrlMax)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

export const memberRatingSchema = z.strictObject({
  /** A stage id of the workshop's rubric, or NOT_SURE; null = cleared. Checked against the rubric by the server. */
  stage: z.string().max(64).nullable(),
  rationale: z.string().max(Limits.rationaleMax),
  updatedAt: epochMs,
});
export type MemberRating = z.infer<typeof memberRatingSchema>;

export const memberEvidenceSchema = z.strictObject({
  dimensionId: idSchema,
  url: evidenceUrlSchema,
  title: z.string().max(Limits.evidenceTitleMax),
  note: z.string().max(Limits.evidenceNoteMax),
  createdAt: epochMs,
});
export type MemberEvidence = z.infer<typeof memberEvidenceSchema>;

export const commentEvidenceSchema = z.strictObject({
  url: evidenceUrlSchema,
  title: z.string().max(Limits.evidenceTitleMax),
});

export const memberCommentSchema = z.strictObject({
  dimensionId: idSchema,
  /** The workshop-doc key of the comment replied to (`${memberId}:${commentId}`), or null. */
  parentKey: z.string().max(140).nullable(),
  text: z.string().min(1).max(Limits.commentMax),
  evidence: z.array(commentEvidenceSchema).max(Limits.commentEvidenceMax),
  createdAt: epochMs,
  editedAt: epochMs.nullable(),
  deleted: z.boolean(),
});
export type MemberComment = z.infer<typeof memberCommentSchema>;

export const memberReactionSchema = z.strictObject({
  /** Workshop-doc key of the comment: `${memberId}:${commentId}`. */
  commentKey: z.string().max(140),
  emoji: z.enum(['👍', '❤️', '🤔', '🎯', '❓']),
  createdAt: epochMs,
});
export type MemberReaction = z.infer<typeof memberReactionSchema>;
export const REACTION_EMOJI = memberReactionSchema.shape.emoji.options;

/** Typed access to a member doc. Reads return only entries that pass validation. */
export class MemberDoc {
  constructor(readonly doc: Y.Doc) {}

  get ratings(): Y.Map<unknown> {
    return this.doc.getMap(MemberDocMaps.ratings);
  }
  get evidence(): Y.Map<unknown> {
    return this.doc.getMap(MemberDocMaps.evidence);
  }
  get comments(): Y.Map<unknown> {
    return this.doc.getMap(MemberDocMaps.comments);
  }
  get reactions(): Y.Map<unknown> {
    return this.doc.getMap(MemberDocMaps.reactions);
  }
  get drafts(): Y.Map<unknown> {
    return this.doc.getMap(MemberDocMaps.drafts);
  }
  get visits(): Y.Map<unknown> {
    return this.doc.getMap(MemberDocMaps.visits);
  }

  getRating(dimensionId: string): MemberRating | null {
    const parsed = memberRatingSchema.safeParse(this.ratings.get(dimensionId));
    return parsed.success ? parsed.data : null;
  }

  setRating(dimensionId: string, rating: MemberRating): void {
    this.ratings.set(dimensionId, memberRatingSchema.parse(rating));
  }

  /** Every valid rating; invalid entries are skipped (the server logs them). */
  validRatings(): Map<string, MemberRating> {
    return validEntries(this.ratings, memberRatingSchema);
  }
  validEvidence(): Map<string, MemberEvidence> {
    return validEntries(this.evidence, memberEvidenceSchema);
  }
  validComments(): Map<string, MemberComment> {
    return validEntries(this.comments, memberCommentSchema);
  }
  validReactions(): Map<string, MemberReaction> {
    return validEntries(this.reactions, memberReactionSchema);
  }
}

export function validEntries<T>(map: Y.Map<unknown>, schema: z.ZodType<T>): Map<string, T> {
  const out = new Map<string, T>();
  for (const [key, value] of map.entries()) {
    const parsed = schema.safeParse(value);
    if (parsed.success) out.set(key, parsed.data);
  }
  return out;
}
