import type { CSSProperties } from 'react';
import type { Spread } from '../../../shared/stats/spread';
import type { RubricStage } from '../../../rubric/schema';
import { breakableAfterSlashes } from './stageLabelBreaks';

interface Props {
  groups: Array<{ perspective: string; spread: Spread }>;
  stages: RubricStage[];
  /** memberId → name, or null in anonymous modes (no names, ever). */
  names: Map<string, string> | null;
}

/**
 * One mark per rating on the stage scale, a row per group. Decorative for assistive technology: the
 * table next to it carries the same numbers. Stages differ by pattern and text, not colour alone.
 * In a narrow column (a phone) the CSS turns it a quarter: a row per stage, a column per group, so
 * stage names get the width they need; --chart-rows tells it how many rows the scale has.
 */
export function SpreadChart({ groups, stages, names }: Props) {
  return (
    <div className="spread-chart" aria-hidden="true">
      <div
        className="spread-chart__grid"
        style={{ '--chart-rows': stages.length + 1 + (groups.length > 1 ? 1 : 0) } as CSSProperties}
      >
        <div className="spread-chart__scale">
          {groups.length > 1 && <span className="spread-chart__group" />}
          {stages.map((s, i) => (
            <span key={s.id} className={`spread-chart__stage stage-pattern-${i % 4}`}>
              {breakableAfterSlashes(s.label)}
            </span>
          ))}
          <span className="spread-chart__stage spread-chart__stage--not-sure">Not sure</span>
        </div>
        {groups.map((g) => (
          <div className="spread-chart__row" key={g.perspective}>
            {groups.length > 1 && <span className="spread-chart__group">{g.perspective}</span>}
            {g.spread.stages.map((s, i) => (
              <span key={s.stageId} className="spread-chart__cell">
                {s.memberIds.map((m) => (
                  <span key={m} className={`spread-mark stage-pattern-${i % 4}`} title={names?.get(m)}>
                    {names ? initials(names.get(m) ?? '') : ''}
                  </span>
                ))}
                <span className="spread-chart__count">{s.count}</span>
              </span>
            ))}
            <span className="spread-chart__cell">
              {Array.from({ length: g.spread.notSure }, (_, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: identical anonymous marks
                <span key={k} className="spread-mark spread-mark--not-sure">?</span>
              ))}
              <span className="spread-chart__count">{g.spread.notSure}</span>
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}
