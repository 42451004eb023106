import { Hono } from 'hono';
import { z } from 'zod';
import { lineText } from '../http/textSchemas';
import { Limits } from '../../shared/domain';
import { lockedDimensionIds } from '../consensus/forWorkshopDoc';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { describeRoute } from '../http/openapi';
import { readJson } from '../http/validate';
import { updateFocus } from '../room/focus';
import { ratingRules } from '../room/ratingRules';
import { revealDimensions } from '../room/reveal';
import { type MemberAccess, requireMember, requireOpenWorkshop } from '../workshops/access';
import { readSettings } from '../workshops/settings';

const dimensionId = z.string().min(1).max(64);
export const revealBody = z.union([
  z.strictObject({ dimensionIds: z.array(dimensionId).min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
]);
const revealResponse = z.object({
  revealed: z.array(z.object({ dimensionId: z.string(), revealedAt: z.number() })),
});
export const focusBody = z.strictObject({ spotlight: dimensionId.nullable() });
export const timerBody = z.strictObject({
  durationSeconds: z.number().int().min(1).max(7200).nullable(),
  label: lineText(Limits.nameMax).optional(),
});
const focusResponse = z.object({
  focus: z.object({
    spotlight: z.string().nullable(),
    timerEndsAt: z.number().nullable(),
    timerLabel: z.string(),
  }),
});
const errors = {
  400: { description: 'Invalid body' },
  403: { description: 'Not a facilitator of this workshop' },
  404: { description: 'No such workshop or dimension' },
  409: { description: 'The workshop is finalized' },
};

/**
 * Facilitator room actions: reveal, spotlight, timer. Each is a server action — authorised from
 * the session, validated, written with its audit entry in one transaction, then mirrored into the
 * workshop doc by the realtime bridge (ROOM1–ROOM4 in docs/documents.md).
 */
export function roomActionRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const { db } = deps.database;

  const facilitator = (c: Parameters<typeof requireMember>[1]) =>
    requireMember(deps, c, c.req.param('id')!, ['facilitator']);
  const rubricOf = ({ workshop }: MemberAccess) => {
    const rubric = deps.rubrics.get(workshop.rubricId);
    if (!rubric) throw notFound('Rubric');
    return ratingRules(rubric, readSettings(workshop.settings));
  };
  const actorOf = ({ member, user }: MemberAccess) => ({
    memberId: member.id,
    userId: user.id,
    role: member.role,
  });

  describeRoute({
    method: 'post',
    path: '/api/workshops/{id}/reveal',
    tag: 'room',
    summary: 'Reveal dimensions: their ratings appear to everyone; the first round is kept',
    auth: 'facilitator of the workshop',
    body: revealBody,
    responses: {
      200: { description: 'Revealed (already revealed ones keep their time)', schema: revealResponse },
      ...errors,
    },
  });
  r.post('/workshops/:id/reveal', async (c) => {
    const access = facilitator(c);
    const body = await readJson(c, revealBody);
    // ROOM2/LOCK6: a finalized workshop is the record; nothing in its room moves any more.
    requireOpenWorkshop(db, access.workshop.id);
    const rules = rubricOf(access);
    const workshopId = access.workshop.id;
    const locked = lockedDimensionIds(db, workshopId);
    let dimensionIds: string[];
    if ('all' in body) dimensionIds = rules.dimensionIds.filter((id) => !locked.has(id));
    else {
      dimensionIds = [...new Set(body.dimensionIds)];
      const unknown = dimensionIds.find((id) => !rules.isKnownDimension(id));
      if (unknown) throw notFound(`Dimension ${unknown}`);
    }
    const currentRatings = await deps.realtime.memberRatings(workshopId);
    const revealed = revealDimensions(db, {
      workshopId,
      dimensionIds,
      actor: actorOf(access),
      now: deps.now(),
      currentRatings,
      rules,
      locked,
    });
    await deps.realtime.workshopChanged(workshopId);
    return c.json({ revealed });
  });

  describeRoute({
    method: 'post',
    path: '/api/workshops/{id}/focus',
    tag: 'room',
    summary: 'Spotlight a dimension (bring everyone to it), or clear the spotlight with null',
    auth: 'facilitator of the workshop',
    body: focusBody,
    responses: { 200: { description: 'The room focus', schema: focusResponse }, ...errors },
  });
  r.post('/workshops/:id/focus', async (c) => {
    const access = facilitator(c);
    const body = await readJson(c, focusBody);
    // ROOM2/LOCK6: a finalized workshop is the record; nothing in its room moves any more.
    requireOpenWorkshop(db, access.workshop.id);
    if (body.spotlight !== null && !rubricOf(access).isKnownDimension(body.spotlight)) {
      throw notFound(`Dimension ${body.spotlight}`);
    }
    const focus = updateFocus(db, {
      workshopId: access.workshop.id,
      actor: actorOf(access),
      now: deps.now(),
      action: 'room.spotlight',
      change: { spotlight: body.spotlight },
    });
    await deps.realtime.workshopChanged(access.workshop.id);
    return c.json({ focus });
  });

  describeRoute({
    method: 'post',
    path: '/api/workshops/{id}/timer',
    tag: 'room',
    summary: 'Start a countdown (1–7200 s, with an optional label), or clear it with null',
    auth: 'facilitator of the workshop',
    body: timerBody,
    responses: { 200: { description: 'The room focus', schema: focusResponse }, ...errors },
  });
  r.post('/workshops/:id/timer', async (c) => {
    const access = facilitator(c);
    const body = await readJson(c, timerBody);
    // ROOM2/LOCK6: a finalized workshop is the record; nothing in its room moves any more.
    requireOpenWorkshop(db, access.workshop.id);
    const now = deps.now();
    const change =
      body.durationSeconds === null
        ? { timerEndsAt: null, timerLabel: '' }
        : { timerEndsAt: now + body.durationSeconds * 1000, timerLabel: body.label ?? '' };
    const focus = updateFocus(db, {
      workshopId: access.workshop.id,
      actor: actorOf(access),
      now,
      action: body.durationSeconds === null ? 'room.timer_clear' : 'room.timer_start',
      change,
    });
    await deps.realtime.workshopChanged(access.workshop.id);
    return c.json({ focus });
  });

  return r;
}
