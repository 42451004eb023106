import type * as Y from 'yjs';
import type { Rubric } from '../../../rubric/schema';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { dimensionMemberKey, splitKey, WorkshopDocMaps } from '../../../shared/docs/workshopDoc';
import { consensusForWorkshopDoc } from '../../consensus/forWorkshopDoc';
import type { Db } from '../../db/client';
import { revealDimensions } from '../../room/reveal';
import { diffMap, sameJson } from './diffMap';
import { memberFactsStamp, readStamp, writeStamp } from './inStepStamp';
import { loadFacts, type WorkshopFacts } from './loadFacts';
import {
  changedParts,
  changedRatingKeys,
  diffOwned,
  diffOwnedKeys,
  dimensionOf,
  isKeyOfAuthor,
  isKeyOfMember,
  type MemberState,
  type OwnedKeys,
} from './memberKeyIndex';
import {
  emptyMemberProjection,
  type IgnoredEntry,
  MEMBER_PARTS,
  type MemberPart,
  type MemberProjection,
  projectMemberPart,
  projectRatingsOf,
} from './projectMember';
import { projectMembers } from './projectMembers';
import { projectReactions } from './projectReactions';
import { projectDimensions, projectFirstRound, projectFocus, projectMeta } from './projectRoom';
import { type ConsensusSource, consoleProjectionLog, type ProjectionLog } from './types';

/** The transaction origin of every projector write; the transport can tell them from client updates. */
export const PROJECTION_ORIGIN = 'server';

export interface WorkshopProjectorOptions {
  db: Db;
  rubrics: ReadonlyMap<string, Rubric>;
  now: () => number;
  workshopId: string;
  /** The workshop doc; the projector is its only writer. */
  workshopDoc: Y.Doc;
  log?: ProjectionLog;
  /** Defaults to the consensus feature's `consensusForWorkshopDoc`. */
  consensus?: ConsensusSource;
  /**
   * Lazy member docs (SYNC60): given, the projector trusts the stored workshop doc for contributors
   * whose docs are not attached, as long as the doc's in-step stamp matches the facts, and calls this
   * when it needs every contributor's doc (the stamp did not match, reaction counts, an auto-reveal,
   * facts that change what members project to). Without it, only attached docs count — the
   * caller attaches everyone.
   */
  requestAllMembers?: () => void;
}

export interface WorkshopProjector {
  /** Starts projecting a member's own doc (and projects it now). Replaces an earlier doc of that member. */
  attachMemberDoc(memberId: string, doc: Y.Doc): void;
  /** Stops observing; what the member contributed stays until their doc is attached again. */
  detachMemberDoc(memberId: string): void;
  /** Re-reads the database (members, settings, reveals, consensus, focus) and re-projects everything. */
  refreshFacts(): void;
  destroy(): void;
}

/**
 * Maintains the workshop doc from the database and the members' own docs (docs/documents.md,
 * PROJ1–PROJ8). Synchronous: when a call returns, or a member doc's update event has fired, the
 * workshop doc already reflects it.
 */
