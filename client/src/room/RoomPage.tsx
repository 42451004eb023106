import { useEffect, useMemo, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { useConnectionState, useWorkshopProvider } from '../sync/hooks';
import { useAnnouncePresence } from '../sync/presence';
import { DimensionNav } from './DimensionNav';
import { DimensionView } from './DimensionView';
import { FacilitatorPanel } from './FacilitatorPanel';
import { PresenceList } from './PresenceList';
import { RoomAnnouncer } from './RoomAnnouncer';
import { dimensionPath, RoomContext, type RoomContextValue, useRoom } from './RoomContext';
import { RoomGate } from './RoomGate';
import { RoomStatusBar } from './RoomStatusBar';
import { useRoomSession } from './useRoomSession';
import './room.css';

/** /workshops/:id/room and /workshops/:id/room/:dimensionId */
export default function RoomPage() {
  const { id = '', dimensionId } = useParams();
  const session = useRoomSession(id, true);
  const value = useMemo<RoomContextValue | null>(() => {
    if (session.status !== 'ready') return null;
    const { info, rubric, connection } = session;
    return {
      workshopId: id,
      info,
      rubric,
      connection,
      myMemberId: info.me.memberId,
      isFacilitator: info.me.role === 'facilitator',
      canWrite: info.me.role !== 'observer',
    };
  }, [session, id]);

  if (session.status === 'loading') return <RoomMessage title="Opening the workshop…" />;
  if (session.status === 'error') {
    if (session.httpStatus === 401) {
      return (
        <RoomMessage title="Please sign in">
          <a href={`/signin?next=${encodeURIComponent(location.pathname)}`}>Sign in to open this workshop</a>
        </RoomMessage>
      );
    }
    return <RoomMessage title="This workshop could not be opened">{session.message}</RoomMessage>;
  }
  const firstDimension = session.rubric.categories[0]?.dimensions[0]?.id;
  if (!dimensionId && firstDimension) return <Navigate replace to={dimensionPath(id, firstDimension)} />;
  return (
    <RoomContext.Provider value={value}>
      <RoomGate>
        <RoomLayout dimensionId={dimensionId ?? null} />
      </RoomGate>
    </RoomContext.Provider>
  );
}

function RoomLayout({ dimensionId }: { dimensionId: string | null }) {
  const room = useRoom();
  const state = useConnectionState(room.connection);
  const [typing, setTyping] = useState(false);
  useAnnouncePresence(useWorkshopProvider(room.connection), dimensionId, typing);
  useEffect(() => {
    const title = dimensionId ? room.rubric.categories.flatMap((c) => c.dimensions).find((d) => d.id === dimensionId)?.title : null;
    document.title = `${title ? `${title} — ` : ''}${room.info.workshop.title} — LER Workshop`;
  }, [dimensionId, room.rubric, room.info.workshop.title]);

  return (
    <div className="room">
      <header className="room__header">
        <h1>
          {room.info.workshop.title} <span className="muted">· {room.info.workshop.institution.name}</span>
        </h1>
        <p className="room__me">
          You: {room.info.me.displayName} ({room.info.me.role}
          {room.info.me.perspective ? `, ${room.info.me.perspective}` : ''})
        </p>
        <RoomStatusBar currentId={dimensionId} />
      </header>
      <DimensionNav currentId={dimensionId} />
      <div className="room__main">
        {/* Wait for my doc's local copy, so the form never renders empty and then jumps. */}
        {dimensionId && state.memberLoaded ? (
          <DimensionView key={dimensionId} dimensionId={dimensionId} onTypingChange={setTyping} />
        ) : (
          <p>Loading…</p>
        )}
      </div>
      {/* Not an <aside>: the shell's <main> wraps the page, and a complementary landmark may not nest in it. */}
      <section className="room__aside" aria-label="People and controls">
        <PresenceList />
        {room.isFacilitator && <FacilitatorPanel dimensionId={dimensionId} />}
      </section>
      <RoomAnnouncer />
    </div>
  );
}

function RoomMessage({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="room-message">
      <h1>{title}</h1>
      {children && <p>{children}</p>}
    </div>
  );
}
