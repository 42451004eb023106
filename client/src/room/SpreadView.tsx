import { useId, useState } from 'react';
import { AnonymityMode } from '../../../shared/domain';
import { compareRounds, type Spread, type SpreadInput, spreadByPerspective } from '../../../shared/stats/spread';
import { ScrollTable } from '../components/ScrollTable';
import { useDocSelector, useWorkshopDoc } from '../sync/hooks';
import { spreadInputs, stageLabel } from './model';
import { useRoom } from './RoomContext';
import { SpreadChart } from './SpreadChart';

interface Props {
  dimensionId: string;
  /** Projector: larger, no filter controls. */
  compact?: boolean;
  /** The heading's level under the page's own outline: h3 below the room's h2, h2 below the projector's h1. */
  headingLevel?: 2 | 3;
}

export function divergenceText(spread: Spread, label: (id: string | null) => string): string {
  if (spread.total === 0) return spread.notSure > 0 ? 'Only “not sure” ratings so far.' : 'No ratings yet.';
  if (!spread.divergent) return `Agreement: most ratings are ${label(spread.majorityStageId)}.`;
  const reasons = spread.divergenceReasons.map((r) =>
    r === 'wide-span' ? 'ratings span more than one stage' : 'no stage has a majority',
  );
  return `Divergent: ${reasons.join(' and ')}.`;
}

/** The revealed spread of one dimension: chart, its table, divergence, first round vs current. */
export function SpreadView({ dimensionId, compact = false, headingLevel = 3 }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { rubric, connection } = useRoom();
  const ws = useWorkshopDoc(connection);
  const id = useId();
  const [round, setRound] = useState<'current' | 'first'>('current');
  const [perspective, setPerspective] = useState('');
  const [grouped, setGrouped] = useState(false);
  const current = useDocSelector(ws, (w) => spreadInputs(w, dimensionId, 'current'), [], [dimensionId]);
  const first = useDocSelector(ws, (w) => spreadInputs(w, dimensionId, 'first'), [], [dimensionId]);
  const names = useDocSelector(ws, (w) => {
    const anonymous = (w.meta()?.anonymity ?? AnonymityMode.named) !== AnonymityMode.named;
    return anonymous ? null : new Map([...w.members()].map(([mid, m]) => [mid, m.name]));
  }, null);

  const stageIds = rubric.stages.map((s) => s.id);
  const label = (s: string | null) => stageLabel(rubric, s);
  const perspectives = [...new Set([...current, ...first].map((r) => r.perspective))].sort();
  // A chosen perspective can vanish (the anonymity switch merges small ones into "Other"): then show
  // everyone, as the select does, rather than filtering by a value no longer on screen.
  const chosen = perspectives.includes(perspective) ? perspective : '';
  const only = (rs: SpreadInput[]) => (chosen ? rs.filter((r) => r.perspective === chosen) : rs);
  // Everything below — counts, names, divergence, first round, who changed — is for the chosen
  // perspective only; an empty round is "No ratings yet", never everyone's numbers.
  const cmp = compareRounds(only(first), only(current), stageIds);
  const spread = round === 'current' ? cmp.current : cmp.first;
  const inputs = only(round === 'current' ? current : first);
  const groups = grouped && inputs.length > 0 ? spreadByPerspective(inputs, stageIds) : [{ perspective: chosen || 'Everyone', spread }];

  return (
    <section className={`spread${compact ? ' spread--compact' : ''}`} aria-labelledby={`${id}-h`}>
      <Heading id={`${id}-h`}>Spread of ratings</Heading>
      <p className={spread.divergent ? 'spread__flag spread__flag--divergent' : 'spread__flag'}>
        {spread.divergent && <span aria-hidden="true">⚠ </span>}
        {divergenceText(spread, label)}
      </p>
      {!compact && (
        <div className="spread__controls">
          <div className="field">
            <label htmlFor={`${id}-p`}>Perspective</label>
            <select id={`${id}-p`} value={chosen} onChange={(e) => setPerspective(e.target.value)}>
              <option value="">All perspectives</option>
              {perspectives.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </div>
          <label className="choice">
            <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} /> Group by perspective
          </label>
          <fieldset className="spread__round">
            <legend>Round</legend>
            <label className="choice">
              <input type="radio" name={`${id}-round`} checked={round === 'current'} onChange={() => setRound('current')} /> Current
            </label>
            <label className="choice">
              <input type="radio" name={`${id}-round`} checked={round === 'first'} onChange={() => setRound('first')} /> First round (at reveal)
            </label>
          </fieldset>
        </div>
      )}
      <div className="spread__body">
        <SpreadChart groups={groups} stages={rubric.stages} names={names} />
        <ScrollTable
          className="spread__table"
          caption={`${round === 'current' ? 'Current ratings' : 'First-round ratings'} per stage${chosen ? ` — ${chosen}` : ''}`}
        >
          <thead>
            <tr>
              <th scope="col">Stage</th>
              {groups.map((g) => (
                <th scope="col" key={g.perspective}>
                  {g.perspective}
                </th>
              ))}
              {names && <th scope="col">Who</th>}
            </tr>
          </thead>
          <tbody>
            {rubric.stages.map((s, i) => (
              <tr key={s.id}>
                <th scope="row">{s.label}</th>
                {groups.map((g) => (
                  <td key={g.perspective}>{g.spread.stages[i]!.count}</td>
                ))}
                {names && <td>{spread.stages[i]!.memberIds.map((m) => names.get(m) ?? 'Member').join(', ')}</td>}
              </tr>
            ))}
            <tr>
              <th scope="row">Not sure (counted apart)</th>
              {groups.map((g) => (
                <td key={g.perspective}>{g.spread.notSure}</td>
              ))}
              {names && <td />}
            </tr>
          </tbody>
        </ScrollTable>
      </div>
      <p className="spread__rounds">
        {cmp.changed.length === 0
          ? 'No one has changed their rating since the reveal.'
          : `${cmp.changed.length} changed since the first round` +
            (names
              ? `: ${cmp.changed.map((c) => `${names.get(c.memberId) ?? 'Member'} (${label(c.from)} → ${label(c.to)})`).join('; ')}.`
              : '.')}{' '}
        First round: {divergenceText(cmp.first, label)}
      </p>
    </section>
  );
}
