import type * as Y from 'yjs';
import type { z } from 'zod';
import {
  type MemberComment,
  MemberDocMaps,
  type MemberEvidence,
  type MemberRating,
  memberCommentSchema,
  memberEvidenceSchema,
  memberRatingSchema,
  memberReactionSchema,
} from '../../../shared/docs/memberDoc';
import {
  authoredKey,
  dimensionMemberKey,
  type RevealedRating,
  type WorkshopComment,
  type WorkshopEvidence,
} from '../../../shared/docs/workshopDoc';
import { Limits } from '../../../shared/domain';
import type { RatingRules } from '../../room/ratingRules';
import { applyMemberShare, COMMENT_SHARE, EVIDENCE_SHARE } from './applyMemberShare';
import { sameJson } from './diffMap';

/** What one member's own doc contributes to the workshop doc, keyed as the workshop doc keys it. */
export interface MemberProjection {
  rated: Map<string, true>;
  ratings: Map<string, RevealedRating>;
  evidence: Map<string, WorkshopEvidence>;
  comments: Map<string, WorkshopComment>;
  /** commentKey → the emojis this member reacted with (a set: one vote per member and emoji). */
  reactions: Map<string, Set<string>>;
  ignored: IgnoredEntry[];
}

export interface IgnoredEntry {
  map: string;
  key: string;
  reason: string;
}

export interface MemberContext {
  /** The doc's owner, known from the doc's name — never from anything inside it (PROJ2). */
  memberId: string;
  rules: RatingRules;
  isRevealed(dimensionId: string): boolean;
}

/** An entry id usable in a composite key: no ':' so `${memberId}:${id}` splits unambiguously. */
const ENTRY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const COMMENT_KEY = /^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}$/;

/**
 * Computes a member's contribution from their doc. Pure: the same doc gives the same projection,
 * which is what lets the projector diff it against the workshop doc. Every rule that keeps a
 * member's doc from putting something where it must not be is applied here (PROJ1, PROJ2, PROJ5).
 */
export function projectMember(doc: Y.Doc, context: MemberContext, cache?: ParseCache): MemberProjection {
  const out = emptyMemberProjection();
  for (const part of MEMBER_PARTS) projectMemberPart(part, doc, context, out, cache);
  return out;
}

/** The member-doc maps that feed the workshop doc (drafts and visits feed nothing). */
export type MemberPart = 'ratings' | 'evidence' | 'comments' | 'reactions';
export const MEMBER_PARTS: readonly MemberPart[] = ['ratings', 'evidence', 'comments', 'reactions'];

/**
 * Schema results of a member doc's entries, per map and key, valid while the entry's value is the
 * same object (Y.Map returns the stored value itself, so an unchanged entry is never re-validated).
 * Only the schema result is cached: the rules that depend on the workshop (known dimension, allowed
 * stage, revealed) run on every projection.
 */
export type ParseCache = Map<string, Map<string, CachedParse>>;
type ParseResult = { success: true; data: unknown } | { success: false; reason: string };
/** A schema result together with the value it was computed for: one object per changed entry. */
type CachedParse = ParseResult & { value: unknown };

export function emptyMemberProjection(): MemberProjection {
  return {
    rated: new Map(),
    ratings: new Map(),
    evidence: new Map(),
    comments: new Map(),
    reactions: new Map(),
    ignored: [],
  };
}

/** Projects one member-doc map into `out` (ratings fill `rated` and `ratings`). */
export function projectMemberPart(
  part: MemberPart,
  doc: Y.Doc,
  context: MemberContext,
  out: MemberProjection,
  cache?: ParseCache,
): void {
  if (part === 'ratings') projectRatings(doc, context, out, cache);
  else if (part === 'evidence') projectEvidence(doc, context, out, cache);
  else if (part === 'comments') projectComments(doc, context, out, cache);
  else projectReactions(doc, out, cache);
}

