import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config';

/**
 * The session cookie, kept apart from session logic. HttpOnly: script injected into the page cannot
 * read the token. SameSite=Lax: other sites' forms and fetches do not carry it (CSRF; the Origin
 * check in server/http/origin.ts is the second layer). Over HTTPS the `__Host-` prefix makes the
 * browser refuse the cookie unless it is Secure, Path=/ and host-only, so a sibling subdomain cannot
 * plant or overwrite it (session fixation).
 */
export function sessionCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-ler_session' : 'ler_session';
}

export function readSessionCookie(c: Context, config: Pick<Config, 'secureCookies'>): string | undefined {
  return getCookie(c, sessionCookieName(config));
}

export function setSessionCookie(
  c: Context,
  config: Pick<Config, 'secureCookies'>,
  token: string,
  expiresAt: number,
): void {
  setCookie(c, sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: config.secureCookies,
    expires: new Date(expiresAt),
  });
}

export function deleteSessionCookie(c: Context, config: Pick<Config, 'secureCookies'>): void {
  deleteCookie(c, sessionCookieName(config), {
    path: '/',
    secure: config.secureCookies,
    httpOnly: true,
    sameSite: 'Lax',
  });
}
