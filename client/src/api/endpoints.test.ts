import { afterEach, describe, expect, it, vi } from 'vitest';
import { membersApi, workshopsApi } from './endpoints';

/** The server's bodies are strict objects (unknown keys → 400): the client must send only what they accept. */
function captureFetch() {
  const calls: Array<{ url: string; method: string; body: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: String(init.method), body: init.body ? JSON.parse(String(init.body)) : undefined });
      return new Response(JSON.stringify({ member: {} }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

describe('membersApi', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('update sends only {role} or {perspective} — never name or a null perspective', async () => {
    const calls = captureFetch();
    await membersApi.update('w1', 'm1', { role: 'observer' });
    await membersApi.update('w1', 'm1', { perspective: 'IT' });
    // A caller holding a whole Member row must not leak its other fields into the strict body.
    const row = { role: 'participant', perspective: 'Faculty', name: 'Pat', id: 'm1', isMe: false };
    await membersApi.update('w1', 'm1', row as Parameters<typeof membersApi.update>[2]);
    expect(calls.map((c) => c.body)).toEqual([
      { role: 'observer' },
      { perspective: 'IT' },
      { role: 'participant', perspective: 'Faculty' },
    ]);
    expect(calls[0]).toMatchObject({ url: '/api/workshops/w1/members/m1', method: 'PATCH' });
  });

  it('handoff posts {memberId} to the workshop handoff route', async () => {
    const calls = captureFetch();
    await membersApi.handoff('w 1', 'm2');
    expect(calls).toEqual([{ url: '/api/workshops/w%201/handoff', method: 'POST', body: { memberId: 'm2' } }]);
  });
});

describe('workshopsApi', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('finalize posts to /finalize; update sends title and partial settings as given', async () => {
    const calls = captureFetch();
    await workshopsApi.finalize('w1');
    await workshopsApi.update('w1', { settings: { autoReveal: true } });
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['POST', '/api/workshops/w1/finalize', {}],
      ['PATCH', '/api/workshops/w1', { settings: { autoReveal: true } }],
    ]);
  });
});
