import { useEffect, useRef, useState } from 'react';
import type { WorkshopDoc } from '../../../shared/docs/workshopDoc';
import { useDocSelector, useWorkshopDoc } from '../sync/hooks';
import { findDimension } from './model';
import { useRoom } from './RoomContext';

interface Snapshot {
  revealed: Set<string>;
  locked: Set<string>;
  commentKeys: Set<string>;
  spotlight: string | null;
  timerEndsAt: number | null;
}

function snapshot(w: WorkshopDoc, dimensionIds: string[]): Snapshot {
  const revealed = new Set<string>();
  const locked = new Set<string>();
  for (const id of dimensionIds) {
    const phase = w.dimensionState(id).phase;
    if (phase !== 'rating') revealed.add(id);
    if (phase === 'locked' || w.consensus(id)?.locked) locked.add(id);
  }
  const f = w.focus();
  return { revealed, locked, commentKeys: new Set(w.comments().keys()), spotlight: f.spotlight, timerEndsAt: f.timerEndsAt };
}

/**
 * One polite live region that announces what others changed (reveals, locks, spotlight, timers, new
 * comments) without ever moving focus. The first snapshot after load is silent: only changes are news.
 */
export function RoomAnnouncer() {
  const { connection, rubric, myMemberId } = useRoom();
  const ids = rubric.categories.flatMap((c) => c.dimensions.map((d) => d.id));
  const workshop = useWorkshopDoc(connection);
  const snap = useDocSelector(workshop, (w) => snapshot(w, ids), null, [rubric]);
  const loaded = connection.getState().workshopLoaded;
  const prev = useRef<Snapshot | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    if (!snap) return;
    const before = prev.current;
    prev.current = snap;
    if (!before || !loaded) return;
    const title = (id: string) => findDimension(rubric, id)?.dimension.title ?? id;
    const news: string[] = [];
    const newlyRevealed = [...snap.revealed].filter((id) => !before.revealed.has(id));
    if (newlyRevealed.length > 2) news.push(`${newlyRevealed.length} dimensions revealed.`);
    else for (const id of newlyRevealed) news.push(`${title(id)} revealed.`);
    for (const id of snap.locked) if (!before.locked.has(id)) news.push(`${title(id)} locked.`);
    if (snap.spotlight !== before.spotlight && snap.spotlight) news.push(`Spotlight moved to ${title(snap.spotlight)}.`);
    if (snap.timerEndsAt !== before.timerEndsAt && snap.timerEndsAt) news.push('A timer started.');
    const added = [...snap.commentKeys].filter((k) => !before.commentKeys.has(k) && !k.startsWith(`${myMemberId}:`));
    if (added.length > 0) {
      const comments = connection.workshop.comments();
      const where = [...new Set(added.map((k) => comments.get(k)?.dimensionId).filter(Boolean) as string[])].map(title);
      news.push(`${added.length === 1 ? 'New comment' : `${added.length} new comments`} on ${where.join(', ')}.`);
    }
    if (news.length > 0) setMessage(news.join(' '));
  }, [snap, loaded, rubric, myMemberId, connection]);

  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
