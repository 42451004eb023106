import type { ReportDimension, ReportStage } from '../../../server/report/types';
import { ScrollTable } from '../components/ScrollTable';
import { stageIndex } from './stagePattern';

interface Props {
  dimensions: readonly ReportDimension[];
  stages: readonly ReportStage[];
}

const SIZE = 320;
const R = 120;
const C = SIZE / 2;

/**
 * Radar of consensus stages (one axis per dimension, one ring per stage), with the same facts as a
 * table beside it: the SVG is one image with a full text alternative, the table is for reading.
 */
export function RadarChart({ dimensions, stages }: Props) {
  const n = dimensions.length;
  const at = (i: number, r: number) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [C + r * Math.cos(a), C + r * Math.sin(a)] as const;
  };
  const stageOf = (d: ReportDimension) => (d.consensus?.notAssessedReason ? -1 : stageIndex(stages, d.consensus?.stage ?? null));
  const radius = (d: ReportDimension) => ((stageOf(d) + 1) * R) / stages.length;
  const label = (d: ReportDimension) =>
    d.consensus?.notAssessedReason ? 'Not assessed' : (d.consensus?.stageLabel ?? 'No consensus yet');
  const alt = `Consensus stage per dimension: ${dimensions.map((d, i) => `${i + 1}. ${d.title}: ${label(d)}`).join('; ')}.`;
  const shape = dimensions.map((d, i) => at(i, radius(d)).join(',')).join(' ');

  return (
    <div className="report-radar">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={alt} className="report-radar__svg">
        {stages.map((s, si) => (
          <polygon
            key={s.id}
            points={dimensions.map((_, i) => at(i, ((si + 1) * R) / stages.length).join(',')).join(' ')}
            fill="none"
            stroke="#8a8a8a"
            strokeWidth="1"
          />
        ))}
        {dimensions.map((d, i) => {
          const [x, y] = at(i, R);
          const [lx, ly] = at(i, R + 16);
          return (
            <g key={d.id}>
              <line x1={C} y1={C} x2={x} y2={y} stroke="#8a8a8a" />
              <text x={lx} y={ly} textAnchor="middle" dominantBaseline="middle" fontSize="13" fill="#1a1a1a">
                {i + 1}
              </text>
            </g>
          );
        })}
        <polygon points={shape} fill="rgba(31,59,99,0.25)" stroke="#1f3b63" strokeWidth="2" />
        {dimensions.map((d, i) => {
          const [x, y] = at(i, radius(d));
          return stageOf(d) < 0 ? (
            <circle key={d.id} cx={x} cy={y} r="4" fill="#fff" stroke="#1f3b63" strokeWidth="2" />
          ) : (
            <rect key={d.id} x={x - 4} y={y - 4} width="8" height="8" fill="#1f3b63" />
          );
        })}
      </svg>
      <ScrollTable className="report-table" caption="Consensus per dimension (the radar's data)">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Dimension</th>
            <th scope="col">Consensus stage</th>
            <th scope="col">Locked</th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d, i) => (
            <tr key={d.id}>
              <td>{i + 1}</td>
              <th scope="row">{d.title}</th>
              <td>{label(d)}</td>
              <td>{d.consensus?.locked ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
