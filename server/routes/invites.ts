import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { ApiErrorCode, RateLimitScope } from '../../shared/apiError';
import { recordAudit } from '../audit/record';
import { setSessionCookie } from '../auth/cookie';
import { clientIp, consume, createRateLimiters } from '../auth/rateLimit';
import { createSession } from '../auth/session';
import { createGuest } from '../auth/users';
import { workshops } from '../db/schema';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { ApiError, badRequest, forbidden, notFound } from '../http/errors';
import { describeRoute, facilitatorRefusals, rateLimitedResponse } from '../http/openapi';
import { readJson } from '../http/validate';
import { requireMember, requireOpenWorkshop } from '../workshops/access';
import { actionBy, auditAction } from '../workshops/actions';
import {
  createInvite,
  findInvite,
  findInviteByToken,
  type InviteRow,
  inviteJson,
  inviteState,
  listInvites,
  revokeInvite,
  takeInviteUse,
} from '../workshops/invites';
import { addMember, findMembership } from '../workshops/members';
import { getInstitution } from '../workshops/repo';
import { createInviteBody, redeemInviteBody } from '../workshops/schemas';
import { readSettings } from '../workshops/settings';

const GONE_MESSAGES = {
  expired: 'This invite link has expired.',
  revoked: 'This invite link was revoked.',
  'used-up': 'This invite link has been used as many times as allowed.',
} as const;

function gone(state: keyof typeof GONE_MESSAGES): ApiError {
  return new ApiError(410, ApiErrorCode.gone, `${GONE_MESSAGES[state]} Ask the facilitator for a new link.`);
}

