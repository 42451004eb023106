import { describe, expect, it } from 'vitest';
import type { InviteSummary } from '../../api/types';
import { formatDateTime } from '../format';
import { inviteLinkNames } from './inviteNames';

const at = Date.UTC(2026, 10, 30, 14, 5);
const invite = (id: string, extra: Partial<InviteSummary> = {}): InviteSummary => ({
  id,
  role: 'participant',
  perspective: null,
  expiresAt: null,
  maxUses: null,
  createdAt: at,
  ...extra,
});

describe('inviteLinkNames', () => {
  it('names each link by role, perspective and creation time', () => {
    const names = inviteLinkNames([invite('a', { perspective: 'IT' }), invite('b', { role: 'observer' })]);
    expect(names.get('a')).toBe(`Participant link (IT), created ${formatDateTime(at)}`);
    expect(names.get('b')).toBe(`Observer link, created ${formatDateTime(at)}`);
  });

  it('numbers links that would otherwise share a name, so no two buttons sound the same', () => {
    const names = inviteLinkNames([invite('a'), invite('b'), invite('c', { createdAt: at + 3_600_000 })]);
    expect(names.get('a')).toBe(`Participant link, created ${formatDateTime(at)}, link 1 of 2`);
    expect(names.get('b')).toBe(`Participant link, created ${formatDateTime(at)}, link 2 of 2`);
    expect(new Set(names.values()).size).toBe(3);
  });
});
