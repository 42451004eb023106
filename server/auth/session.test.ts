import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testConfig } from '../config';
import { type Database_, openDatabase } from '../db/client';
import { nullRealtimeBridge, type RealtimeBridge } from '../realtime/bridge';
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  type SessionDeps,
  validateSessionToken,
} from './session';
import { hashSecret } from './token';
import { createGuest } from './users';

// Wrap the real comparison in a spy so a test can prove validation goes through it.
vi.mock('@oslojs/crypto/subtle', async (importOriginal) => {
  const real = await importOriginal<typeof import('@oslojs/crypto/subtle')>();
  return { ...real, constantTimeEqual: vi.fn(real.constantTimeEqual) };
});

const HOUR = 60 * 60 * 1000;
const IDLE = 10 * HOUR;
const ABSOLUTE = 30 * HOUR;

describe('sessions', () => {
  let database: Database_;
  let clock: { now: number };
  let deps: SessionDeps & { realtime: RealtimeBridge };
  let userId: string;
  const ended: string[] = [];

  beforeEach(() => {
    database = openDatabase(':memory:');
    clock = { now: 1_800_000_000_000 };
    ended.length = 0;
    deps = {
      database,
      config: testConfig({ sessionIdleMs: IDLE, sessionAbsoluteMs: ABSOLUTE }),
      now: () => clock.now,
      realtime: { ...nullRealtimeBridge, sessionEnded: (id) => ended.push(id) },
    };
    userId = createGuest(database.db, { name: 'Ana', now: clock.now }).id;
  });
  afterEach(() => database.close());

  const stored = () =>
    database.sqlite.prepare('select * from sessions').all() as Array<Record<string, unknown>>;

  it('AUTH2: a token is <id>.<secret> with at least 120 random bits in each half', () => {
    const { token, session } = createSession(deps, userId);
    const [id, secret] = token.split('.');
    expect(id).toBe(session.id);
    // 24 characters from a 32-letter alphabet = 120 bits each.
    expect(id).toMatch(/^[a-km-np-z2-9]{24}$/);
    expect(secret).toMatch(/^[a-km-np-z2-9]{24}$/);
    expect(createSession(deps, userId).token).not.toBe(token);
  });

  it('AUTH2: only the SHA-256 of the secret is stored, never the token or the secret', () => {
    const { token } = createSession(deps, userId);
    const secret = token.split('.')[1]!;
    const rows = stored();
    expect(rows).toHaveLength(1);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(secret);
    expect(new Uint8Array(rows[0]!.secret_hash as Buffer)).toEqual(hashSecret(secret));
  });

  it('AUTH2: the secret is compared with constantTimeEqual', () => {
    const { token } = createSession(deps, userId);
    vi.mocked(constantTimeEqual).mockClear();
    expect(validateSessionToken(deps, token)).not.toBeNull();
    expect(constantTimeEqual).toHaveBeenCalledTimes(1);
  });

  it('AUTH3: validation returns the session and user for a good token', () => {
    const { token, session } = createSession(deps, userId);
    const result = validateSessionToken(deps, token);
    expect(result?.session).toEqual(session);
    expect(result?.user).toEqual({ id: userId, kind: 'guest', email: null, name: 'Ana' });
  });

  it('AUTH3: every failure path returns null (malformed, unknown id, wrong secret)', () => {
    const { token } = createSession(deps, userId);
    const [id, secret] = token.split('.') as [string, string];
    // Replace a character with a DIFFERENT one: a fixed replacement equals the original 1 time in 32.
    const other = (c: string) => (c === 'a' ? 'b' : 'a');
    for (const bad of [
      '',
      'nodot',
      `${id}.`,
      `.${secret}`,
      `${id}.${secret}.x`,
      `${id}.${secret.slice(0, -1)}${other(secret.at(-1)!)}`,
      `${other(id[0]!)}${id.slice(1)}.${secret}`,
      `${'a'.repeat(100)}.${secret}`,
    ]) {
      expect(validateSessionToken(deps, bad), bad).toBeNull();
    }
    // The good token still works: failures did not disturb it.
    expect(validateSessionToken(deps, token)).not.toBeNull();
  });

  it('AUTH4: used in the first half of the idle window, the expiry does not move', () => {
    const { token, session } = createSession(deps, userId);
    clock.now += IDLE / 2 - 1;
    const result = validateSessionToken(deps, token);
    expect(result?.extended).toBe(false);
    expect(result?.session.expiresAt).toBe(session.expiresAt);
  });

  it('AUTH4: used past half the idle window, the expiry slides to now + idle', () => {
    const { token, session } = createSession(deps, userId);
    clock.now += IDLE / 2 + 1;
    const result = validateSessionToken(deps, token);
    expect(result?.extended).toBe(true);
    expect(result?.session.expiresAt).toBe(clock.now + IDLE);
    expect(stored()[0]!.expires_at).toBe(clock.now + IDLE);
    expect(result!.session.expiresAt).toBeGreaterThan(session.expiresAt);
  });

  it('AUTH4: unused for the whole idle window, the session ends and its row is deleted', () => {
    const { token } = createSession(deps, userId);
    clock.now += IDLE;
    expect(validateSessionToken(deps, token)).toBeNull();
    expect(stored()).toHaveLength(0);
  });

  it('AUTH5: however active, a session ends at its absolute lifetime', () => {
    const { token, session } = createSession(deps, userId);
    // Use it every 6 hours: each use slides the idle expiry, never past the absolute limit.
    while (clock.now + 6 * HOUR < session.absoluteExpiresAt) {
      clock.now += 6 * HOUR;
      const result = validateSessionToken(deps, token);
      expect(result).not.toBeNull();
      expect(result!.session.expiresAt).toBeLessThanOrEqual(session.absoluteExpiresAt);
    }
    clock.now = session.absoluteExpiresAt;
    expect(validateSessionToken(deps, token)).toBeNull();
    expect(stored()).toHaveLength(0);
  });

  it('AUTH6: invalidateSession deletes the session and tells the realtime layer', () => {
    const a = createSession(deps, userId);
    const b = createSession(deps, userId);
    invalidateSession(deps, a.session.id);
    expect(validateSessionToken(deps, a.token)).toBeNull();
    expect(validateSessionToken(deps, b.token)).not.toBeNull();
    expect(ended).toEqual([a.session.id]);
  });

  it('AUTH6: invalidateUserSessions ends every session of that user only', () => {
    const other = createGuest(database.db, { name: 'Bo', now: clock.now }).id;
    const a = createSession(deps, userId);
    const b = createSession(deps, userId);
    const c = createSession(deps, other);
    invalidateUserSessions(deps, userId);
    expect(validateSessionToken(deps, a.token)).toBeNull();
    expect(validateSessionToken(deps, b.token)).toBeNull();
    expect(validateSessionToken(deps, c.token)).not.toBeNull();
    expect(ended.sort()).toEqual([a.session.id, b.session.id].sort());
  });
});
