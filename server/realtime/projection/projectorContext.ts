import type * as Y from 'yjs';
import type { Rubric } from '../../../rubric/schema';
import { splitKey, WorkshopDocMaps } from '../../../shared/docs/workshopDoc';
import { consensusForWorkshopDoc } from '../../consensus/forWorkshopDoc';
import type { Db } from '../../db/client';
import { memberFactsStamp, readStamp } from './inStepStamp';
import { loadFacts, type WorkshopFacts } from './loadFacts';
import { dimensionOf, type MemberState } from './memberKeyIndex';
import type { MemberProjection } from './projectMember';
import type { ConsensusSource, ProjectionLog } from './types';
import { consoleProjectionLog } from './types';
import type { WorkshopProjectorOptions } from './workshopProjector';

/** The transaction origin of every projector write; the transport can tell them from client updates. */
export const PROJECTION_ORIGIN = 'server';

export interface AttachedDoc {
  doc: Y.Doc;
  onUpdate: (...args: unknown[]) => void;
}

/**
 * Everything one workshop's projector holds, passed explicitly to the modules that make up its
 * steps (workshopProjector.ts composes them). One per projector; only the projector's own modules
 * read or change it.
 */
export interface ProjectorContext {
  readonly db: Db;
  readonly rubrics: ReadonlyMap<string, Rubric>;
  readonly now: () => number;
  readonly workshopId: string;
  /** The workshop doc; the projector is its only writer. */
  readonly workshopDoc: Y.Doc;
  readonly log: ProjectionLog;
  readonly consensusSource: ConsensusSource;
  /** Null without lazy member docs (SYNC60): then only attached docs count. */
  readonly requestAllMembers: (() => void) | null;
  /** One of the workshop doc's maps. */
  readonly map: (name: keyof typeof WorkshopDocMaps) => Y.Map<unknown>;
  /** The workshop doc has reached its size limit: member changes may not grow it (holdGrowth.ts). */
  readonly isFull: () => boolean;

  facts: WorkshopFacts;
  /** `memberFactsStamp(facts)`: what the doc's in-step stamp says while it is in step. */
  factsStamp: string;
  /**
   * The workshop doc holds exactly what every contributor's doc projects to — for the attached ones
   * because the projector keeps them in step, for the others because the stored doc said so (its
   * stamp) and nothing has been deferred since. Starts true only for a lazy load with a current stamp.
   */
  trusted: boolean;
  /**
   * A projection step failed (a bug or a bad row): the doc may be off for anyone, so it is never
   * stamped again by this projector, and the next load re-projects every member.
   */
  failed: boolean;
  readonly attached: Map<string, AttachedDoc>;
  /** Per attached member: what the incremental path needs (PROJ8) so an edit touches only its keys. */
  readonly memberStates: Map<string, MemberState>;
  /** Last known reactions per member, kept across detach so counts do not flicker when a doc unloads. */
  readonly reactionsByMember: Map<string, MemberProjection['reactions']>;
  /** Per member, the ignored entries already logged (PROJ5: once per entry and reason). */
  readonly loggedIgnored: Map<string, Set<string>>;
  /** An auto-reveal is running: its own refresh must not start another. */
  revealing: boolean;
  destroyed: boolean;

  /** PROJ3: is this entry about a frozen dimension (before or after the change)? By its key. */
  readonly lockedByKey: (key: string) => boolean;
  /**
   * By the dimension named in its value, before or after the change. Shaped as a diff's `frozen`
   * rule so it is passed as it is: one closure per projector, none per edit.
   */
  readonly lockedByValue: (key: string, current: unknown, next: unknown) => boolean;
  /** A comment's reaction counts: by the dimension of the comment the workshop doc holds. */
  readonly lockedComment: (commentKey: string) => boolean;
}

/** Loads the facts and reads whether the stored doc is in step with them. */
export function createProjectorContext(options: WorkshopProjectorOptions): ProjectorContext {
  const { db, rubrics, workshopId, workshopDoc } = options;
  const consensusSource = options.consensus ?? consensusForWorkshopDoc;
  const map = (name: keyof typeof WorkshopDocMaps) => workshopDoc.getMap<unknown>(WorkshopDocMaps[name]);
  const facts = loadFacts(db, rubrics, workshopId, consensusSource);
  const factsStamp = memberFactsStamp(facts);
  const requestAllMembers = options.requestAllMembers ?? null;

  const ctx: ProjectorContext = {
    db,
    rubrics,
    now: options.now,
    workshopId,
    workshopDoc,
    log: options.log ?? consoleProjectionLog,
    consensusSource,
    requestAllMembers,
    map,
    isFull: options.isFull ?? (() => false),
    facts,
    factsStamp,
    trusted: requestAllMembers !== null && readStamp(map('projection')) === factsStamp,
    failed: false,
    attached: new Map(),
    memberStates: new Map(),
    reactionsByMember: new Map(),
    loggedIgnored: new Map(),
    revealing: false,
    destroyed: false,
    lockedByKey: (key) => ctx.facts.frozen.has(splitKey(key)[0]),
    lockedByValue: (_key, current, next) =>
      ctx.facts.frozen.has(dimensionOf(current) ?? '') || ctx.facts.frozen.has(dimensionOf(next) ?? ''),
    lockedComment: (commentKey) => ctx.facts.frozen.has(dimensionOf(map('comments').get(commentKey)) ?? ''),
  };
  return ctx;
}
