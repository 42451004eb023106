import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useDocSelector, useNow, useWorkshopDoc } from '../sync/hooks';
import { findDimension, stageLabel } from './model';
import { isWorkshopClosed, type ProjectorDimensionState, projectorDimensionState } from './projectorState';
import { RoomAnnouncer } from './RoomAnnouncer';
import { RoomContext, type RoomContextValue, useRoom } from './RoomContext';
import { formatRemaining } from './RoomStatusBar';
import { SpreadView } from './SpreadView';
import { useRoomSession } from './useRoomSession';
import './room.css';

/**
 * /workshops/:id/projector — large type, high contrast, the spotlighted dimension and its live spread.
 * Opens the workshop doc only: no member doc, so my rating and drafts are not even in the page.
 */
export default function ProjectorPage() {
  const { id = '' } = useParams();
  const session = useRoomSession(id, false);
  const value = useMemo<RoomContextValue | null>(() => {
    if (session.status !== 'ready') return null;
    return {
      workshopId: id,
      info: session.info,
      rubric: session.rubric,
      connection: session.connection,
      myMemberId: session.info.me.memberId,
      isFacilitator: false,
      canWrite: false,
    };
  }, [session, id]);
  if (session.status !== 'ready' || !value) {
    return (
      <main className="projector">
        <h1>{session.status === 'error' ? `Cannot open the projector view: ${session.message}` : 'Opening…'}</h1>
      </main>
    );
  }
  return (
    <RoomContext.Provider value={value}>
      <ProjectorView />
    </RoomContext.Provider>
  );
}

function ProjectorView() {
  const { connection, rubric, info } = useRoom();
  const ws = useWorkshopDoc(connection);
  const focus = useDocSelector(ws, (w) => w.focus(), { spotlight: null, timerEndsAt: null, timerLabel: '' });
  const closed = useDocSelector(ws, (w) => isWorkshopClosed(w), false);
  const now = useNow(1000);
  const spotlight = focus.spotlight ? findDimension(rubric, focus.spotlight) : null;
  const state = useDocSelector(
    ws,
    (w) => (focus.spotlight ? projectorDimensionState(w, focus.spotlight) : null),
    null,
    [focus.spotlight],
  );
  // A finalized workshop has no running clock: "Time's up" would tell the room something is late.
  const left = focus.timerEndsAt !== null && !closed ? focus.timerEndsAt - now : null;
  return (
    <main className="projector">
      <header className="projector__header">
        <p className="projector__workshop">
          {info.workshop.title} · {info.workshop.institution.name}
        </p>
        {closed && <p className="projector__finalized">Workshop finalized</p>}
        {left !== null && (
          <p className="projector__timer" role="timer">
            {left > 0 ? formatRemaining(left) : "Time's up"}
          </p>
        )}
      </header>
      {spotlight && state ? (
        <>
          <p className="projector__category">{spotlight.category.title}</p>
          <h1>{spotlight.dimension.title}</h1>
          <p className="projector__foundation">{spotlight.dimension.foundation}</p>
          <ProjectorOutcome state={state} dimensionId={spotlight.dimension.id} />
        </>
      ) : (
        <h1>{closed ? 'Workshop finalized' : 'Waiting for the facilitator to spotlight a dimension'}</h1>
      )}
      <RoomAnnouncer />
    </main>
  );
}

/** The spotlighted dimension's state in words, then its spread once revealed. */
function ProjectorOutcome({ state, dimensionId }: { state: ProjectorDimensionState; dimensionId: string }) {
  const { rubric } = useRoom();
  switch (state.kind) {
    case 'not-assessed':
      return (
        <p className="projector__outcome">
          <span aria-hidden="true">⊘ </span>Not assessed: {state.reason}
        </p>
      );
    case 'rating':
      return (
        <p className="projector__waiting">
          Rating in progress — {state.rated} {state.rated === 1 ? 'person has' : 'people have'} rated. Ratings stay private until the
          reveal.
        </p>
      );
    case 'locked':
      return (
        <>
          <p className="projector__outcome">
            <span aria-hidden="true">🔒 </span>Consensus (locked): {stageLabel(rubric, state.stageId)}
          </p>
          {state.revealed && <SpreadView dimensionId={dimensionId} compact headingLevel={2} />}
        </>
      );
    case 'revealed':
      return <SpreadView dimensionId={dimensionId} compact headingLevel={2} />;
  }
}
