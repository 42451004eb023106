import type { Principal } from './connection';

/**
 * Who is knocking, from the Cookie header of the upgrade request — never from the URL (a token in a
 * query string ends up in logs and Referer headers). Returns null for every failure.
 */
export type UpgradeAuthenticator = (cookieHeader: string | undefined) => Principal | null;

/** Builds an authenticator from a session-token validator and the cookie names to look for. */
export function cookieAuthenticator(
  cookieNames: readonly string[],
  validateToken: (token: string) => Principal | null,
): UpgradeAuthenticator {
  return (header) => {
    if (!header || header.length > 8192) return null;
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const name = part.slice(0, eq).trim();
      if (!cookieNames.includes(name)) continue;
      let token: string;
      try {
        token = decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
      return validateToken(token);
    }
    return null;
  };
}
