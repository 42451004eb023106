import { allDimensionsOf, type ReportModel } from '../types';
import { drawRadar } from './charts';
import { writeDimension } from './dimension';
import { PdfWriter } from './writer';

/**
 * The report as a tagged PDF (pdfkit): real text everywhere (selectable, extractable), headings and
 * paragraphs in the structure tree, charts drawn as vectors with alternative text and their numbers
 * repeated in text next to them.
 */
export async function reportToPdf(model: ReportModel): Promise<Buffer> {
  const title = `LER self-assessment report — ${model.institution.name}`;
  const w = new PdfWriter(title, { footer: model.workshop.title });
  const dimensions = allDimensionsOf(model);

  w.section(() => {
    w.heading(1, title);
    w.paragraph(model.workshop.title, { label: 'Workshop' });
    w.paragraph(`${model.rubric.title}, version ${model.rubric.version}`, { label: 'Rubric' });
    w.paragraph(
      model.status === 'final'
        ? `Final (finalized ${model.workshop.finalizedAt?.slice(0, 10)})`
        : 'In progress — this report changes as the team works',
      { label: 'Status' },
    );
    w.paragraph(
      `Started ${model.workshop.createdAt.slice(0, 10)}; generated ${model.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
      {
        label: 'Dates',
      },
    );
    const inst = [model.institution.system, model.institution.state].filter(Boolean).join(', ');
    if (inst) w.paragraph(inst, { label: 'System / state' });
    w.paragraph(
      `${model.participants.total} participants${model.participants.observers ? ` and ${model.participants.observers} observers` : ''}`,
      { label: 'Team' },
    );
    w.list(
      model.participants.byPerspective.map(
        (p) => `${p.perspective}: ${p.count}${p.names ? ` (${p.names.join(', ')})` : ''}`,
      ),
    );
    if (!model.hasRatings)
      w.paragraph('No ratings yet. This report lists the rubric and will fill in as the team rates.', {
        label: 'Note',
      });
  });

  w.section(() => {
    w.heading(2, 'Consensus at a glance');
    const alt = `Radar chart of the consensus stage of each dimension: ${dimensions
      .map((d, i) => `${i + 1} ${d.title}: ${d.consensus?.stageLabel ?? 'no consensus'}`)
      .join('; ')}.`;
    w.figure(alt, 260, (top) =>
      drawRadar(
        w,
        dimensions.map((d, i) => ({
          label: String(i + 1),
          stageIndex: d.consensus?.notAssessedReason ? null : indexOf(model, d.consensus?.stage ?? null),
        })),
        model.rubric.stages,
        top,
      ),
    );
    w.list(
      dimensions.map((d, i) => {
        const c = d.consensus;
        const stage = c?.notAssessedReason ? 'Not assessed' : (c?.stageLabel ?? 'No consensus yet');
        return `${i + 1}. ${d.title}: ${stage}${c && !c.locked && c.stage ? ' (draft)' : ''}`;
      }),
    );
    w.paragraph(
      `In the bar charts below, stages are shaded from light to dark in rubric order (${model.rubric.stages.map((s) => s.label).join(', ')}); white = not sure. Every bar also prints its counts.`,
      { muted: true, size: 8 },
    );
  });

  for (const category of model.categories) {
    w.section(() => {
      w.heading(2, category.title);
      for (const d of category.dimensions) writeDimension(w, model, dimensions.indexOf(d) + 1, d);
    });
  }

  if (model.notes.length > 0) {
    w.section(() => {
      w.heading(2, 'Notes');
      w.list(model.notes);
    });
  }
  return w.finish();
}

function indexOf(model: ReportModel, stage: string | null): number | null {
  const i = model.rubric.stages.findIndex((s) => s.id === stage);
  return i < 0 ? null : i;
}
