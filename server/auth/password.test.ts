import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstDummy, verifyPasswordHash } from './password';

describe('passwords', () => {
  it('AUTH1: hashes with argon2id, 19 MiB, 2 passes, 1 lane, salted', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse battery');
  });

  it('AUTH1: verifies the right password only; a malformed hash is a mismatch, not a crash', async () => {
    const h = await hashPassword('correct horse battery');
    expect(await verifyPasswordHash(h, 'correct horse battery')).toBe(true);
    expect(await verifyPasswordHash(h, 'correct horse batterz')).toBe(false);
    expect(await verifyPasswordHash('not-a-hash', 'x')).toBe(false);
    expect(await verifyAgainstDummy('anything')).toBe(false);
  });
});