function entries<T>(
  doc: Y.Doc,
  map: string,
  schema: z.ZodType<T>,
  out: MemberProjection,
  cache: ParseCache | undefined,
): Array<[string, T]> {
  const valid: Array<[string, T]> = [];
  const ymap = doc.getMap(map);
  const known = cachedResults(cache, map);
  // forEach, not entries(): Y.Map's iterators allocate a step object and a pair per entry, and this
  // runs for every entry of the changed map on every edit (benchmark allocation profile).
  let present = 0;
  ymap.forEach((value, key) => {
    present++;
    const result = parseEntry(key, value, schema, known);
    if (result.success) valid.push([key, result.data as T]);
    else out.ignored.push({ map, key, reason: result.reason });
  });
  // Keys were deleted: drop their cached results rather than keep stale entries around.
  if (known && known.size > present) for (const key of known.keys()) if (!ymap.has(key)) known.delete(key);
  return valid;
}

function cachedResults(cache: ParseCache | undefined, map: string) {
  if (!cache) return undefined;
  let known = cache.get(map);
  if (!known) {
    known = new Map();
    cache.set(map, known);
  }
  return known;
}

/** A member-doc entry's schema result, from the cache while the stored value is the same object. */
function parseEntry<T>(
  key: string,
  value: unknown,
  schema: z.ZodType<T>,
  known: Map<string, CachedParse> | undefined,
): ParseResult {
  const hit = known?.get(key);
  if (hit !== undefined && hit.value === value) return hit;
  const parsed = schema.safeParse(value);
  // What a result holds lives until the entry changes again, long enough for the young-generation
  // GC to copy it, and that copying is the server's latency tail under load (docs/benchmarks.md
  // item 37). So the result is one object, and a value the schema passed unchanged (zod returns a
  // copy even then) is used as it is: the workshop doc then shares the member doc's value object.
  const result: CachedParse = parsed.success
    ? { value, success: true, data: sameJson(parsed.data, value) ? value : parsed.data }
    : { value, success: false, reason: `invalid: ${parsed.error.issues[0]?.message ?? 'schema'}` };
  known?.set(key, result);
  return result;
}

function projectRatings(doc: Y.Doc, context: MemberContext, out: MemberProjection, cache?: ParseCache): void {
  for (const [dimensionId, rating] of entries(doc, MemberDocMaps.ratings, memberRatingSchema, out, cache)) {
    projectRating(dimensionId, rating, context, out);
  }
}

/**
 * `projectRatings` for some of the member's ratings only: the dimensions an edit changed (PROJ8).
 * Gives exactly the entries the full projection gives for those keys, and nothing else.
 */
export function projectRatingsOf(
  doc: Y.Doc,
  dimensionIds: Iterable<string>,
  context: MemberContext,
  out: MemberProjection,
  cache?: ParseCache,
): void {
  const map = MemberDocMaps.ratings;
  const ymap = doc.getMap(map);
  const known = cachedResults(cache, map);
  for (const dimensionId of dimensionIds) {
    const value = ymap.get(dimensionId);
    if (value === undefined && !ymap.has(dimensionId)) {
      known?.delete(dimensionId); // deleted: not rated
      continue;
    }
    const result = parseEntry(dimensionId, value, memberRatingSchema, known);
    if (result.success) projectRating(dimensionId, result.data as MemberRating, context, out);
    else out.ignored.push({ map, key: dimensionId, reason: result.reason });
  }
}

function projectRating(
  dimensionId: string,
  rating: MemberRating,
  { memberId, rules, isRevealed }: MemberContext,
  out: MemberProjection,
): void {
  const map = MemberDocMaps.ratings;
  if (!rules.isKnownDimension(dimensionId)) {
    out.ignored.push({ map, key: dimensionId, reason: 'unknown dimension' });
    return;
  }
  if (rating.stage === null) return; // cleared: not rated
  if (!rules.isAllowedStage(rating.stage)) {
    out.ignored.push({ map, key: dimensionId, reason: `stage not allowed: ${rating.stage}` });
    return;
  }
  const key = dimensionMemberKey(dimensionId, memberId);
  out.rated.set(key, true);
  // PROJ1: before reveal the value is never written, so it is not in any byte other browsers get.
  if (isRevealed(dimensionId)) {
    // memberRatingSchema is a strict {stage, rationale, updatedAt}: the validated rating is exactly
    // the workshop entry, so it is written as it is (shared with the member doc, see parseEntry).
    out.ratings.set(key, rating);
  }
}

