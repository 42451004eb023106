import { z } from 'zod';
import { Limits } from './domain';

/**
 * Request bodies and response shapes of the consensus, lock, finalize and audit routes — one
 * definition for the server (validation + OpenAPI) and the client (types).
 */
const consensusText = z.string().max(Limits.consensusTextMax);
const reason = z.string().trim().min(Limits.reasonMin).max(Limits.reasonMax);

export const consensusDraftBodySchema = z.strictObject({
  /** A stage id of the workshop's rubric; checked against the rubric by the server. */
  stage: z.string().min(1).max(64),
  rationale: consensusText,
  dissent: consensusText.optional(),
  nextSteps: consensusText.optional(),
});
export type ConsensusDraftBody = z.infer<typeof consensusDraftBodySchema>;

export const reasonBodySchema = z.strictObject({ reason });
export const handoffBodySchema = z.strictObject({ memberId: z.string().min(1).max(64) });

/** memberId → stage id, "not-sure" or null. */
export type RatingSnapshotView = Record<string, string | null>;

export interface ConsensusLockView {
  lockId: number;
  revision: number;
  stage: string;
  rationale: string;
  dissent: string;
  nextSteps: string;
  contentHash: string;
  /** The stored hash matches a fresh hash of the stored content (tamper check). */
  hashVerified: boolean;
  finalRatings: RatingSnapshotView;
  firstRound: RatingSnapshotView;
  lockedAt: number;
  lockedBy: string;
  unlock: { reason: string; unlockedAt: number; unlockedBy: string } | null;
}

export const ConsensusEvent = {
  edit: 'consensus.edit',
  lock: 'consensus.lock',
  unlock: 'consensus.unlock',
  notAssessed: 'consensus.not_assessed',
  notAssessedClear: 'consensus.not_assessed_clear',
} as const;
export type ConsensusEvent = (typeof ConsensusEvent)[keyof typeof ConsensusEvent];

export interface ConsensusHistoryEntry {
  id: number;
  at: number;
  /** Member id of the facilitator who acted; names come from the workshop doc (anonymity applies). */
  by: string | null;
  action: ConsensusEvent;
  before: unknown;
  after: unknown;
}

export interface ConsensusRecordView {
  dimensionId: string;
  draft: {
    stage: string;
    rationale: string;
    dissent: string;
    nextSteps: string;
    updatedAt: number;
    updatedBy: string;
  } | null;
  /** The revision the draft is on (the next lock seals it); 1 before any unlock. */
  revision: number;
  locked: boolean;
  /** The lock in force, if any. */
  lock: ConsensusLockView | null;
  notAssessed: { reason: string; markedAt: number; markedBy: string } | null;
  /** Every lock of this dimension, oldest first, each with its unlock if any. */
  locks: ConsensusLockView[];
  history: ConsensusHistoryEntry[];
}

export interface ConsensusListResponse {
  workshopId: string;
  status: string;
  dimensions: ConsensusRecordView[];
}

export interface AuditEntryView {
  id: number;
  at: number;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  /** Null for system actions (auto-reveal, the sync layer). */
  actor: {
    memberId: string | null;
    /** Display name, or the pseudonym in a fully anonymous workshop. */
    name: string | null;
    /**
     * The role the member acted in, recorded with the entry (AUDIT4). Entries written before roles
     * were recorded carry none: for those this is the member's current role (`roleRecorded` false).
     */
    role: string | null;
    /** False when `role` is the current role standing in for one never recorded (AUDIT4). */
    roleRecorded: boolean;
    account: { userId: string; kind: string; email: string | null } | null;
  } | null;
}

export interface AuditPageResponse {
  entries: AuditEntryView[];
  /** Pass as `before` to get the next (older) page; null when there is none. */
  nextBefore: number | null;
  /** Readable names for the ids the page's entries hold (AUDIT5); an id without one shows as is. */
  names: AuditNames;
}

/**
 * Names for the ids in a page of the audit log, one map per kind so an id of one kind is never
 * shown with another kind's name: what each entry acted on, the rubric's stages and dimensions
 * (values of `stage`, `targetStage`, `spotlight`, `dimensionId`), and members (keys of a handoff).
 */
export interface AuditNames {
  /** Entry id → what it acted on, e.g. a dimension's title or a member's name. */
  targets: Record<number, string>;
  stages: Record<string, string>;
  dimensions: Record<string, string>;
  /** Display names, or pseudonyms in an anonymous workshop (AUDIT3). */
  members: Record<string, string>;
}

export const auditQuerySchema = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
