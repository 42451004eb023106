import type { Distribution, HeatmapRow, ReportStage } from '../types';
import { Gray, PAGE_MARGIN, type PdfWriter } from './writer';

/** Grey levels per stage (light → dark): readable printed in black and white. */
export function stageShade(index: number, count: number): string {
  const level = Math.round(235 - (index / Math.max(1, count - 1)) * 175);
  const hex = level.toString(16).padStart(2, '0');
  return `#${hex}${hex}${hex}`;
}

export interface RadarPoint {
  /** Short axis label (the dimension's number). */
  label: string;
  /** 0-based stage index, or null (no consensus / not assessed). */
  stageIndex: number | null;
}

/**
 * Radar of consensus stages: one axis per dimension, one ring per stage. A dimension without a
 * consensus sits at the centre and is drawn as an open circle.
 */
export function drawRadar(w: PdfWriter, points: readonly RadarPoint[], stages: readonly ReportStage[], top: number): void {
  const doc = w.doc;
  const radius = 110;
  const cx = PAGE_MARGIN + w.contentWidth / 2;
  const cy = top + radius + 16;
  const n = points.length;
  const at = (i: number, r: number): [number, number] => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  };
  doc.save().lineWidth(0.5).strokeColor(Gray.light);
  stages.forEach((stage, s) => {
    const r = (radius * (s + 1)) / stages.length;
    const ring = points.map((_, i) => at(i, r));
    doc.polygon(...ring).stroke();
    doc.fillColor(Gray.muted).fontSize(7).text(w.t(stage.label), cx + 3, cy - r - 9, { lineBreak: false });
  });
  points.forEach((p, i) => {
    const [x, y] = at(i, radius);
    doc.moveTo(cx, cy).lineTo(x, y).stroke();
    const [lx, ly] = at(i, radius + 11);
    doc.fillColor(Gray.text).fontSize(9).text(p.label, lx - 6, ly - 5, { width: 12, align: 'center', lineBreak: false });
  });
  const value = (p: RadarPoint) => (p.stageIndex === null ? 0 : (radius * (p.stageIndex + 1)) / stages.length);
  const shape = points.map((p, i) => at(i, value(p)));
  if (points.some((p) => p.stageIndex !== null)) {
    doc.lineWidth(1.5).strokeColor(Gray.text).fillColor('#777777').fillOpacity(0.25);
    doc.polygon(...shape).fillAndStroke();
    doc.fillOpacity(1);
  }
  points.forEach((p, i) => {
    const [x, y] = shape[i]!;
    if (p.stageIndex === null) doc.lineWidth(1).strokeColor(Gray.text).circle(x, y, 2.5).stroke();
    else doc.fillColor(Gray.text).circle(x, y, 2.5).fill();
  });
  doc.restore();
}

/** A horizontal bar split by stage, each segment labelled with its count where it fits. */
export function drawStackedBar(
  w: PdfWriter,
  x: number,
  y: number,
  width: number,
  d: Distribution,
  stages: readonly ReportStage[],
): void {
  const doc = w.doc;
  const height = 12;
  const total = d.total + d.notSure;
  doc.save().lineWidth(0.5).strokeColor(Gray.rule).rect(x, y, width, height).stroke();
  if (total > 0) {
    let left = x;
    const segments = [
      ...stages.map((s, i) => ({ n: d.counts[s.id] ?? 0, fill: stageShade(i, stages.length), dark: i > stages.length / 2 })),
      { n: d.notSure, fill: '#ffffff', dark: false },
    ];
    for (const seg of segments) {
      if (seg.n === 0) continue;
      const segWidth = (width * seg.n) / total;
      doc.fillColor(seg.fill).rect(left, y, segWidth, height).fillAndStroke(seg.fill, Gray.rule);
      if (segWidth > 10) {
        doc.fillColor(seg.dark ? '#ffffff' : Gray.text).fontSize(8);
        doc.text(String(seg.n), left, y + 2.5, { width: segWidth, align: 'center', lineBreak: false });
      }
      left += segWidth;
    }
  }
  doc.restore();
}

/** Perspective × stage grid; each cell shaded by share and printed as a percentage. */
export function drawHeatmap(w: PdfWriter, rows: readonly HeatmapRow[], stages: readonly ReportStage[], top: number): void {
  const doc = w.doc;
  const labelWidth = 150;
  const cellWidth = Math.min(110, (w.contentWidth - labelWidth) / stages.length);
  const rowHeight = 15;
  doc.save().fontSize(8).fillColor(Gray.text);
  stages.forEach((s, i) => {
    doc.text(w.t(s.label), PAGE_MARGIN + labelWidth + i * cellWidth, top, { width: cellWidth, align: 'center', lineBreak: false });
  });
  rows.forEach((row, r) => {
    const y = top + 12 + r * rowHeight;
    doc.fillColor(Gray.text).text(w.t(`${row.perspective} (${row.total})`), PAGE_MARGIN, y + 4, { width: labelWidth - 4, lineBreak: false, ellipsis: true });
    stages.forEach((s, i) => {
      const share = row.shares[s.id] ?? 0;
      const level = Math.round(250 - share * 190);
      const hex = level.toString(16).padStart(2, '0');
      const x = PAGE_MARGIN + labelWidth + i * cellWidth;
      doc.rect(x, y, cellWidth, rowHeight).fillAndStroke(`#${hex}${hex}${hex}`, Gray.rule);
      doc.fillColor(share > 0.55 ? '#ffffff' : Gray.text).text(`${Math.round(share * 100)}%`, x, y + 4, { width: cellWidth, align: 'center', lineBreak: false });
    });
  });
  doc.restore();
}
