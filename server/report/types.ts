/**
 * The report model: what the report page, the JSON/CSV/PDF exports and the comparison are built
 * from. Plain JSON, no Node or DOM types, so the client imports these types too (`import type`).
 * Bump REPORT_SCHEMA_VERSION on any breaking change of shape; docs/report.md describes each field.
 */
export const REPORT_SCHEMA_VERSION = 1;

export const ActionStatus = {
  notStarted: 'not-started',
  inProgress: 'in-progress',
  done: 'done',
  dropped: 'dropped',
} as const;
export type ActionStatus = (typeof ActionStatus)[keyof typeof ActionStatus];
export const actionStatuses = Object.values(ActionStatus);

export interface ActionItem {
  id: string;
  dimensionId: string;
  targetStage: string;
  actions: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  copiedFromId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ReportStage {
  id: string;
  label: string;
  description: string;
}

/** One person's rating of one dimension. `participant` is a name only in `named` workshops. */
export interface ReportRating {
  participant: string;
  perspective: string;
  /** Current (final, once locked) stage id, "not-sure", or null. */
  stage: string | null;
  stageLabel: string | null;
  firstRoundStage: string | null;
  firstRoundStageLabel: string | null;
  rationale: string;
  updatedAt: number | null;
}

export interface ReportConsensus {
  stage: string | null;
  stageLabel: string | null;
  /** The rubric's description of this dimension at the chosen stage. */
  stageText: string | null;
  rationale: string;
  dissent: string;
  nextSteps: string;
  locked: boolean;
  lockedAt: number | null;
  revision: number;
  contentHash: string | null;
  notAssessedReason: string | null;
}

/** Count of ratings per stage id (plus notSure / unrated) of one round. */
export interface Distribution {
  counts: Record<string, number>;
  notSure: number;
  unrated: number;
  /** Stage ratings only. */
  total: number;
}

export interface HeatmapRow {
  perspective: string;
  /** Stage ratings of this perspective. */
  total: number;
  /** stage id → share of this perspective's stage ratings, 0..1 (rounded to 3 decimals). */
  shares: Record<string, number>;
  counts: Record<string, number>;
}

export interface SpreadSummary {
  /** Steps between lowest and highest rated stage; null without stage ratings. */
  firstRange: number | null;
  finalRange: number | null;
  /** narrowed / widened / unchanged; null when either round has no stage rating. */
  change: 'narrowed' | 'widened' | 'unchanged' | null;
  /** Every final stage rating on one stage. */
  agreed: boolean;
  /** How many people changed their stage since the first round. */
  changedCount: number;
}

export interface ReportEvidence {
  participant: string;
  url: string;
  title: string;
  note: string;
}

export interface ReportComment {
  participant: string;
  text: string;
  createdAt: number;
  reactions: number;
}

export interface ReportDimension {
  id: string;
  title: string;
  foundation: string;
  consensus: ReportConsensus | null;
  ratings: ReportRating[];
  firstRound: Distribution;
  final: Distribution;
  heatmap: HeatmapRow[];
  spread: SpreadSummary;
  evidence: ReportEvidence[];
  keyComments: ReportComment[];
  actionPlan: ActionItem[];
}

export interface ReportCategory {
  id: string;
  title: string;
  dimensions: ReportDimension[];
}

export interface ReportModel {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generatedAt: string;
  /** `final` once the workshop is finalized, else `in-progress` (the report is live). */
  status: 'in-progress' | 'final';
  workshop: {
    id: string;
    title: string;
    status: string;
    anonymity: string;
    createdAt: string;
    finalizedAt: string | null;
    previousWorkshopId: string | null;
  };
  institution: { id: string; name: string; system: string | null; state: string | null };
  rubric: { id: string; version: string; title: string; stages: ReportStage[] };
  participants: {
    total: number;
    observers: number;
    /** Names are present only in `named` workshops (REPORT1). */
    byPerspective: Array<{ perspective: string; count: number; names?: string[] }>;
  };
  /** False when nothing has been rated yet: every view says "No ratings yet". */
  hasRatings: boolean;
  categories: ReportCategory[];
  /** What the report could not include and why (e.g. evidence not reachable yet). */
  notes: string[];
}

/** Every dimension of the report in rubric order. */
export function allDimensionsOf(model: ReportModel): ReportDimension[] {
  return model.categories.flatMap((c) => c.dimensions);
}