function projectEvidence(
  doc: Y.Doc,
  { memberId, rules, isRevealed }: MemberContext,
  out: MemberProjection,
  cache?: ParseCache,
): void {
  const map = MemberDocMaps.evidence;
  const byDimension = new Map<string, Array<[string, MemberEvidence]>>();
  const usable: Array<[string, MemberEvidence]> = [];
  for (const [id, evidence] of entries(doc, map, memberEvidenceSchema, out, cache)) {
    if (!ENTRY_ID.test(id)) out.ignored.push({ map, key: id, reason: 'bad entry id' });
    else if (!rules.isKnownDimension(evidence.dimensionId))
      out.ignored.push({ map, key: id, reason: 'unknown dimension' });
    else usable.push([id, evidence]);
  }
  // The share counts unrevealed links too: a reveal must never push out links already shown.
  for (const [id, evidence] of applyMemberShare(usable, EVIDENCE_SHARE, map, out.ignored)) {
    if (isRevealed(evidence.dimensionId)) {
      const list = byDimension.get(evidence.dimensionId) ?? [];
      list.push([id, evidence]);
      byDimension.set(evidence.dimensionId, list);
    }
  }
  for (const list of byDimension.values()) {
    // Oldest first, so adding a 31st link never pushes out one others have already seen.
    list.sort(([ka, a], [kb, b]) => a.createdAt - b.createdAt || ka.localeCompare(kb));
    list.forEach(([id, e], i) => {
      if (i >= Limits.evidencePerRatingMax) {
        out.ignored.push({ map, key: id, reason: 'too many evidence links for one rating' });
        return;
      }
      out.evidence.set(authoredKey(memberId, id), { memberId, ...pick(e) });
    });
  }
}

function pick(e: MemberEvidence): Omit<WorkshopEvidence, 'memberId'> {
  return { dimensionId: e.dimensionId, url: e.url, title: e.title, note: e.note, createdAt: e.createdAt };
}

function projectComments(
  doc: Y.Doc,
  { memberId, rules }: MemberContext,
  out: MemberProjection,
  cache?: ParseCache,
): void {
  const map = MemberDocMaps.comments;
  const usable: Array<[string, MemberComment]> = [];
  for (const [id, comment] of entries(doc, map, memberCommentSchema, out, cache)) {
    if (!ENTRY_ID.test(id)) out.ignored.push({ map, key: id, reason: 'bad entry id' });
    else if (!rules.isKnownDimension(comment.dimensionId))
      out.ignored.push({ map, key: id, reason: 'unknown dimension' });
    else if (comment.parentKey !== null && !COMMENT_KEY.test(comment.parentKey)) {
      out.ignored.push({ map, key: id, reason: 'bad parent key' });
    } else usable.push([id, comment]);
  }
  for (const [id, comment] of applyMemberShare(usable, COMMENT_SHARE, map, out.ignored)) {
    out.comments.set(authoredKey(memberId, id), stampComment(memberId, comment));
  }
}

/**
 * PROJ2: the author is the doc's owner; nothing in the entry can claim otherwise (the schema is
 * strict, and memberId is set here last). A deleted comment keeps its place in the thread (replies
 * point at it) but its text and links leave the workshop doc.
 */
function stampComment(memberId: string, c: MemberComment): WorkshopComment {
  return {
    dimensionId: c.dimensionId,
    parentKey: c.parentKey,
    text: c.deleted ? '' : c.text,
    evidence: c.deleted ? [] : c.evidence,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    deleted: c.deleted,
    memberId,
  };
}

function projectReactions(doc: Y.Doc, out: MemberProjection, cache?: ParseCache): void {
  for (const [key, reaction] of entries(doc, MemberDocMaps.reactions, memberReactionSchema, out, cache)) {
    if (!COMMENT_KEY.test(reaction.commentKey)) {
      out.ignored.push({ map: MemberDocMaps.reactions, key, reason: 'bad comment key' });
      continue;
    }
    const set = out.reactions.get(reaction.commentKey) ?? new Set<string>();
    set.add(reaction.emoji);
    out.reactions.set(reaction.commentKey, set);
  }
}
