import { allDimensions, type Rubric } from '../../rubric/schema';
import type { ConsensusState } from '../../shared/docs/workshopDoc';
import { NOT_SURE } from '../../shared/domain';
import { readSettings } from '../workshops/settings';
import { type PeopleView, peopleView } from './anonymity';
import type { ReportInput } from './input';
import { distribution, heatmap, spreadSummary } from './stats';
import {
  REPORT_SCHEMA_VERSION,
  type ReportCategory,
  type ReportComment,
  type ReportConsensus,
  type ReportDimension,
  type ReportModel,
  type ReportRating,
} from './types';

const KEY_COMMENTS_PER_DIMENSION = 3;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Builds the report from loaded facts. Pure: the same input gives the same report, so the page and
 * every export agree. Blind rating holds here too: a dimension's individual ratings and evidence
 * appear only once it has been revealed — the live report never shows more than the room.
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const { workshop, rubric } = input;
  const anonymity = readSettings(workshop.settings).anonymity;
  const people = peopleView(anonymity, input.members);
  // Stable order for every view and export: join order, then name/pseudonym ("Participant 2" < "10").
  const raters = input.members
    .filter((m) => m.removedAt === null && m.role !== 'observer')
    .sort((a, b) => a.createdAt - b.createdAt || people.label(a.id).localeCompare(people.label(b.id), 'en', { numeric: true }));

  const categories: ReportCategory[] = rubric.categories.map((c) => ({ id: c.id, title: c.title, dimensions: [] }));
  for (const d of allDimensions(rubric)) {
    const consensus = input.consensus.get(d.id) ?? null;
    // Only a reveal makes ratings visible: a lock never does (SPEC LOCK10 — a lock needs a reveal,
    // and a legacy lock of a never-revealed dimension must not publish blind ratings).
    const visible = input.firstRound.has(d.id);
    const firstRound = input.firstRound.get(d.id) ?? {};
    const ratings: ReportRating[] = [];
    if (visible) {
      for (const m of raters) {
        const current = input.ratings.get(m.id)?.get(d.id) ?? null;
        const first = firstRound[m.id] ?? null;
        if (!current && first === null) continue;
        const stage = current?.stage ?? null;
        ratings.push({
          participant: people.label(m.id),
          perspective: people.perspective(m.id),
          stage,
          stageLabel: stageLabel(rubric, stage),
          firstRoundStage: first,
          firstRoundStageLabel: stageLabel(rubric, first),
          rationale: current?.rationale ?? '',
          updatedAt: current?.updatedAt ?? null,
        });
      }
    }
    const stageIds = rubric.stages.map((s) => s.id);
    const firstStages = visible ? raters.map((m) => firstRound[m.id] ?? null) : [];
    const dimension: ReportDimension = {
      id: d.id,
      title: d.title,
      foundation: d.foundation,
      consensus: consensus && reportConsensus(consensus, rubric, d.stages),
      ratings,
      firstRound: distribution(firstStages, stageIds),
      final: distribution(
        ratings.map((r) => r.stage),
        stageIds,
      ),
      heatmap: heatmap(ratings, stageIds),
      spread: spreadSummary(ratings, stageIds),
      evidence: visible
        ? input.evidence
            .filter((e) => e.dimensionId === d.id && raters.some((m) => m.id === e.memberId))
            .sort((a, b) => a.createdAt - b.createdAt)
            .map((e) => ({ participant: people.label(e.memberId), url: e.url, title: e.title, note: e.note }))
        : [],
      keyComments: keyComments(input, d.id, people),
      actionPlan: input.actionItems.filter((a) => a.dimensionId === d.id),
    };
    categories.find((c) => c.id === d.categoryId)!.dimensions.push(dimension);
  }

  const hasRatings = categories.some((c) => c.dimensions.some((d) => d.ratings.some((r) => r.stage !== null)));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: iso(input.now),
    status: workshop.status === 'finalized' ? 'final' : 'in-progress',
    workshop: {
      id: workshop.id,
      title: workshop.title,
      status: workshop.status,
      anonymity,
      createdAt: iso(workshop.createdAt),
      finalizedAt: workshop.finalizedAt === null ? null : iso(workshop.finalizedAt),
      previousWorkshopId: workshop.previousWorkshopId,
    },
    institution: {
      id: input.institution.id,
      name: input.institution.name,
      system: input.institution.system,
      state: input.institution.state,
    },
    rubric: { id: rubric.id, version: workshop.rubricVersion, title: rubric.title, stages: rubric.stages },
    participants: participantSummary(raters, input.members, people),
    hasRatings,
    categories,
    notes: input.notes,
  };
}

export function stageLabel(rubric: Rubric, stage: string | null): string | null {
  if (stage === null) return null;
  if (stage === NOT_SURE) return 'Not sure';
  return rubric.stages.find((s) => s.id === stage)?.label ?? stage;
}

function reportConsensus(c: ConsensusState, rubric: Rubric, stageTexts: Record<string, string>): ReportConsensus {
  return {
    stage: c.stage,
    stageLabel: stageLabel(rubric, c.stage),
    stageText: c.stage === null ? null : (stageTexts[c.stage] ?? null),
    rationale: c.rationale,
    dissent: c.dissent,
    nextSteps: c.nextSteps,
    locked: c.locked,
    lockedAt: c.lockedAt,
    revision: c.revision,
    contentHash: c.contentHash,
    notAssessedReason: c.notAssessedReason,
  };
}

/** The most-reacted comments of a dimension (ties: oldest first). */
function keyComments(input: ReportInput, dimensionId: string, people: PeopleView): ReportComment[] {
  return input.comments
    .filter((c) => c.dimensionId === dimensionId && !c.deleted)
    .sort((a, b) => b.reactions - a.reactions || a.createdAt - b.createdAt)
    .slice(0, KEY_COMMENTS_PER_DIMENSION)
    .map((c) => ({ participant: people.label(c.memberId), text: c.text, createdAt: c.createdAt, reactions: c.reactions }));
}

function participantSummary(
  raters: ReportInput['members'],
  all: ReportInput['members'],
  people: PeopleView,
): ReportModel['participants'] {
  const groups = new Map<string, string[]>();
  for (const m of raters) {
    const p = people.perspective(m.id);
    groups.set(p, [...(groups.get(p) ?? []), people.label(m.id)]);
  }
  const byPerspective = [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([perspective, names]) =>
      people.named ? { perspective, count: names.length, names: names.sort() } : { perspective, count: names.length },
    );
  const observers = all.filter((m) => m.removedAt === null && m.role === 'observer').length;
  return { total: raters.length, observers, byPerspective };
}
