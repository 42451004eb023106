import type { HeatmapRow, ReportStage } from '../../../server/report/types';
import { ScrollTable } from '../components/ScrollTable';
import { pct } from './stagePattern';

/** Shade buckets with the text colour that keeps 4.5:1 contrast on each. */
function cellClass(share: number): string {
  if (share === 0) return 'heat heat--0';
  return share < 0.5 ? 'heat heat--1' : 'heat heat--2';
}

/** Dimension × perspective: each cell is the share of that perspective's ratings on that stage. */
export function HeatmapTable({ rows, stages, title }: { rows: readonly HeatmapRow[]; stages: readonly ReportStage[]; title: string }) {
  if (rows.length === 0) return null;
  return (
    <ScrollTable className="report-table report-heatmap" caption={`${title}: share of each perspective's ratings per stage`}>
      <thead>
        <tr>
          <th scope="col">Perspective (ratings)</th>
          {stages.map((s) => (
            <th scope="col" key={s.id}>
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.perspective}>
            <th scope="row">
              <span className="report-table__text">{r.perspective}</span> ({r.total})
            </th>
            {stages.map((s) => {
              const share = r.shares[s.id] ?? 0;
              return (
                <td key={s.id} className={cellClass(share)}>
                  {pct(share)} <span className="visually-hidden">({r.counts[s.id] ?? 0} of {r.total})</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