export function createWorkshopProjector(options: WorkshopProjectorOptions): WorkshopProjector {
  const { db, rubrics, now, workshopId, workshopDoc } = options;
  const log = options.log ?? consoleProjectionLog;
  const consensusSource = options.consensus ?? consensusForWorkshopDoc;
  const map = (name: keyof typeof WorkshopDocMaps) => workshopDoc.getMap<unknown>(WorkshopDocMaps[name]);

  let facts: WorkshopFacts = loadFacts(db, rubrics, workshopId, consensusSource);
  let factsStamp = memberFactsStamp(facts);
  const requestAllMembers = options.requestAllMembers ?? null;
  /**
   * The workshop doc holds exactly what every contributor's doc projects to — for the attached ones
   * because the projector keeps them in step, for the others because the stored doc said so (its
   * stamp) and nothing has been deferred since. Starts true only for a lazy load with a current stamp.
   */
  let trusted = requestAllMembers !== null && readStamp(map('projection')) === factsStamp;
  const attached = new Map<string, { doc: Y.Doc; onUpdate: (...args: unknown[]) => void }>();
  /** Per attached member: what the incremental path needs (PROJ8) so an edit touches only its keys. */
  const state = new Map<string, MemberState>();
  /** Last known reactions per member, kept across detach so counts do not flicker when a doc unloads. */
  const reactionsByMember = new Map<string, MemberProjection['reactions']>();
  const loggedIgnored = new Map<string, Set<string>>();
  let revealing = false;
  let destroyed = false;

  /**
   * A projection step failed (a bug or a bad row): the doc may be off for anyone, so it is never
   * stamped again by this projector, and the next load re-projects every member.
   */
  let failed = false;

  /** Every projector write: the change, then the in-step bookkeeping in the same transaction. */
  const write = (fn: () => void) =>
    workshopDoc.transact(() => {
      try {
        fn();
      } catch (err) {
        failed = true;
        trusted = false;
        writeStamp(map('projection'), null);
        throw err;
      }
      settle();
    }, PROJECTION_ORIGIN);

  /** Every contributor's doc is attached (always so without lazy member docs). */
  function complete(): boolean {
    if (requestAllMembers === null) return true;
    for (const id of facts.contributorIds) if (!attached.has(id)) return false;
    return true;
  }

  /**
   * Ends every write: once all contributors are attached, does what waited for them (reaction
   * counts) and trusts the doc again; keeps the stamp saying exactly whether the doc is in step; and
   * asks for the missing docs while it is not.
   */
  function settle(): void {
    const everyone = complete();
    if (everyone && !trusted) {
      projectReactionCounts();
      trusted = true;
    }
    writeStamp(map('projection'), trusted && !failed ? factsStamp : null);
    if (!everyone && !trusted) requestAllMembers?.();
  }

  /**
   * Reaction counts add up every contributor's reactions. With some docs missing they wait, and the
   * doc stops being trusted; once everyone is attached, settle recounts them all at once.
   */
  function recountReactions(only?: ReadonlySet<string>): void {
    if (!complete()) trusted = false;
    else if (trusted) projectReactionCounts(only);
  }

  /** PROJ3: is this entry about a frozen dimension (before or after the change)? */
  const lockedByKey = (key: string) => facts.frozen.has(splitKey(key)[0]);
  const lockedByValue = (current: unknown, next: unknown) =>
    facts.frozen.has(dimensionOf(current) ?? '') || facts.frozen.has(dimensionOf(next) ?? '');
  const lockedComment = (commentKey: string) =>
    facts.frozen.has(dimensionOf(map('comments').get(commentKey)) ?? '');

  /**
   * The database-owned maps, and (PROJ6) removing the entries of members who no longer contribute.
   * That scan of every member-derived key is skipped when the doc is in step with these very facts:
   * it then holds no such entries (a day-long workshop's load spent a tenth of its time there).
   */
  function projectFacts(contributorsMayHaveChanged: boolean): void {
    const all = { owns: () => true };
    diffMap(map('meta'), projectMeta(facts), all);
    diffMap(map('members'), projectMembers(facts), all);
    diffMap(map('dimensions'), projectDimensions(facts), all);
    diffMap(map('firstRound'), projectFirstRound(facts), { owns: () => true, frozen: lockedByKey });
    diffMap(map('consensus'), facts.consensus, all);
    diffMap(map('focus'), projectFocus(facts), all);
    if (!contributorsMayHaveChanged) return;
    // PROJ6: entries of removed (or unknown) members leave the doc, except where a lock froze them.
    const stranger = (memberId: string) => !facts.contributorIds.has(memberId);
    const none = new Map<string, never>();
    diffMap(map('rated'), none, { owns: (k) => stranger(splitKey(k)[1]), frozen: lockedByKey });
    diffMap(map('ratings'), none, { owns: (k) => stranger(splitKey(k)[1]), frozen: lockedByKey });
    diffMap(map('evidence'), none, {
      owns: (k) => stranger(splitKey(k)[0]),
      frozen: (_k, c, n) => lockedByValue(c, n),
    });
    diffMap(map('comments'), none, {
      owns: (k) => stranger(splitKey(k)[0]),
      frozen: (_k, c, n) => lockedByValue(c, n),
    });
  }

  function memberState(memberId: string): MemberState {
    let st = state.get(memberId);
    if (!st) {
      st = { parse: new Map(), ignored: new Map(), owned: null };
      state.set(memberId, st);
    }
    return st;
  }

  function context(memberId: string) {
    return {
      memberId,
      rules: facts.rules,
      isRevealed: (dimensionId: string) => facts.reveals.has(dimensionId),
    };
  }

  /** One member-doc map's contribution (empty for non-contributors, PROJ6). */
  function projectPart(memberId: string, doc: Y.Doc, part: MemberPart, st: MemberState): MemberProjection {
    const out = emptyMemberProjection();
    if (facts.contributorIds.has(memberId)) projectMemberPart(part, doc, context(memberId), out, st.parse);
    st.ignored.set(part, out.ignored);
    return out;
  }

  /** The full path (attach, refreshFacts): scans the shared maps and rebuilds the member's key index. */
  function projectOwnDoc(memberId: string, doc: Y.Doc): void {
    const st = memberState(memberId);
    const ratings = projectPart(memberId, doc, 'ratings', st);
    const evidence = projectPart(memberId, doc, 'evidence', st);
    const comments = projectPart(memberId, doc, 'comments', st);
    const reactions = projectPart(memberId, doc, 'reactions', st);
    const owned: OwnedKeys = {
      rated: new Set(),
      ratings: new Set(),
      evidence: new Set(),
      comments: new Set(),
    };
    // `owns` runs for every key of the map, for each member: string tests instead of splitKey,
    // whose two slices per key were a good part of loading a big workshop (ids contain no ':').
    const byDimension = { owns: (k: string) => isKeyOfMember(k, memberId), frozen: lockedByKey };
    const byAuthor = {
      owns: (k: string) => isKeyOfAuthor(k, memberId),
      frozen: (_k: string, c: unknown, n: unknown) => lockedByValue(c, n),
    };
    diffMap(map('rated'), ratings.rated, byDimension, owned.rated);
    diffMap(map('ratings'), ratings.ratings, byDimension, owned.ratings);
    diffMap(map('evidence'), evidence.evidence, byAuthor, owned.evidence);
    diffMap(map('comments'), comments.comments, byAuthor, owned.comments);
    st.owned = owned;
    reactionsByMember.set(memberId, reactions.reactions);
    logIgnored(memberId, st);
  }

  /**
   * The incremental path (PROJ8): re-projects only the member-doc maps the transaction changed and
   * diffs them against the member's own workshop-doc keys (the index), never scanning whole maps.
   * Falls back to the full path when the index is missing or the member does not contribute.
   */
  function projectChangedParts(
    memberId: string,
    doc: Y.Doc,
    parts: ReadonlySet<MemberPart>,
    ratingKeys: ReadonlySet<string> | null,
  ): void {
    const st = state.get(memberId);
    if (!st?.owned || !facts.contributorIds.has(memberId)) {
      projectOwnDoc(memberId, doc);
      recountReactions();
      return;
    }
    const owned = st.owned;
    const commentKeys = new Set<string>();
    const byValue = (_k: string, c: unknown, n: unknown) => lockedByValue(c, n);
    if (parts.has('ratings') && ratingKeys) projectRatingKeys(memberId, doc, ratingKeys, st, owned);
    else if (parts.has('ratings')) {
      const p = projectPart(memberId, doc, 'ratings', st);
      diffOwned(map('rated'), p.rated, owned.rated, lockedByKey);
      diffOwned(map('ratings'), p.ratings, owned.ratings, lockedByKey);
    }
    if (parts.has('evidence'))
      diffOwned(
        map('evidence'),
        projectPart(memberId, doc, 'evidence', st).evidence,
        owned.evidence,
        byValue,
      );
    if (parts.has('comments')) {
      const p = projectPart(memberId, doc, 'comments', st);
      diffOwned(map('comments'), p.comments, owned.comments, byValue, commentKeys);
    }
    if (parts.has('reactions')) {
      const p = projectPart(memberId, doc, 'reactions', st);
      for (const key of reactionsByMember.get(memberId)?.keys() ?? []) commentKeys.add(key);
      for (const key of p.reactions.keys()) commentKeys.add(key);
      reactionsByMember.set(memberId, p.reactions);
    }
    // A comment that appeared, vanished or was (un)deleted, or a reaction that changed: only those
    // comments' counts can differ from what the workshop doc holds.
    if (commentKeys.size > 0) recountReactions(commentKeys);
    logIgnored(memberId, st);
  }

  /**
   * A rating edit re-projects only the dimensions it changed: re-projecting all of the member's
   * ratings and diffing both maps was a fifth of the server's allocations per edit in the benchmark.
   * The member's ignored entries for those dimensions are replaced, the others kept.
   */
  function projectRatingKeys(
    memberId: string,
    doc: Y.Doc,
    dimensionIds: ReadonlySet<string>,
    st: MemberState,
    owned: OwnedKeys,
  ): void {
    const out = emptyMemberProjection();
    projectRatingsOf(doc, dimensionIds, context(memberId), out, st.parse);
    const kept = (st.ignored.get('ratings') ?? []).filter((e) => !dimensionIds.has(e.key));
    st.ignored.set('ratings', out.ignored.length > 0 ? [...kept, ...out.ignored] : kept);
    const keys = [...dimensionIds].map((d) => dimensionMemberKey(d, memberId));
    diffOwnedKeys(map('rated'), out.rated, owned.rated, keys, lockedByKey);
    diffOwnedKeys(map('ratings'), out.ratings, owned.ratings, keys, lockedByKey);
  }

  /** PROJ9. With `only`, recounts just those comment keys (the incremental path). */
  function projectReactionCounts(only?: ReadonlySet<string>): void {
    const comments = map('comments');
    const active = [...reactionsByMember].filter(([id]) => facts.contributorIds.has(id)).map(([, r]) => r);
    const visible = (key: string) => {
      if (only && !only.has(key)) return false;
      const comment = comments.get(key) as { deleted?: unknown } | undefined;
      return comment !== undefined && comment.deleted === false;
    };
    const desired = projectReactions(active, visible);
    const reactions = map('reactions');
    if (!only) {
      diffMap(reactions, desired, { owns: () => true, frozen: lockedComment });
      return;
    }
    for (const key of only) {
      const current = reactions.get(key);
      const next = desired.get(key);
      if (next === undefined ? current === undefined : sameJson(current, next)) continue;
      if (lockedComment(key)) continue;
      if (next === undefined) reactions.delete(key);
      else reactions.set(key, next);
    }
  }

  function logIgnored(memberId: string, st: MemberState): void {
    const before = loggedIgnored.get(memberId) ?? new Set<string>();
    const current = new Set<string>();
    const ignored: IgnoredEntry[] = MEMBER_PARTS.flatMap((part) => st.ignored.get(part) ?? []);
    for (const entry of ignored) {
      const signature = `${entry.map}\u0000${entry.key}\u0000${entry.reason}`;
      current.add(signature);
      // Once per entry and reason, not once per keystroke.
      if (!before.has(signature)) log.warn('ignored member-doc entry', { workshopId, memberId, ...entry });
    }
    loggedIgnored.set(memberId, current);
  }

  /** Runs a projection step; a bug or bad row must not throw into the transport's update handling. */
  function guarded(what: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      log.warn(`${what} failed`, { workshopId, error: err instanceof Error ? err.message : String(err) });
    }
  }

  /** `parts` null: the full path (attach); otherwise only those member-doc maps changed. */
  function onMemberChange(
    memberId: string,
    doc: Y.Doc,
    parts: ReadonlySet<MemberPart> | null,
    ratingKeys: ReadonlySet<string> | null = null,
  ): void {
    if (destroyed) return;
    if (parts?.size === 0) {
      maybeAutoReveal(); // drafts, visits: nothing the workshop doc shows changed
      return;
    }
    guarded('member projection', () =>
      write(() => {
        if (parts) projectChangedParts(memberId, doc, parts, ratingKeys);
        else {
          projectOwnDoc(memberId, doc);
          // A trusted doc already counts an attaching member's reactions; an untrusted one is
          // recounted by settle once everyone is attached.
          if (trusted && complete()) projectReactionCounts();
        }
      }),
    );
    maybeAutoReveal();
  }

  function refreshFacts(): void {
    if (destroyed) return;
    facts = loadFacts(db, rubrics, workshopId, consensusSource);
    const before = factsStamp;
    factsStamp = memberFactsStamp(facts);
    write(() => {
      projectFacts(!trusted || factsStamp !== before);
      for (const [memberId, { doc }] of attached) projectOwnDoc(memberId, doc);
      // Facts that change what members project to (a reveal, a lock, a member added) need everyone;
      // the others (names, focus, consensus text) leave unattached members' entries as they are.
      if (complete() || factsStamp !== before) recountReactions();
    });
    maybeAutoReveal();
  }

  /**
   * PROJ7: with auto-reveal on, a dimension every active participant has rated is revealed as a
   * server action (revealedBy null, audited) through the same code as the facilitator's reveal.
   * With no participants nothing is ever auto-revealed: "everyone rated" would be vacuously true.
   */
  function maybeAutoReveal(): void {
    if (revealing || destroyed || !facts.settings.autoReveal || facts.meta.status !== 'open') return;
    const participants = facts.members
      .filter((m) => m.removedAt === null && m.role === 'participant')
      .map((m) => m.id);
    if (participants.length === 0) return;
    const rated = map('rated');
    const ready = facts.rules.dimensionIds.filter(
      (d) =>
        !facts.reveals.has(d) &&
        !facts.locked.has(d) &&
        participants.every((p) => rated.get(dimensionMemberKey(d, p)) === true),
    );
    if (ready.length === 0) return;
    // The reveal keeps everyone's current rating as the first round: it waits for every doc (the
    // last one attached runs this again).
    if (!complete()) {
      requestAllMembers?.();
      return;
    }
    revealing = true;
    guarded('auto-reveal', () => {
      revealDimensions(db, {
        workshopId,
        dimensionIds: ready,
        actor: null,
        now: now(),
        currentRatings: currentRatings(),
        rules: facts.rules,
      });
      refreshFacts();
    });
    revealing = false;
  }

  function currentRatings() {
    return new Map([...attached].map(([memberId, { doc }]) => [memberId, new MemberDoc(doc).validRatings()]));
  }

  function detachMemberDoc(memberId: string): void {
    const entry = attached.get(memberId);
    if (!entry) return;
    entry.doc.off('update', entry.onUpdate);
    attached.delete(memberId);
    state.delete(memberId);
  }

  // The key indexes are only as good as the assumption that the projector is the doc's only writer:
  // any other change to the workshop doc sends every member through the full path once.
  const onWorkshopTransaction = (tr: Y.Transaction) => {
    if (tr.origin !== PROJECTION_ORIGIN && tr.changed.size > 0)
      for (const st of state.values()) st.owned = null;
  };
  workshopDoc.on('afterTransaction', onWorkshopTransaction);

  if (requestAllMembers === null) workshopDoc.transact(() => projectFacts(true), PROJECTION_ORIGIN);
  else {
    write(() => projectFacts(!trusted));
    maybeAutoReveal();
  }

  return {
    attachMemberDoc(memberId, doc) {
      if (destroyed) return;
      detachMemberDoc(memberId);
      const onUpdate = (...args: unknown[]) => {
        const parts = changedParts(doc, args[3]);
        onMemberChange(memberId, doc, parts, parts?.has('ratings') ? changedRatingKeys(doc, args[3]) : null);
      };
      doc.on('update', onUpdate);
      attached.set(memberId, { doc, onUpdate });
      onMemberChange(memberId, doc, null);
    },
    detachMemberDoc,
    refreshFacts,
    destroy() {
      for (const memberId of [...attached.keys()]) detachMemberDoc(memberId);
      workshopDoc.off('afterTransaction', onWorkshopTransaction);
      destroyed = true;
    },
  };
}