/** Invite links: facilitators create, list and revoke them; anyone holding one previews and redeems. */
export function inviteRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const { db } = deps.database;
  const limiters = createRateLimiters(deps.config.rateLimits);

  // The token is in the URL: a Referer header sent to any other site (a link, an image) would
  // leak a working invite. no-referrer stops that for everything served under /api/invites.
  r.use('/invites/*', async (c, next) => {
    await next();
    c.header('Referrer-Policy', 'no-referrer');
  });

  /** A usable invite for `token`, or 404 (unknown) / 410 (expired, revoked, used up). */
  function usableInvite(token: string): InviteRow {
    const invite = findInviteByToken(db, token);
    if (!invite) throw notFound('Invite link');
    const state = inviteState(invite, deps.now());
    if (state !== 'active') throw gone(state);
    return invite;
  }

  describeRoute({
    method: 'get',
    path: '/api/workshops/{id}/invites',
    tag: 'invites',
    summary: 'List invites (without tokens: only their hashes are stored)',
    auth: 'facilitator of the workshop',
    responses: {
      200: { description: '{invites:[…]}' },
      ...facilitatorRefusals,
    },
  });
  r.get('/workshops/:id/invites', (c) => {
    const { workshop } = requireMember(deps, c, c.req.param('id'), ['facilitator']);
    const now = deps.now();
    return c.json({ invites: listInvites(db, workshop.id).map((i) => inviteJson(i, now)) });
  });

  describeRoute({
    method: 'post',
    path: '/api/workshops/{id}/invites',
    tag: 'invites',
    summary: 'Create an invite link; the response is the only time its token, URL and QR code exist',
    auth: 'facilitator of the workshop',
    body: createInviteBody,
    responses: {
      201: { description: '{id, token, url, qrSvg, role, perspective, expiresAt, maxUses, uses, createdAt}' },
      400: { description: 'Invalid body, expiry in the past, or unknown perspective' },
      ...facilitatorRefusals,
      409: { description: 'The workshop is not open' },
    },
  });
  r.post('/workshops/:id/invites', async (c) => {
    const access = requireMember(deps, c, c.req.param('id'), ['facilitator']);
    const { workshop, member } = access;
    const body = await readJson(c, createInviteBody);
    const now = deps.now();
    if (body.expiresAt !== undefined && body.expiresAt <= now)
      throw badRequest('expiresAt: must be in the future.');
    const settings = readSettings(workshop.settings);
    if (body.perspective !== undefined && !settings.perspectives.includes(body.perspective)) {
      throw badRequest(`perspective: "${body.perspective}" is not one of this workshop's perspectives.`);
    }
    const { token, invite } = db.transaction((tx) => {
      requireOpenWorkshop(tx, workshop.id);
      const created = createInvite(tx, {
        workshopId: workshop.id,
        role: body.role,
        perspective: body.perspective ?? null,
        expiresAt: body.expiresAt ?? null,
        maxUses: body.maxUses ?? null,
        createdBy: member.id,
        now,
      });
      auditAction(tx, actionBy(access, now), {
        action: 'invite.create',
        target: created.invite.id,
        after: inviteJson(created.invite, now),
      });
      return created;
    });
    const url = `${new URL(c.req.url).origin}/join/${token}`;
    // Loaded on first use, like pdfkit: it is memory every idle server would carry otherwise.
    const { default: QRCode } = await import('qrcode');
    const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return c.json({ ...inviteJson(invite, now), token, url, qrSvg }, 201);
  });

  describeRoute({
    method: 'delete',
    path: '/api/workshops/{id}/invites/{inviteId}',
    tag: 'invites',
    summary: 'Revoke an invite link (members who joined with it stay)',
    auth: 'facilitator of the workshop',
    responses: {
      204: { description: 'Revoked' },
      403: { description: 'Not a facilitator' },
      404: { description: 'No such workshop or invite' },
      409: { description: 'The workshop is finalized' },
    },
  });
  r.delete('/workshops/:id/invites/:inviteId', (c) => {
    const access = requireMember(deps, c, c.req.param('id'), ['facilitator']);
    const { workshop } = access;
    const invite = findInvite(db, workshop.id, c.req.param('inviteId'));
    if (!invite) throw notFound('Invite');
    const now = deps.now();
    db.transaction((tx) => {
      requireOpenWorkshop(tx, workshop.id);
      // Revoking twice is a no-op, not an error: the link is dead either way.
      if (invite.revokedAt !== null) return;
      revokeInvite(tx, invite.id, now);
      auditAction(tx, actionBy(access, now), {
        action: 'invite.revoke',
        target: invite.id,
        before: inviteJson(invite, now),
      });
    });
    return c.body(null, 204);
  });

  describeRoute({
    method: 'get',
    path: '/api/invites/{token}',
    tag: 'invites',
    summary: 'What an invite link joins, for the join page',
    auth: 'anyone holding the link (rate-limited per client)',
    responses: {
      200: { description: '{workshop:{title,institution}, role, perspective, perspectives}' },
      404: { description: 'Unknown link' },
      410: { description: 'Expired, revoked or used up' },
      429: rateLimitedResponse('Too many attempts from this client; see Retry-After', [
        RateLimitScope.network,
      ]),
    },
  });
  r.get('/invites/:token', async (c) => {
    await consume(
      c,
      limiters.invite,
      clientIp(c),
      'invite-link requests from this network',
      RateLimitScope.network,
    );
    const invite = usableInvite(c.req.param('token'));
    const workshop = db.select().from(workshops).where(eq(workshops.id, invite.workshopId)).get()!;
    return c.json({
      workshop: { title: workshop.title, institution: getInstitution(db, workshop.institutionId).name },
      role: invite.role,
      perspective: invite.perspective,
      perspectives: readSettings(workshop.settings).perspectives,
    });
  });

  describeRoute({
    method: 'post',
    path: '/api/invites/{token}/redeem',
    tag: 'invites',
    summary: 'Join with an invite link: as a new guest (session cookie set) or with the signed-in account',
    auth: 'anyone holding the link (rate-limited per client)',
    body: redeemInviteBody,
    responses: {
      201: { description: '{workshopId, memberId}; a guest also gets a session cookie' },
      200: { description: 'Already a member: {workshopId, memberId} of the existing membership' },
      400: { description: 'Invalid body or unknown perspective' },
      403: { description: 'You were removed from this workshop' },
      404: { description: 'Unknown link' },
      409: { description: 'The workshop is closed to new members' },
      410: { description: 'Expired, revoked or used up' },
      429: rateLimitedResponse('Too many attempts from this client; see Retry-After', [
        RateLimitScope.network,
      ]),
    },
  });
  r.post('/invites/:token/redeem', async (c) => {
    await consume(
      c,
      limiters.invite,
      clientIp(c),
      'invite-link requests from this network',
      RateLimitScope.network,
    );
    const body = await readJson(c, redeemInviteBody);
    const invite = usableInvite(c.req.param('token'));
    const workshop = db.select().from(workshops).where(eq(workshops.id, invite.workshopId)).get()!;
    // Before the "already a member" answer, so a finalized workshop says 409 to everyone (INV7).
    // No await follows until the transaction, so the status cannot change in between.
    requireOpenWorkshop(db, workshop.id);
    const settings = readSettings(workshop.settings);
    const perspective =
      body.perspective ??
      invite.perspective ??
      (settings.perspectives.includes('Other') ? 'Other' : settings.perspectives.at(-1)!);
    if (!settings.perspectives.includes(perspective)) {
      throw badRequest(`perspective: "${perspective}" is not one of this workshop's perspectives.`);
    }

    const signedIn = c.get('user');
    if (signedIn) {
      const existing = findMembership(db, workshop.id, signedIn.id);
      if (existing?.removedAt === null)
        return c.json({ workshopId: workshop.id, memberId: existing.id }, 200);
      // A removed member rejoining by an old link would silently undo the facilitator's decision.
      if (existing)
        throw forbidden('You were removed from this workshop. Ask the facilitator if this is a mistake.');
    }

    const now = deps.now();
    const joined = db.transaction((tx) => {
      if (!takeInviteUse(tx, invite.id, now)) {
        // Someone else took the last use (or it was revoked) between the check and now.
        const fresh = findInvite(tx, workshop.id, invite.id)!;
        const state = inviteState(fresh, now);
        throw gone(state === 'active' ? 'used-up' : state);
      }
      const user = signedIn ?? createGuest(tx, { name: body.name, now });
      const member = addMember(tx, {
        workshopId: workshop.id,
        userId: user.id,
        displayName: body.name,
        role: invite.role,
        perspective,
        now,
      });
      recordAudit(tx, {
        workshopId: workshop.id,
        at: now,
        actorMemberId: member.id,
        actorUserId: user.id,
        actorRole: member.role,
        action: 'member.join',
        target: member.id,
        after: { inviteId: invite.id, role: member.role, perspective: member.perspective, guest: !signedIn },
      });
      return { user, member };
    });
    if (!signedIn) {
      const { token, session } = createSession(deps, joined.user.id);
      setSessionCookie(c, deps.config, token, session.expiresAt);
    }
    await deps.realtime.workshopChanged(workshop.id);
    return c.json({ workshopId: workshop.id, memberId: joined.member.id }, 201);
  });

  return r;
}
