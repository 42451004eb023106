import type * as Y from 'yjs';
import { MemberDocMaps } from '../../../shared/docs/memberDoc';
import { dimensionMemberKey } from '../../../shared/docs/workshopDoc';
import type { RatingRules } from '../../room/ratingRules';
import { sameJson } from './diffMap';
import { type IgnoredEntry, MEMBER_PARTS, type MemberPart, type ParseCache } from './projectMember';

/**
 * The projector's incremental bookkeeping: which member-doc maps a transaction touched, and which
 * workshop-doc keys each member owns, so one edit re-projects one member's few keys instead of
 * scanning whole maps (see docs/benchmarks.md for what this bought).
 */

export function dimensionOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { dimensionId?: unknown }).dimensionId;
  return typeof id === 'string' ? id : undefined;
}

export interface OwnedKeys {
  rated: Set<string>;
  ratings: Set<string>;
  evidence: Set<string>;
  comments: Set<string>;
}

export interface MemberState {
  /** Schema results of the member doc's entries, reused while an entry's value is unchanged. */
  parse: ParseCache;
  /** Ignored entries per member-doc map, as last projected (logged once per entry and reason). */
  ignored: Map<MemberPart, IgnoredEntry[]>;
  /** The member's keys present in each workshop map; null until the full path (re)builds it. */
  owned: OwnedKeys | null;
  /** The member's `rated`/`ratings` key per known dimension (ratingKeyOf). */
  ratingKeys: Map<string, string>;
}

export const PART_BY_MAP = new Map<string, MemberPart>(
  MEMBER_PARTS.map((part) => [MemberDocMaps[part], part]),
);

/** The top-level shared type a (possibly nested) type belongs to. */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types a transaction's changed keys as AbstractType<YEvent<any>>.
function rootOf(type: Y.AbstractType<Y.YEvent<any>>): Y.AbstractType<Y.YEvent<any>> {
  let top = type;
  while (top._item !== null) top = top._item.parent as typeof type;
  return top;
}

/**
 * Which feeding member-doc maps a transaction changed (the update event's 4th argument). Null — the
 * full path — when it cannot tell: no transaction, or a change to a top-level type it cannot name.
 */
export function changedParts(doc: Y.Doc, transaction: unknown): Set<MemberPart> | null {
  const changed = (transaction as Partial<Y.Transaction> | undefined)?.changed;
  if (!(changed instanceof Map)) return null;
  const parts = new Set<MemberPart>();
  for (const type of changed.keys()) {
    const top = rootOf(type);
    let name: string | undefined;
    for (const [n, t] of doc.share) if (t === top) name = n;
    if (name === undefined) return null;
    const part = PART_BY_MAP.get(name);
    if (part) parts.add(part);
  }
  return parts;
}

/**
 * One key of a member's in `map`: makes it `next` (absent when undefined) unless the frozen rule
 * says no, and keeps `owned` equal to the member's keys present in the map. True if it wrote.
 */
function diffOwnedKey<T>(
  map: Y.Map<unknown>,
  key: string,
  next: T | undefined,
  owned: Set<string>,
  frozen: (key: string, current: unknown, next: T | undefined) => boolean,
): boolean {
  const current = map.get(key);
  const present = current !== undefined || map.has(key);
  if (next === undefined) {
    if (!present) owned.delete(key);
    else if (!frozen(key, current, undefined)) {
      map.delete(key);
      owned.delete(key);
      return true;
    }
    return false;
  }
  if (sameJson(current, next) || frozen(key, current, next)) {
    if (present) owned.add(key);
    return false;
  }
  map.set(key, next);
  owned.add(key);
  return true;
}

/**
 * `diffMap` restricted to one member's indexed keys: deletes the owned keys that vanished from
 * `desired`, sets the ones whose value changed, and keeps `owned` equal to the member's keys present
 * in the map. Same frozen rule as `diffMap`. Changed keys are added to `touched` when given.
 */
export function diffOwned<T>(
  map: Y.Map<unknown>,
  desired: ReadonlyMap<string, T>,
  owned: Set<string>,
  frozen: (key: string, current: unknown, next: T | undefined) => boolean,
  touched?: Set<string>,
): void {
  // Deleting the current entry while iterating a Set is safe (it is simply not revisited); no copy.
  for (const key of owned) {
    if (!desired.has(key) && diffOwnedKey(map, key, undefined, owned, frozen)) touched?.add(key);
  }
  for (const [key, next] of desired) if (diffOwnedKey(map, key, next, owned, frozen)) touched?.add(key);
}

/**
 * `diffOwned` for the given keys only (the keys one edit can have changed): each is set, kept or
 * deleted exactly as `diffOwned` would. Every key must be the member's own.
 */
export function diffOwnedKeys<T>(
  map: Y.Map<unknown>,
  desired: ReadonlyMap<string, T>,
  owned: Set<string>,
  keys: Iterable<string>,
  frozen: (key: string, current: unknown, next: T | undefined) => boolean,
): void {
  for (const key of keys) diffOwnedKey(map, key, desired.get(key), owned, frozen);
}

/**
 * The dimension ids a transaction changed in the member doc's `ratings` map, when that is all it
 * changed there: its values are plain JSON, so a change inside one (a nested shared type a client
 * put there) needs the whole map re-projected — null, as for no transaction.
 */
export function changedRatingKeys(doc: Y.Doc, transaction: unknown): ReadonlySet<string> | null {
  const changed = (transaction as Partial<Y.Transaction> | undefined)?.changed;
  if (!(changed instanceof Map)) return null;
  const ratings: unknown = doc.getMap(MemberDocMaps.ratings);
  let keys: Set<string | null> | undefined;
  for (const [type, typeKeys] of changed) {
    if (type === ratings) keys = typeKeys;
    else if (rootOf(type) === ratings) return null;
  }
  if (!keys || keys.has(null)) return null;
  return keys as Set<string>;
}

/** `splitKey(key)[1] === memberId` for `<dimensionId>:<memberId>` keys, without allocating. */
export function isKeyOfMember(key: string, memberId: string): boolean {
  return key.indexOf(':') === key.length - memberId.length - 1 && key.endsWith(memberId);
}

/** `splitKey(key)[0] === memberId` for `<memberId>:<entryId>` keys, without allocating. */
export function isKeyOfAuthor(key: string, memberId: string): boolean {
  return key.charCodeAt(memberId.length) === 58 /* ':' */ && key.startsWith(memberId);
}

/**
 * The member's `rated`/`ratings` key for a dimension, the same string every time: the workshop-doc
 * item an edit writes keeps its key, so a fresh string per edit would be one more object per edit
 * for the young-generation GC to copy (docs/benchmarks.md item 37). Only the rubric's dimensions are
 * remembered: a member doc may hold any key, and the cache must stay bounded.
 */
export function ratingKeyOf(st: MemberState, rules: RatingRules, dimensionId: string, memberId: string): string {
  const known = st.ratingKeys.get(dimensionId);
  if (known !== undefined) return known;
  const key = dimensionMemberKey(dimensionId, memberId);
  if (rules.isKnownDimension(dimensionId)) st.ratingKeys.set(dimensionId, key);
  return key;
}
