import { createContext, useContext } from 'react';
import type { Rubric } from '../../../rubric/schema';
import type { RoomConnection } from '../sync/connection';
import type { WorkshopInfo } from './roomActions';

export interface RoomContextValue {
  workshopId: string;
  info: WorkshopInfo;
  rubric: Rubric;
  connection: RoomConnection;
  myMemberId: string;
  isFacilitator: boolean;
  /** Observers (and the projector) have no controls that write. */
  canWrite: boolean;
}

export const RoomContext = createContext<RoomContextValue | null>(null);

export function useRoom(): RoomContextValue {
  const value = useContext(RoomContext);
  if (!value) throw new Error('useRoom outside RoomContext');
  return value;
}

export function dimensionPath(workshopId: string, dimensionId: string): string {
  return `/workshops/${encodeURIComponent(workshopId)}/room/${encodeURIComponent(dimensionId)}`;
}
