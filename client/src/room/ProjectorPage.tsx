import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useDocSelector, useNow, useWorkshopDoc } from '../sync/hooks';
import { findDimension } from './model';
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
  const now = useNow(1000);
  const spotlight = focus.spotlight ? findDimension(rubric, focus.spotlight) : null;
  const phase = useDocSelector(ws, (w) => (focus.spotlight ? w.dimensionState(focus.spotlight).phase : 'rating'), 'rating', [focus.spotlight]);
  const rated = useDocSelector(ws, (w) => (focus.spotlight ? w.ratedBy(focus.spotlight).length : 0), 0, [focus.spotlight]);
  const left = focus.timerEndsAt !== null ? focus.timerEndsAt - now : null;
  return (
    <main className="projector">
      <header className="projector__header">
        <p className="projector__workshop">
          {info.workshop.title} · {info.workshop.institution.name}
        </p>
        {left !== null && (
          <p className="projector__timer" role="timer">
            {left > 0 ? formatRemaining(left) : "Time's up"}
          </p>
        )}
      </header>
      {spotlight ? (
        <>
          <p className="projector__category">{spotlight.category.title}</p>
          <h1>{spotlight.dimension.title}</h1>
          <p className="projector__foundation">{spotlight.dimension.foundation}</p>
          {phase === 'rating' ? (
            <p className="projector__waiting">
              Rating in progress — {rated} {rated === 1 ? 'person has' : 'people have'} rated. Ratings stay private until the reveal.
            </p>
          ) : (
            <SpreadView dimensionId={spotlight.dimension.id} compact />
          )}
        </>
      ) : (
        <h1>Waiting for the facilitator to spotlight a dimension</h1>
      )}
      <RoomAnnouncer />
    </main>
  );
}
