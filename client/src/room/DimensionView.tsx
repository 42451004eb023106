import { useEffect, useState } from 'react';
import { useDocSelector, useWorkshopDoc } from '../sync/hooks';
import { ConsensusSlot } from './ConsensusSlot';
import { Discussion } from './Discussion';
import { findDimension, isLocked, lastVisitOf } from './model';
import { MyRating } from './MyRating';
import { useRoom } from './RoomContext';
import { SpreadView } from './SpreadView';
import { StageDefinitions } from './StageDefinitions';

interface Props {
  dimensionId: string;
  onTypingChange: (typing: boolean) => void;
}

export function DimensionView({ dimensionId, onTypingChange }: Props) {
  const { rubric, connection, info, workshopId, isFacilitator } = useRoom();
  const workshop = useWorkshopDoc(connection);
  const { member } = connection;
  const found = findDimension(rubric, dimensionId);
  const phase = useDocSelector(workshop, (w) => w.dimensionState(dimensionId).phase, 'rating', [dimensionId]);
  const locked = useDocSelector(workshop, (w) => isLocked(w, dimensionId), false, [dimensionId]);
  // After finalize (LOCK6) the server refuses every write; the room says so and offers no controls.
  const finalized = useDocSelector(workshop, (w) => w.meta()?.status === 'finalized', info.workshop.status === 'finalized');
  const notAssessed = useDocSelector(workshop, (w) => (w.consensus(dimensionId)?.notAssessedReason ?? null) !== null, false, [dimensionId]);
  const ratedCount = useDocSelector(workshop, (w) => w.ratedBy(dimensionId).length, 0, [dimensionId]);
  const allowNotSure = useDocSelector(workshop, (w) => w.meta()?.allowNotSure ?? info.workshop.settings.allowNotSure, info.workshop.settings.allowNotSure);

  // "New since your last visit" compares against the visit *before* this one, captured on arrival;
  // then this visit is recorded (and again on leaving, so what I read here is not new next time).
  const [lastVisit] = useState(() => lastVisitOf(member, dimensionId));
  useEffect(() => {
    if (!member) return;
    member.visits.set(dimensionId, Date.now());
    return () => {
      member.visits.set(dimensionId, Date.now());
    };
  }, [member, dimensionId]);

  if (!found) {
    return (
      <div className="dimension">
        <h2>Dimension not found</h2>
        <p>This rubric has no dimension “{dimensionId}”. Choose one from the list.</p>
      </div>
    );
  }
  const { category, dimension } = found;
  const revealed = phase !== 'rating';
  return (
    <article className="dimension" aria-labelledby="dimension-title">
      <p className="dimension__category">{category.title}</p>
      <h2 id="dimension-title" tabIndex={-1}>
        {dimension.title}
      </h2>
      <p className="dimension__phase">
        {finalized ? 'Workshop finalized — read-only · ' : ''}
        {notAssessed ? 'Not assessed' : locked ? 'Locked' : revealed ? 'Revealed' : 'Rating — ratings are private until the facilitator reveals them'} ·{' '}
        {ratedCount} rated
      </p>
      <section aria-labelledby="foundation-h" className="foundation">
        <h3 id="foundation-h">{rubric.foundationHeading ?? 'LER Foundation'}</h3>
        <p>{dimension.foundation}</p>
      </section>
      <StageDefinitions />
      {member ? (
        <MyRating
          member={member}
          dimension={dimension}
          allowNotSure={allowNotSure}
          locked={locked}
          finalized={finalized}
          onTypingChange={onTypingChange}
        />
      ) : (
        <section className="stage-cards stage-cards--readonly" aria-label="Stages">
          {rubric.stages.map((s, i) => (
            <div key={s.id} className={`stage-card stage-pattern-${i % 4}`}>
              <span className="stage-card__label">{s.label}</span>
              <span className="stage-card__text">
                {dimension.stageLabels?.[s.id] && <strong>{dimension.stageLabels[s.id]} </strong>}
                {dimension.stages[s.id]}
              </span>
            </div>
          ))}
          <p className="muted">You are observing: observers do not rate.</p>
        </section>
      )}
      {revealed ? (
        <SpreadView dimensionId={dimensionId} />
      ) : (
        <p className="spread-pending">The spread of ratings appears here once the facilitator reveals this dimension.</p>
      )}
      {/* Consensus slot — client/src/consensus owns ConsensusPanel ({workshopId, dimensionId, isFacilitator}). */}
      <ConsensusSlot workshopId={workshopId} dimensionId={dimensionId} isFacilitator={isFacilitator} />
      <Discussion
        key={dimensionId}
        dimensionId={dimensionId}
        lastVisit={lastVisit}
        locked={locked || finalized}
        closedBecause={notAssessed ? 'not-assessed' : locked ? 'locked' : 'finalized'}
      />
    </article>
  );
}
