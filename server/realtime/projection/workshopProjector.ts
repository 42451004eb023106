import type * as Y from 'yjs';
import { MemberDoc } from '../../../shared/docs/memberDoc';
import { dimensionMemberKey, splitKey, WorkshopDocMaps } from '../../../shared/docs/workshopDoc';
import type { Rubric } from '../../../rubric/schema';
import { consensusForWorkshopDoc } from '../../consensus/forWorkshopDoc';
import type { Db } from '../../db/client';
import { revealDimensions } from '../../room/reveal';
import { diffMap } from './diffMap';
import { loadFacts, type WorkshopFacts } from './loadFacts';
import { type MemberProjection, projectMember } from './projectMember';
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
  const attached = new Map<string, { doc: Y.Doc; onUpdate: () => void }>();
  /** Last known reactions per member, kept across detach so counts do not flicker when a doc unloads. */
  const reactionsByMember = new Map<string, MemberProjection['reactions']>();
  const loggedIgnored = new Map<string, Set<string>>();
  let revealing = false;
  let destroyed = false;

  const write = (fn: () => void) => workshopDoc.transact(fn, PROJECTION_ORIGIN);

  /** PROJ3: is this entry about a frozen dimension (before or after the change)? */
  const lockedByKey = (key: string) => facts.frozen.has(splitKey(key)[0]);
  const lockedByValue = (current: unknown, next: unknown) =>
    facts.frozen.has(dimensionOf(current) ?? '') || facts.frozen.has(dimensionOf(next) ?? '');
  const lockedComment = (commentKey: string) =>
    facts.frozen.has(dimensionOf(map('comments').get(commentKey)) ?? '');

  function projectFacts(): void {
    const all = { owns: () => true };
    diffMap(map('meta'), projectMeta(facts), all);
    diffMap(map('members'), projectMembers(facts), all);
    diffMap(map('dimensions'), projectDimensions(facts), all);
    diffMap(map('firstRound'), projectFirstRound(facts), { owns: () => true, frozen: lockedByKey });
    diffMap(map('consensus'), facts.consensus, all);
    diffMap(map('focus'), projectFocus(facts), all);
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

  function projectOwnDoc(memberId: string, doc: Y.Doc): void {
    const projection = facts.contributorIds.has(memberId)
      ? projectMember(doc, {
          memberId,
          rules: facts.rules,
          isRevealed: (dimensionId) => facts.reveals.has(dimensionId),
        })
      : emptyProjection();
    // `owns` runs for every key of the map, for each member: string tests instead of splitKey,
    // whose two slices per key were a good part of loading a big workshop (ids contain no ':').
    const byDimension = { owns: (k: string) => isKeyOfMember(k, memberId), frozen: lockedByKey };
    const byAuthor = {
      owns: (k: string) => isKeyOfAuthor(k, memberId),
      frozen: (_k: string, c: unknown, n: unknown) => lockedByValue(c, n),
    };
    diffMap(map('rated'), projection.rated, byDimension);
    diffMap(map('ratings'), projection.ratings, byDimension);
    diffMap(map('evidence'), projection.evidence, byAuthor);
    diffMap(map('comments'), projection.comments, byAuthor);
    reactionsByMember.set(memberId, projection.reactions);
    logIgnored(memberId, projection);
  }

  function projectReactionCounts(): void {
    const comments = map('comments');
    const active = [...reactionsByMember].filter(([id]) => facts.contributorIds.has(id)).map(([, r]) => r);
    const visible = (key: string) => {
      const comment = comments.get(key) as { deleted?: unknown } | undefined;
      return comment !== undefined && comment.deleted === false;
    };
    diffMap(map('reactions'), projectReactions(active, visible), { owns: () => true, frozen: lockedComment });
  }

  function logIgnored(memberId: string, projection: MemberProjection): void {
    const before = loggedIgnored.get(memberId) ?? new Set<string>();
    const current = new Set<string>();
    for (const entry of projection.ignored) {
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

  function onMemberChange(memberId: string, doc: Y.Doc): void {
    if (destroyed) return;
    guarded('member projection', () =>
      write(() => {
        projectOwnDoc(memberId, doc);
        projectReactionCounts();
      }),
    );
    maybeAutoReveal();
  }

  function refreshFacts(): void {
    if (destroyed) return;
    facts = loadFacts(db, rubrics, workshopId, consensusSource);
    write(() => {
      projectFacts();
      for (const [memberId, { doc }] of attached) projectOwnDoc(memberId, doc);
      projectReactionCounts();
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
  }

  write(projectFacts);

  return {
    attachMemberDoc(memberId, doc) {
      if (destroyed) return;
      detachMemberDoc(memberId);
      const onUpdate = () => onMemberChange(memberId, doc);
      doc.on('update', onUpdate);
      attached.set(memberId, { doc, onUpdate });
      onMemberChange(memberId, doc);
    },
    detachMemberDoc,
    refreshFacts,
    destroy() {
      for (const memberId of [...attached.keys()]) detachMemberDoc(memberId);
      destroyed = true;
    },
  };
}

function dimensionOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { dimensionId?: unknown }).dimensionId;
  return typeof id === 'string' ? id : undefined;
}

function emptyProjection(): MemberProjection {
  return {
    rated: new Map(),
    ratings: new Map(),
    evidence: new Map(),
    comments: new Map(),
    reactions: new Map(),
    ignored: [],
  };
}

/** `splitKey(key)[1] === memberId` for `<dimensionId>:<memberId>` keys, without allocating. */
function isKeyOfMember(key: string, memberId: string): boolean {
  return key.indexOf(':') === key.length - memberId.length - 1 && key.endsWith(memberId);
}

/** `splitKey(key)[0] === memberId` for `<memberId>:<entryId>` keys, without allocating. */
function isKeyOfAuthor(key: string, memberId: string): boolean {
  return key.charCodeAt(memberId.length) === 58 /* ':' */ && key.startsWith(memberId);
}
