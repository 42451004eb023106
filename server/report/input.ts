import type { Rubric } from '../../rubric/schema';
import type { ConsensusState } from '../../shared/docs/workshopDoc';
import type { institutions } from '../db/schema';
import type { MemberRow, WorkshopRow } from '../workshops/access';
import type { ActionItem } from './types';

export interface RatingInput {
  stage: string | null;
  rationale: string;
  updatedAt: number | null;
}

export interface EvidenceInput {
  memberId: string;
  dimensionId: string;
  url: string;
  title: string;
  note: string;
  createdAt: number;
}

export interface CommentInput {
  memberId: string;
  dimensionId: string;
  text: string;
  createdAt: number;
  deleted: boolean;
  /** Total reactions: the measure of a "key" comment. */
  reactions: number;
}

/**
 * Where the report's facts come from. The database-backed implementation (source.ts) reads the
 * consensus tables, the reveals and the members' docs; tests pass fixtures. Keeping this seam small
 * lets the report be built and tested before every producer of these facts exists.
 */
export interface ReportSource {
  /** dimensionId → consensus state, as the workshop doc shows it. */
  consensus(): Map<string, ConsensusState>;
  /** memberId → dimensionId → current rating (final ratings for locked dimensions). */
  ratings(): Promise<Map<string, Map<string, RatingInput>>>;
  /** dimensionId → memberId → stage at reveal. A dimension is revealed iff it has an entry. */
  firstRound(): Map<string, Record<string, string | null>>;
  evidence(): Promise<EvidenceInput[]>;
  comments(): Promise<CommentInput[]>;
  /** Limitations of this source, shown in the report's notes. */
  notes(): string[];
}

/** Everything buildReportModel needs, already loaded: the builder itself is pure. */
export interface ReportInput {
  now: number;
  workshop: WorkshopRow;
  institution: typeof institutions.$inferSelect;
  rubric: Rubric;
  members: MemberRow[];
  consensus: Map<string, ConsensusState>;
  ratings: Map<string, Map<string, RatingInput>>;
  firstRound: Map<string, Record<string, string | null>>;
  evidence: EvidenceInput[];
  comments: CommentInput[];
  actionItems: ActionItem[];
  notes: string[];
}
