import type { ReportDimension, ReportModel } from '../types';
import { drawHeatmap, drawStackedBar } from './charts';
import { PAGE_MARGIN, type PdfWriter } from './writer';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One dimension: consensus with the rubric's stage text, spread, ratings, evidence, comments, plan. */
export function writeDimension(w: PdfWriter, model: ReportModel, number: number, d: ReportDimension): void {
  const stages = model.rubric.stages;
  const label = (id: string | null) => stages.find((s) => s.id === id)?.label ?? (id === 'not-sure' ? 'Not sure' : '—');
  w.section(() => {
    w.heading(3, `${number}. ${d.title}`);
    const c = d.consensus;
    if (c?.notAssessedReason) {
      w.paragraph(`Not assessed — ${c.notAssessedReason}`, { label: 'Consensus' });
    } else if (c?.stageLabel) {
      w.paragraph(`${c.stageLabel}${c.locked ? ' (locked)' : ' (draft, not locked)'}`, { label: 'Consensus' });
      if (c.stageText) w.paragraph(c.stageText, { label: 'Rubric text for this stage', muted: true });
      if (c.rationale) w.paragraph(c.rationale, { label: 'Rationale' });
      if (c.dissent) w.paragraph(c.dissent, { label: 'Dissent' });
      if (c.nextSteps) w.paragraph(c.nextSteps, { label: 'To reach the next stage' });
    } else {
      w.paragraph('No consensus recorded yet.', { label: 'Consensus' });
    }

    if (d.ratings.length === 0) {
      w.paragraph('No ratings yet (or not revealed yet).', { label: 'Individual ratings' });
    } else {
      const counts = (r: ReportDimension['final']) =>
        [...stages.map((s) => `${s.label} ${r.counts[s.id] ?? 0}`), `Not sure ${r.notSure}`].join(', ');
      w.figure(`First round and final ratings. First round: ${counts(d.firstRound)}. Final: ${counts(d.final)}.`, 34, (top) => {
        w.doc.fontSize(8).fillColor('#1a1a1a');
        w.doc.text('First round', PAGE_MARGIN, top + 2, { lineBreak: false });
        drawStackedBar(w, PAGE_MARGIN + 70, top, 300, d.firstRound, stages);
        w.doc.text('Final', PAGE_MARGIN, top + 19, { lineBreak: false });
        drawStackedBar(w, PAGE_MARGIN + 70, top + 17, 300, d.final, stages);
      });
      w.paragraph(`First round: ${counts(d.firstRound)}. Final: ${counts(d.final)}.`, { label: 'Distribution' });
      const s = d.spread;
      const spread =
        s.change === null
          ? 'Not enough stage ratings to compare rounds.'
          : `Range ${s.firstRange} → ${s.finalRange} stage steps (${s.change})${s.agreed ? ', everyone on one stage' : ''}; ${s.changedCount} changed their rating.`;
      w.paragraph(spread, { label: 'First round vs final' });
      if (d.heatmap.length > 0) {
        w.figure(
          `Share of ratings per stage by perspective: ${d.heatmap
            .map((h) => `${h.perspective}: ${stages.map((st) => `${st.label} ${pct(h.shares[st.id] ?? 0)}`).join(', ')}`)
            .join('; ')}.`,
          14 + d.heatmap.length * 15,
          (top) => drawHeatmap(w, d.heatmap, stages, top),
        );
      }
      w.paragraph('', { size: 2 });
      w.list(
        d.ratings.map(
          (r) =>
            `${r.participant} (${r.perspective}): ${label(r.stage)} — first round ${label(r.firstRoundStage)}${r.rationale ? `. ${r.rationale}` : ''}`,
        ),
      );
    }
    if (d.evidence.length > 0) {
      w.paragraph('', { label: 'Evidence cited' });
      w.list(d.evidence.map((e) => `${e.title || e.url} <${e.url}> (${e.participant})${e.note ? ` — ${e.note}` : ''}`));
    }
    if (d.keyComments.length > 0) {
      w.paragraph('', { label: 'Key comments' });
      w.list(d.keyComments.map((k) => `${k.participant}: ${k.text}`));
    }
    if (d.actionPlan.length > 0) {
      w.paragraph('', { label: 'Action plan' });
      w.list(
        d.actionPlan.map(
          (a) =>
            `Target ${label(a.targetStage)} — ${a.actions} (owner: ${a.owner || 'unassigned'}; due ${a.dueDate ?? 'not set'}; ${a.status})`,
        ),
      );
    }
  });
}
