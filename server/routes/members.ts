import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { members } from '../db/schema';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { badRequest, conflict, notFound } from '../http/errors';
import { describeRoute } from '../http/openapi';
import { readJson } from '../http/validate';
import { requireMember, requireOpenWorkshop } from '../workshops/access';
import { actionBy, auditAction } from '../workshops/actions';
import {
  countActiveFacilitators,
  findActiveMember,
  listActiveMembers,
  memberJson,
} from '../workshops/members';
import { updateMemberBody } from '../workshops/schemas';
import { readSettings } from '../workshops/settings';

const LAST_FACILITATOR = 'A workshop needs at least one facilitator. Make someone else a facilitator first.';

/** The member list, and the facilitator's changes to it. */
export function memberRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const { db } = deps.database;

  describeRoute({
    method: 'get',
    path: '/api/workshops/{id}/members',
    tag: 'members',
    summary: 'Active members; in anonymous modes everyone but me appears under a pseudonym',
    auth: 'any member',
    responses: {
      200: { description: '{members:[{id,name,role,perspective,joinedAt,isMe}]}' },
      403: { description: 'Not a member' },
      404: { description: 'No such workshop' },
    },
  });
  r.get('/workshops/:id/members', (c) => {
    const { workshop, member: me } = requireMember(deps, c, c.req.param('id'));
    const settings = readSettings(workshop.settings);
    return c.json({ members: listActiveMembers(db, workshop.id).map((m) => memberJson(m, me.id, settings)) });
  });

  describeRoute({
    method: 'patch',
    path: '/api/workshops/{id}/members/{memberId}',
    tag: 'members',
    summary: "Change a member's role or perspective",
    auth: 'facilitator of the workshop',
    body: updateMemberBody,
    responses: {
      200: { description: '{member}' },
      400: { description: 'Invalid body or unknown perspective' },
      403: { description: 'Not a facilitator' },
      404: { description: 'No such workshop or member' },
      409: { description: 'Would leave the workshop without a facilitator, or the workshop is finalized' },
    },
  });
  r.patch('/workshops/:id/members/:memberId', async (c) => {
    const access = requireMember(deps, c, c.req.param('id'), ['facilitator']);
    const { workshop, member: actor } = access;
    const body = await readJson(c, updateMemberBody);
    const settings = readSettings(workshop.settings);
    if (body.perspective !== undefined && !settings.perspectives.includes(body.perspective)) {
      throw badRequest(`perspective: "${body.perspective}" is not one of this workshop's perspectives.`);
    }
    const now = deps.now();
    const updated = db.transaction((tx) => {
      requireOpenWorkshop(tx, workshop.id);
      // Checked inside the transaction so two facilitators demoting each other cannot both succeed.
      const target = findActiveMember(tx, workshop.id, c.req.param('memberId'));
      if (!target) throw notFound('Member');
      if (
        target.role === 'facilitator' &&
        body.role &&
        body.role !== 'facilitator' &&
        countActiveFacilitators(tx, workshop.id) <= 1
      ) {
        throw conflict(LAST_FACILITATOR);
      }
      const row = tx
        .update(members)
        .set({
          ...(body.role ? { role: body.role } : {}),
          ...(body.perspective ? { perspective: body.perspective } : {}),
        })
        .where(eq(members.id, target.id))
        .returning()
        .get()!;
      auditAction(tx, actionBy(access, now), {
        action: 'member.update',
        target: target.id,
        before: { role: target.role, perspective: target.perspective },
        after: { role: row.role, perspective: row.perspective },
      });
      return row;
    });
    await deps.realtime.workshopChanged(workshop.id);
    return c.json({ member: memberJson(updated, actor.id, settings) });
  });

  describeRoute({
    method: 'delete',
    path: '/api/workshops/{id}/members/{memberId}',
    tag: 'members',
    summary: 'Remove a member (kept for the record; their sockets close)',
    auth: 'facilitator of the workshop',
    responses: {
      204: { description: 'Removed' },
      403: { description: 'Not a facilitator' },
      404: { description: 'No such workshop or member' },
      409: { description: 'Would leave the workshop without a facilitator, or the workshop is finalized' },
    },
  });
  r.delete('/workshops/:id/members/:memberId', async (c) => {
    const access = requireMember(deps, c, c.req.param('id'), ['facilitator']);
    const { workshop } = access;
    const now = deps.now();
    const removed = db.transaction((tx) => {
      requireOpenWorkshop(tx, workshop.id);
      const target = findActiveMember(tx, workshop.id, c.req.param('memberId'));
      if (!target) throw notFound('Member');
      if (target.role === 'facilitator' && countActiveFacilitators(tx, workshop.id) <= 1)
        throw conflict(LAST_FACILITATOR);
      tx.update(members).set({ removedAt: now }).where(eq(members.id, target.id)).run();
      auditAction(tx, actionBy(access, now), {
        action: 'member.remove',
        target: target.id,
        before: { role: target.role, perspective: target.perspective },
      });
      return target;
    });
    deps.realtime.memberRemoved(workshop.id, removed.id);
    await deps.realtime.workshopChanged(workshop.id);
    return c.body(null, 204);
  });

  return r;
}
