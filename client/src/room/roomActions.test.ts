import { afterEach, describe, expect, it, vi } from 'vitest';
import { setReauthenticateHandler, setSignedIn } from '../api/client';
import { roomActions } from './roomActions';

describe('roomActions (room facilitator actions on the shared client)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setSignedIn(false);
    setReauthenticateHandler(null);
  });

  it('a 401 during a reveal opens the session-expired sign-in, then the reveal is retried once', async () => {
    setSignedIn(true);
    const reauth = vi.fn(async () => {});
    setReauthenticateHandler(reauth);
    const bodies: unknown[] = [];
    const replies = [
      new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'expired' } }), { status: 401 }),
      new Response(JSON.stringify({ revealed: ['d1'] }), { status: 200 }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        bodies.push(JSON.parse(String(init.body)));
        return replies.shift()!;
      }),
    );
    await expect(roomActions.reveal('w1', { dimensionIds: ['d1'] })).resolves.toEqual({ revealed: ['d1'] });
    expect(reauth).toHaveBeenCalledTimes(1);
    expect(bodies).toEqual([{ dimensionIds: ['d1'] }, { dimensionIds: ['d1'] }]);
  });

  it('settings go through PATCH /api/workshops/:id with only the changed setting', async () => {
    const calls: Array<[string, string, unknown]> = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push([String(init.method), url, JSON.parse(String(init.body))]);
        return new Response(JSON.stringify({ workshop: {} }), { status: 200 });
      }),
    );
    await roomActions.settings('w1', { autoReveal: true });
    expect(calls).toEqual([['PATCH', '/api/workshops/w1', { settings: { autoReveal: true } }]]);
  });
});
