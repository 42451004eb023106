import type { Distribution, ReportDimension, ReportStage } from '../../../server/report/types';
import { ScrollTable } from '../components/ScrollTable';
import { stagePatternId } from './stagePattern';

/** A stacked bar of one round's counts; decorative — the numbers are in the table cells next to it. */
export function StackedBar({ d, stages }: { d: Distribution; stages: readonly ReportStage[] }) {
  const total = d.total + d.notSure;
  let x = 0;
  return (
    <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="report-bar" aria-hidden="true" focusable="false">
      <rect width="100" height="10" fill="#fff" stroke="#6b6b6b" strokeWidth="0.5" />
      {total > 0
        ? stages.map((s, i) => {
            const w = ((d.counts[s.id] ?? 0) * 100) / total;
            const rect = <rect key={s.id} x={x} width={w} height="10" fill={`url(#${stagePatternId(i)})`} />;
            x += w;
            return rect;
          })
        : null}
    </svg>
  );
}

/** Individual ratings per stage for every dimension, first round and final, as a table with bars. */
export function DistributionChart({ dimensions, stages }: { dimensions: readonly ReportDimension[]; stages: readonly ReportStage[] }) {
  return (
    <ScrollTable
      className="report-table report-distribution"
      caption="Distribution of individual ratings (final round; first round in brackets)"
    >
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          {stages.map((s, i) => (
            <th scope="col" key={s.id}>
              <svg width="14" height="14" aria-hidden="true" focusable="false" className="report-swatch">
                <rect width="14" height="14" fill={`url(#${stagePatternId(i)})`} stroke="#333" />
              </svg>{' '}
              {s.label}
            </th>
          ))}
          <th scope="col">Not sure</th>
          <th scope="col">Chart</th>
        </tr>
      </thead>
      <tbody>
        {dimensions.map((d) => (
          <tr key={d.id}>
            <th scope="row">{d.title}</th>
            {stages.map((s) => (
              <td key={s.id}>
                {d.final.counts[s.id] ?? 0} ({d.firstRound.counts[s.id] ?? 0})
              </td>
            ))}
            <td>
              {d.final.notSure} ({d.firstRound.notSure})
            </td>
            <td className="report-distribution__bar">
              <StackedBar d={d.final} stages={stages} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
