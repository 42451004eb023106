import { Link } from 'react-router';
import { useConnectionState, useDocSelector, useNow, useWorkshopDoc } from '../sync/hooks';
import { findDimension } from './model';
import { dimensionPath, useRoom } from './RoomContext';
import { countOf } from '../pages/format';

export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** Connection/sync state, rating deadline, countdown timer and the spotlight, for everyone. */
export function RoomStatusBar({ currentId }: { currentId: string | null }) {
  const { connection, rubric, workshopId } = useRoom();
  const state = useConnectionState(connection);
  const workshop = useWorkshopDoc(connection);
  const focus = useDocSelector(workshop, (w) => w.focus(), { spotlight: null, timerEndsAt: null, timerLabel: '' });
  const deadline = useDocSelector(workshop, (w) => w.meta()?.ratingDeadline ?? null, null);
  const now = useNow(1000);
  const spotlight = focus.spotlight ? findDimension(rubric, focus.spotlight) : null;
  const timerLeft = focus.timerEndsAt !== null ? focus.timerEndsAt - now : null;

  const connectionText =
    state.phase === 'online'
      ? state.workshopLoaded
        ? 'Connected — all changes saved'
        : 'Connecting…'
      : state.phase === 'connecting'
        ? 'Connecting…'
        : state.pendingChanges > 0
          ? `Offline — ${countOf(state.pendingChanges, 'change')} will sync`
          : 'Offline — changes will sync when you reconnect';

  return (
    <div className="room-status">
      <p className={`room-status__connection connection--${state.phase}`} role="status">
        <span className="connection-dot" aria-hidden="true" /> {connectionText}
      </p>
      {deadline !== null && (
        // ROOM12: at the deadline the server reveals every dimension; say so once it has passed.
        <p className="room-status__deadline">
          {deadline > now ? 'Rating deadline: ' : 'Rating closed '}
          <time dateTime={new Date(deadline).toISOString()}>{new Date(deadline).toLocaleString()}</time>
          {deadline > now ? '' : ' — ratings are revealed'}
        </p>
      )}
      {timerLeft !== null && (
        // role=timer is not live: the countdown would otherwise be read out every second.
        <p className="room-status__timer" role="timer">
          {focus.timerLabel || 'Timer'}: {timerLeft > 0 ? `${formatRemaining(timerLeft)} left` : "time's up"}
        </p>
      )}
      {spotlight && (
        <p className="room-status__spotlight">
          Spotlight: <strong>{spotlight.dimension.title}</strong>{' '}
          {focus.spotlight !== currentId && (
            <Link className="button button--secondary" to={dimensionPath(workshopId, focus.spotlight!)}>
              Go to spotlight
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
