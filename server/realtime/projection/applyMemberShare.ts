import type { MemberComment, MemberEvidence } from '../../../shared/docs/memberDoc';
import { commentChars, evidenceChars } from '../../../shared/docs/memberShare';
import { Limits } from '../../../shared/domain';
import type { IgnoredEntry } from './projectMember';

/** A member's share of the workshop doc for one kind of entry (Limits, shared/docs/memberShare.ts). */
export interface Share<T> {
  /** At most this many entries (Infinity: no count limit). */
  maxEntries: number;
  maxChars: number;
  charsOf(entry: T): number;
}

/**
 * Keeps the oldest entries that fit the member's share, ignoring the rest (PROJ10). Oldest first —
 * by `createdAt`, then key — so a new entry can only be the one left out: what others have already
 * seen stays, whatever the member adds later. Pure, like the projection it is part of.
 */
export function applyMemberShare<T extends { createdAt: number }>(
  entries: Array<[string, T]>,
  share: Share<T>,
  map: string,
  ignored: IgnoredEntry[],
): Array<[string, T]> {
  let chars = 0;
  for (const [, entry] of entries) chars += share.charsOf(entry);
  if (entries.length <= share.maxEntries && chars <= share.maxChars) return entries; // the usual case
  entries.sort(([ka, a], [kb, b]) => a.createdAt - b.createdAt || (ka < kb ? -1 : ka > kb ? 1 : 0));
  const kept: Array<[string, T]> = [];
  chars = 0;
  for (const [key, entry] of entries) {
    const size = share.charsOf(entry);
    if (kept.length < share.maxEntries && chars + size <= share.maxChars) {
      kept.push([key, entry]);
      chars += size;
    } else ignored.push({ map, key, reason: "over the member's share of the workshop" });
  }
  return kept;
}

export const COMMENT_SHARE: Share<MemberComment> = {
  maxEntries: Limits.commentsPerMemberMax,
  maxChars: Limits.commentCharsPerMemberMax,
  charsOf: commentChars,
};

export const EVIDENCE_SHARE: Share<MemberEvidence> = {
  maxEntries: Number.POSITIVE_INFINITY, // counted per rating instead (evidencePerRatingMax)
  maxChars: Limits.evidenceCharsPerMemberMax,
  charsOf: evidenceChars,
};
