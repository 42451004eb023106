import { commentChars, evidenceChars } from '../../../shared/docs/memberShare';
import type { RevealedRating } from '../../../shared/docs/workshopDoc';
import type { MemberPart, MemberProjection } from './projectMember';
import type { ProjectorContext } from './projectorContext';

const FULL = 'the workshop doc has reached its size limit';

/**
 * PROJ11: the size limit of a document (WS_MAX_DOC_BYTES) holds for the projector's own writes to
 * the workshop doc too. Every member's entries reach every reader, and each member doc has a limit
 * of its own: without this, enough members could make the shared doc too big to open. Once the
 * doc has reached the limit, a member's change is projected only as far as it does not grow the
 * doc — a new comment or link waits, an entry made longer keeps its earlier version, and a rating's
 * stage still counts with a longer rationale left out. Shrinking and deleting always pass, so the
 * room can make space. What waits is logged as ignored and shows once the member changes it again
 * after space was made.
 */
export function holdGrowth(ctx: ProjectorContext, part: MemberPart, out: MemberProjection): void {
  if (!ctx.isFull()) return;
  if (part === 'comments') holdEntries(ctx, 'comments', out.comments, out, commentChars);
  else if (part === 'evidence') holdEntries(ctx, 'evidence', out.evidence, out, evidenceChars);
  else if (part === 'ratings') holdRationales(ctx, out);
}

function holdEntries<T>(
  ctx: ProjectorContext,
  name: 'comments' | 'evidence',
  projected: Map<string, T>,
  out: MemberProjection,
  charsOf: (entry: T) => number,
): void {
  const shared = ctx.map(name);
  for (const [key, entry] of projected) {
    const current = shared.get(key) as T | undefined;
    if (current === undefined) projected.delete(key);
    else if (charsOf(entry) > charsOf(current)) projected.set(key, current);
    else continue;
    out.ignored.push({ map: name, key, reason: FULL });
  }
}

function holdRationales(ctx: ProjectorContext, out: MemberProjection): void {
  const shared = ctx.map('ratings');
  for (const [key, rating] of out.ratings) {
    const current = shared.get(key) as RevealedRating | undefined;
    if (rating.rationale.length <= (current?.rationale.length ?? 0)) continue;
    out.ratings.set(key, { ...rating, rationale: '' });
    // Keyed by dimension, as every ignored rating is (the incremental path replaces them by it).
    out.ignored.push({
      map: 'ratings',
      key: key.slice(0, key.indexOf(':')),
      reason: `rationale left out: ${FULL}`,
    });
  }
}
