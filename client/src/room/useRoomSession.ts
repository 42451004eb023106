import { useEffect, useState } from 'react';
import type { Rubric } from '../../../rubric/schema';
import { openRoomConnection, type RoomConnection } from '../sync/connection';
import { ApiRequestError } from '../api';
import { roomActions, type WorkshopInfo } from './roomActions';

export type RoomSession =
  | { status: 'loading' }
  | { status: 'error'; httpStatus: number; message: string }
  | { status: 'ready'; info: WorkshopInfo; rubric: Rubric; connection: RoomConnection };

/**
 * Loads the workshop and its rubric over HTTP, then opens the sync connection. `withMemberDoc` is
 * false for the projector, which must never hold private data (my ratings, drafts) in the page.
 */
export function useRoomSession(workshopId: string, withMemberDoc: boolean): RoomSession {
  const [session, setSession] = useState<RoomSession>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    let connection: RoomConnection | null = null;
    (async () => {
      try {
        const info = await roomActions.workshop(workshopId);
        const rubric = await roomActions.rubric(info.workshop.rubricId);
        if (cancelled) return;
        // Observers have no member doc: they may not write anything.
        const memberId = withMemberDoc && info.me.role !== 'observer' ? info.me.memberId : null;
        connection = openRoomConnection(workshopId, memberId);
        setSession({ status: 'ready', info, rubric, connection });
      } catch (err) {
        if (cancelled) return;
        const httpStatus = err instanceof ApiRequestError ? err.status : 0;
        setSession({ status: 'error', httpStatus, message: err instanceof Error ? err.message : String(err) });
      }
    })();
    return () => {
      cancelled = true;
      connection?.destroy();
    };
  }, [workshopId, withMemberDoc]);
  return session;
}
