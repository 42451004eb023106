import { Limits } from '../domain';

/**
 * How much of a member's share of the workshop doc an entry uses (Limits.commentsPerMemberMax,
 * commentCharsPerMemberMax, evidenceCharsPerMemberMax), in characters of the text it puts there.
 * The server applies the share when it projects (oldest entries first, so posting never pushes out
 * what others have already seen); the client checks it before posting, so nothing typed is lost to
 * a refusal it could have foreseen.
 */

/** A comment's characters in the workshop doc: its text and links; a deleted one keeps neither. */
export function commentChars(c: {
  text: string;
  deleted: boolean;
  evidence: ReadonlyArray<{ url: string; title: string }>;
}): number {
  if (c.deleted) return 0;
  let n = c.text.length;
  for (const e of c.evidence) n += e.url.length + e.title.length;
  return n;
}

/** An evidence link's characters in the workshop doc. */
export function evidenceChars(e: { url: string; title: string; note: string }): number {
  return e.url.length + e.title.length + e.note.length;
}

/** What a member's comments use of their share: every comment counts, deleted ones (kept in threads) too. */
export interface CommentUsage {
  comments: number;
  chars: number;
}

/** Whether one more comment of `chars` characters fits beside `usage`. */
export function commentFits(usage: CommentUsage, chars: number): boolean {
  return (
    usage.comments + 1 <= Limits.commentsPerMemberMax &&
    usage.chars + chars <= Limits.commentCharsPerMemberMax
  );
}
