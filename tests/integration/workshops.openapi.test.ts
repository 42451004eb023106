import { afterEach, expect, it } from 'vitest';
import { api } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';

let t: ReturnType<typeof makeTestApp>;
afterEach(() => t?.close());

it('describes every account, workshop, member and invite route in /api/openapi.json', async () => {
  t = makeTestApp();
  const res = await api(t.app, 'GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  const paths = res.json.paths as Record<string, Record<string, { requestBody?: unknown }>>;
  const expected: Array<[string, string]> = [
    ['/api/auth/signup', 'post'],
    ['/api/auth/login', 'post'],
    ['/api/auth/logout', 'post'],
    ['/api/auth/me', 'get'],
    ['/api/workshops', 'post'],
    ['/api/workshops', 'get'],
    ['/api/workshops/{id}', 'get'],
    ['/api/workshops/{id}', 'patch'],
    ['/api/workshops/{id}/members', 'get'],
    ['/api/workshops/{id}/members/{memberId}', 'patch'],
    ['/api/workshops/{id}/members/{memberId}', 'delete'],
    ['/api/workshops/{id}/invites', 'get'],
    ['/api/workshops/{id}/invites', 'post'],
    ['/api/workshops/{id}/invites/{inviteId}', 'delete'],
    ['/api/invites/{token}', 'get'],
    ['/api/invites/{token}/redeem', 'post'],
  ];
  for (const [path, method] of expected) expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
  // Bodies are documented from the validating schemas, e.g. signup's required fields.
  expect(JSON.stringify(paths['/api/auth/signup']!.post!.requestBody)).toContain('"password"');
  // A 429 documents the scope it can carry: sign-in both, sign-up only the network (AUTH8, AUTH12).
  const scopes = (path: string) => {
    const op = paths[path]!.post as { responses: Record<string, unknown> };
    return JSON.stringify(op.responses['429']).match(/"scope":\{"type":"string","enum":(\[[^\]]*\])/)?.[1];
  };
  expect(scopes('/api/auth/login')).toBe('["network","account"]');
  expect(scopes('/api/auth/signup')).toBe('["network"]');
});
