import { afterEach, describe, expect, it, vi } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { type Database_, openDatabase } from '../db/client';
import { sessions, users } from '../db/schema';
import type { Connection } from './connection';
import { SessionConnections } from './sessionConnections';

const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;

function fakeConnection(sessionId: string) {
  const close = vi.fn();
  return { conn: { principal: { userId: 'u1', sessionId }, close } as unknown as Connection, close };
}

describe('SessionConnections.closeExpired (SYNC17)', () => {
  let database: Database_ | null = null;
  afterEach(() => {
    database?.close();
    database = null;
  });

  it('ends exactly the missing and expired sessions among more open sessions than one query chunk holds', () => {
    database = openDatabase(':memory:');
    const { db } = database;
    db.insert(users).values({ id: 'u1', kind: 'guest', name: 'Ada', createdAt: NOW }).run();
    const row = (id: string, expiresAt: number, absoluteExpiresAt: number) => ({
      id,
      secretHash: Buffer.alloc(32),
      userId: 'u1',
      createdAt: NOW - HOUR,
      expiresAt,
      absoluteExpiresAt,
    });
    const validIds = Array.from({ length: 1_200 }, (_, i) => `valid-${i}`);
    db.insert(sessions)
      .values(validIds.map((id) => row(id, NOW + HOUR, NOW + 24 * HOUR)))
      .run();
    db.insert(sessions)
      .values([
        row('idle-expired', NOW, NOW + 24 * HOUR), // expiresAt === now already counts as expired
        row('absolute-expired', NOW + HOUR, NOW - 1),
      ])
      .run();

    // The ended sessions sit in different chunks (first, middle, last); one of them has two sockets.
    const openIds = [
      'missing',
      ...validIds.slice(0, 600),
      'idle-expired',
      ...validIds.slice(600),
      'absolute-expired',
    ];
    const ended = new Set(['missing', 'idle-expired', 'absolute-expired']);
    const open = new SessionConnections();
    const conns = openIds.map((id) => ({ id, ...fakeConnection(id) }));
    const second = { id: 'idle-expired', ...fakeConnection('idle-expired') };
    for (const c of [...conns, second]) open.add(c.conn);

    const select = vi.spyOn(db, 'select');
    open.closeExpired(db, NOW);

    expect(select).toHaveBeenCalledTimes(Math.ceil(openIds.length / 500));
    for (const c of [...conns, second]) {
      if (ended.has(c.id))
        expect(c.close, c.id).toHaveBeenCalledExactlyOnceWith(CloseCode.sessionEnded, 'session expired');
      else expect(c.close, c.id).not.toHaveBeenCalled();
    }
  });
});
