import { useId, useState } from 'react';
import { AnonymityMode, anonymityModes } from '../../../shared/domain';
import { useDocSelector, useWorkshopDoc } from '../sync/hooks';
import { ConfirmButton } from '../components/ConfirmButton';
import { findDimension } from './model';
import { useRoom } from './RoomContext';
import { roomActions } from './roomActions';
import { useAction } from './useAction';

const anonymityLabel: Record<AnonymityMode, string> = {
  named: 'Named',
  'anonymous-while-rating': 'Anonymous until locked',
  anonymous: 'Anonymous',
};

/** Facilitator-only controls. Every action is an HTTP server action; the doc mirrors the result. */
export function FacilitatorPanel({ dimensionId }: { dimensionId: string | null }) {
  const { connection, workshopId, rubric, myMemberId } = useRoom();
  const ws = useWorkshopDoc(connection);
  const id = useId();
  const action = useAction();
  const [minutes, setMinutes] = useState('5');
  const [deadlineInput, setDeadlineInput] = useState('');
  const meta = useDocSelector(ws, (w) => w.meta(), null);
  const focus = useDocSelector(ws, (w) => w.focus(), { spotlight: null, timerEndsAt: null, timerLabel: '' });
  const members = useDocSelector(ws, (w) => [...w.members()].filter(([, m]) => !m.removed), []);
  const rated = useDocSelector(ws, (w) => new Set(dimensionId ? w.ratedBy(dimensionId) : []), new Set<string>(), [dimensionId]);
  const phase = useDocSelector(ws, (w) => (dimensionId ? w.dimensionState(dimensionId).phase : 'rating'), 'rating', [dimensionId]);
  const raters = members.filter(([, m]) => m.role !== 'observer');
  const title = dimensionId ? findDimension(rubric, dimensionId)?.dimension.title : null;

  return (
    <section className="facilitator" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Facilitator controls</h2>
      <div aria-live="polite" className="visually-hidden">
        {action.done ?? ''}
      </div>
      {action.error && (
        <p className="alert alert--error" role="alert">
          {action.error}
        </p>
      )}
      {dimensionId && title && (
        <div className="facilitator__group">
          <h3>{title}</h3>
          <p>
            {rated.size} of {raters.length} have rated.
          </p>
          <ul className="facilitator__raters" aria-label="Who has rated">
            {raters.map(([mid, m]) => (
              <li key={mid}>
                {m.name}: {rated.has(mid) ? 'rated' : 'not yet'}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={action.pending || phase !== 'rating'}
              onClick={() => action.run('Reveal', () => roomActions.reveal(workshopId, { dimensionIds: [dimensionId] }), 'Dimension revealed.')}
            >
              {phase === 'rating' ? 'Reveal this dimension' : 'Revealed'}
            </button>
            {focus.spotlight === dimensionId ? (
              <button type="button" className="button button--secondary" onClick={() => action.run('Clear spotlight', () => roomActions.focus(workshopId, null), 'Spotlight cleared.')}>
                Clear spotlight
              </button>
            ) : (
              <button type="button" className="button button--secondary" onClick={() => action.run('Spotlight', () => roomActions.focus(workshopId, dimensionId), 'Dimension spotlighted.')}>
                Spotlight this dimension
              </button>
            )}
          </div>
        </div>
      )}
      <div className="facilitator__group">
        <button type="button" className="button button--secondary" disabled={action.pending} onClick={() => action.run('Reveal all', () => roomActions.reveal(workshopId, { all: true }), 'All dimensions revealed.')}>
          Reveal all dimensions
        </button>
        <label className="choice">
          <input
            type="checkbox"
            checked={meta?.autoReveal ?? false}
            onChange={(e) => action.run('Auto-reveal setting', () => roomActions.settings(workshopId, { autoReveal: e.target.checked }), 'Auto-reveal setting saved.')}
          />{' '}
          Auto-reveal when everyone has rated
        </label>
        <div className="field">
          <label htmlFor={`${id}-anon`}>Anonymity</label>
          <select
            id={`${id}-anon`}
            value={meta?.anonymity ?? AnonymityMode.named}
            onChange={(e) => action.run('Anonymity setting', () => roomActions.settings(workshopId, { anonymity: e.target.value as AnonymityMode }), 'Anonymity setting saved.')}
          >
            {anonymityModes.map((m) => (
              <option key={m} value={m}>
                {anonymityLabel[m]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <form
        className="facilitator__group"
        onSubmit={(e) => {
          e.preventDefault();
          const seconds = Math.round(Number(minutes) * 60);
          if (seconds > 0) void action.run('Start timer', () => roomActions.timer(workshopId, seconds, title ?? undefined), 'Timer started.');
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-min`}>Timer minutes</label>
          <input id={`${id}-min`} type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            Start timer
          </button>
          {focus.timerEndsAt !== null && (
            <button type="button" className="button button--quiet" onClick={() => action.run('Stop timer', () => roomActions.timer(workshopId, null), 'Timer stopped.')}>
              Stop timer
            </button>
          )}
        </div>
      </form>
      <form
        className="facilitator__group"
        onSubmit={(e) => {
          e.preventDefault();
          const at = deadlineInput ? new Date(deadlineInput).getTime() : null;
          void action.run('Rating deadline', () => roomActions.settings(workshopId, { ratingDeadline: at }), at === null ? 'Rating deadline cleared.' : 'Rating deadline saved.');
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-deadline`}>Rating deadline</label>
          <span id={`${id}-deadline-desc`} className="field__description">
            At the deadline every dimension's ratings are revealed.
          </span>
          <input
            id={`${id}-deadline`}
            type="datetime-local"
            value={deadlineInput}
            aria-describedby={`${id}-deadline-desc`}
            onChange={(e) => setDeadlineInput(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {deadlineInput ? 'Set deadline' : 'Clear deadline'}
        </button>
      </form>
      <div className="facilitator__group">
        <h3>Members</h3>
        <ul className="facilitator__members">
          {members
            .filter(([mid]) => mid !== myMemberId)
            .map(([mid, m]) => (
              <li key={mid}>
                {m.name} <span className="muted">({m.role}{m.perspective ? `, ${m.perspective}` : ''})</span>{' '}
                <ConfirmButton
                  aria-label={`Remove ${m.name}`}
                  title={`Remove ${m.name}?`}
                  message={`${m.name} loses access at once and is disconnected from the room. Their past ratings stay on record.`}
                  confirmLabel={`Remove ${m.name}`}
                  onConfirm={() => action.run(`Remove ${m.name}`, () => roomActions.removeMember(workshopId, mid), `${m.name} removed.`)}
                >
                  Remove
                </ConfirmButton>
              </li>
            ))}
        </ul>
      </div>
    </section>
  );
}
