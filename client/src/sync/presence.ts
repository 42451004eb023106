import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { MemberRole } from '../../../shared/domain';

/**
 * Presence over the workshop doc's awareness: I set `{dimensionId, typing}`; the server stamps
 * `user:{memberId,name,perspective,role}` on what it relays, so a client cannot claim to be someone
 * else. States without a server-stamped user are ignored.
 */
export interface PresenceUser {
  clientId: number;
  memberId: string;
  name: string;
  perspective: string;
  role: MemberRole;
  dimensionId: string | null;
  typing: boolean;
}

function readPresence(provider: WebsocketProvider): PresenceUser[] {
  const out: PresenceUser[] = [];
  for (const [clientId, raw] of provider.awareness.getStates()) {
    const s = raw as { user?: Partial<PresenceUser>; dimensionId?: unknown; typing?: unknown };
    const u = s.user;
    if (!u || typeof u.memberId !== 'string' || typeof u.name !== 'string') continue;
    out.push({
      clientId,
      memberId: u.memberId,
      name: u.name,
      perspective: typeof u.perspective === 'string' ? u.perspective : '',
      role: (u.role as MemberRole) ?? 'participant',
      dimensionId: typeof s.dimensionId === 'string' ? s.dimensionId : null,
      typing: s.typing === true,
    });
  }
  return out;
}

/** Everyone present, one entry per member (a member with two tabs shows once, on the latest tab). */
export function usePresence(provider: WebsocketProvider): PresenceUser[] {
  const cache = useRef<PresenceUser[]>([]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const handler = () => {
        const byMember = new Map<string, PresenceUser>();
        for (const p of readPresence(provider)) byMember.set(p.memberId, p);
        cache.current = [...byMember.values()].sort((a, b) => a.name.localeCompare(b.name));
        onChange();
      };
      handler();
      provider.awareness.on('change', handler);
      return () => provider.awareness.off('change', handler);
    },
    [provider],
  );
  return useSyncExternalStore(subscribe, () => cache.current);
}

/** Publishes where I am and whether I am typing. */
export function useAnnouncePresence(provider: WebsocketProvider, dimensionId: string | null, typing: boolean): void {
  useEffect(() => {
    provider.awareness.setLocalStateField('dimensionId', dimensionId);
  }, [provider, dimensionId]);
  useEffect(() => {
    provider.awareness.setLocalStateField('typing', typing);
  }, [provider, typing]);
}
