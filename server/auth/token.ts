import { sha256 } from '@oslojs/crypto/sha2';

// Lowercase letters and digits without l, o, 0, 1: readable if a token is ever typed from a screen.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * A string of `length` characters, each carrying 5 bits from the OS CSPRNG (never Math.random, which
 * is predictable). 24 characters = 120 bits: too many to guess or to collide.
 */
export function generateSecureRandomString(length = 24): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  // 256 is a multiple of 32, so `byte >> 3` is uniform over the alphabet.
  for (const byte of bytes) out += ALPHABET[byte >> 3];
  return out;
}

/** SHA-256 of a token string: what we store instead of the token. */
export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}
