import { Hono } from 'hono';
import { DEFAULT_RUBRIC_ID } from '../../rubric/loader';
import { recordAudit } from '../audit/record';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { badRequest, notFound } from '../http/errors';
import { describeRoute, facilitatorRefusals } from '../http/openapi';
import { readJson } from '../http/validate';
import type { MemberRow } from '../workshops/access';
import { requireMember, requireOpenWorkshop, requireUser } from '../workshops/access';
import { actionBy, auditAction } from '../workshops/actions';
import { archiveWorkshop, unarchiveWorkshop } from '../workshops/archive';
import { addMember } from '../workshops/members';
import {
  createInstitution,
  findCallerInstitution,
  getInstitution,
  insertWorkshop,
  listWorkshopsOf,
  updateWorkshopRow,
  workshopJson,
} from '../workshops/repo';
import { assertSameInstitutionDetails } from '../institutions/update';
import { institutionDetails } from '../institutions/schemas';
import { createWorkshopBody, updateWorkshopBody } from '../workshops/schemas';
import { defaultSettings, readSettings, workshopSettingsSchema } from '../workshops/settings';

function meJson(member: MemberRow) {
  return {
    memberId: member.id,
    role: member.role,
    perspective: member.perspective,
    displayName: member.displayName,
  };
}

/** Create, list, read and update workshops. */
export function workshopRoutes(deps: AppDeps): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const { db } = deps.database;

  describeRoute({
    method: 'post',
    path: '/api/workshops',
    tag: 'workshops',
    summary: 'Create a workshop; the creator becomes its facilitator',
    auth: 'signed in',
    body: createWorkshopBody,
    responses: {
      201: { description: '{workshop, me}' },
      400: { description: 'Invalid body, unknown rubric, or perspective not in the list' },
      401: { description: 'Not signed in' },
      404: { description: 'institutionId is not one you created or facilitate a workshop of' },
      409: { description: 'The named institution exists with a different system/state (change it with PATCH /api/institutions/{id})' },
    },
  });
  r.post('/workshops', async (c) => {
    const user = requireUser(c);
    const body = await readJson(c, createWorkshopBody);
    const rubricId = body.rubricId ?? DEFAULT_RUBRIC_ID;
    const rubric = deps.rubrics.get(rubricId);
    if (!rubric) throw badRequest(`Unknown rubric "${rubricId}". GET /api/rubrics lists the available ones.`);
    const settings = workshopSettingsSchema.parse({
      ...defaultSettings(rubric.allowNotSure),
      ...body.settings,
    });
    const perspective = body.perspective ?? 'Other';
    if (!settings.perspectives.includes(perspective)) {
      throw badRequest(`perspective "${perspective}" is not one of this workshop's perspectives.`);
    }
    const now = deps.now();
    refusePastDeadline(body.settings?.ratingDeadline, now);
    const details = body.institution === undefined ? null : institutionDetails(body.institution);
    const created = db.transaction((tx) => {
      let institution = findCallerInstitution(
        tx,
        user.id,
        body.institutionId ? { id: body.institutionId } : { name: details!.name },
      );
      if (!institution && body.institutionId) throw notFound('Institution');
      if (institution && details) assertSameInstitutionDetails(institution, details);
      institution ??= createInstitution(tx, { ...details!, userId: user.id, now });
      const workshop = insertWorkshop(tx, {
        title: body.title,
        institutionId: institution.id,
        rubricId,
        rubricVersion: rubric.version,
        settings,
        userId: user.id,
        now,
      });
      const member = addMember(tx, {
        workshopId: workshop.id,
        userId: user.id,
        displayName: user.name,
        role: 'facilitator',
        perspective,
        now,
      });
      recordAudit(tx, {
        workshopId: workshop.id,
        at: now,
        actorMemberId: member.id,
        actorUserId: user.id,
        actorRole: member.role,
        action: 'workshop.create',
        target: workshop.id,
        after: workshopJson(workshop, institution),
      });
      return { workshop: workshopJson(workshop, institution), me: meJson(member) };
    });
    deps.deadlines?.set(created.workshop.id, settings.ratingDeadline);
    return c.json(created, 201);
  });

  describeRoute({
    method: 'get',
    path: '/api/workshops',
    tag: 'workshops',
    summary: 'My workshops (where I am an active member)',
    auth: 'signed in',
    responses: {
      200: { description: '{workshops:[{id,title,institution,status,role,memberCount,createdAt}]}' },
      401: { description: 'Not signed in' },
    },
  });
  r.get('/workshops', (c) => {
    const user = requireUser(c);
    return c.json({ workshops: listWorkshopsOf(db, user.id) });
  });

  describeRoute({
    method: 'get',
    path: '/api/workshops/{id}',
    tag: 'workshops',
    summary: 'One workshop and my membership of it',
    auth: 'any member',
    responses: {
      200: { description: '{workshop, me}' },
      401: { description: 'Not signed in' },
      403: { description: 'Not a member' },
      404: { description: 'No such workshop' },
    },
  });
  r.get('/workshops/:id', (c) => {
    const { workshop, member } = requireMember(deps, c, c.req.param('id'));
    return c.json({
      workshop: workshopJson(workshop, getInstitution(db, workshop.institutionId)),
      me: meJson(member),
    });
  });

  describeRoute({
    method: 'patch',
    path: '/api/workshops/{id}',
    tag: 'workshops',
    summary: 'Change the title or settings (partial)',
    auth: 'facilitator of the workshop',
    body: updateWorkshopBody,
    responses: {
      200: { description: '{workshop, me}' },
      400: { description: 'Invalid body' },
      ...facilitatorRefusals,
      409: { description: 'The workshop is finalized' },
    },
  });
  r.patch('/workshops/:id', async (c) => {
    const access = requireMember(deps, c, c.req.param('id'), ['facilitator']);
    const { workshop, member } = access;
    const body = await readJson(c, updateWorkshopBody);
    const now = deps.now();
    const stored = readSettings(workshop.settings);
    // The settings form sends every field: a stored deadline that has passed comes back unchanged.
    const newDeadline = body.settings?.ratingDeadline;
    if (newDeadline !== stored.ratingDeadline) refusePastDeadline(newDeadline, now);
    const institution = getInstitution(db, workshop.institutionId);
    const before = workshopJson(workshop, institution);
    const settings = body.settings ? workshopSettingsSchema.parse({ ...stored, ...body.settings }) : undefined;
    const updated = db.transaction((tx) => {
      requireOpenWorkshop(tx, workshop.id);
      const row = updateWorkshopRow(tx, workshop.id, {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(settings ? { settings } : {}),
        now,
      });
      const after = workshopJson(row, institution);
      auditAction(tx, actionBy(access, now), {
        action: 'workshop.update',
        target: workshop.id,
        before,
        after,
      });
      return after;
    });
    await deps.realtime.workshopChanged(workshop.id);
    if (settings) deps.deadlines?.set(workshop.id, settings.ratingDeadline);
    return c.json({ workshop: updated, me: meJson(member) });
  });

  for (const [verb, act, summary] of [
    ['archive', archiveWorkshop, 'Archive (open or finalized): read-only, listed apart'],
    ['unarchive', unarchiveWorkshop, 'Unarchive: back to finalized if it was finalized, else open'],
  ] as const) {
    describeRoute({
      method: 'post',
      path: `/api/workshops/{id}/${verb}`,
      tag: 'workshops',
      summary,
      auth: 'facilitator of the workshop',
      responses: {
        200: { description: '{workshop, me}' },
        ...facilitatorRefusals,
        409: { description: verb === 'archive' ? 'Already archived' : 'Not archived' },
      },
    });
    r.post(`/workshops/:id/${verb}`, async (c) => {
      const access = requireMember(deps, c, c.req.param('id'), ['facilitator']);
      act(deps.database, actionBy(access, deps.now()));
      // The rooms switch between read-only and writable with the status.
      await deps.realtime.workshopChanged(access.workshop.id);
      const row = requireMember(deps, c, access.workshop.id).workshop;
      // Back open, a deadline that passed while archived reveals now (ROOM12).
      if (row.status === 'open') deps.deadlines?.set(row.id, readSettings(row.settings).ratingDeadline);
      return c.json({
        workshop: workshopJson(row, getInstitution(db, row.institutionId)),
        me: meJson(access.member),
      });
    });
  }

  return r;
}

/**
 * A deadline given in a request must lie ahead: the deadline reveals every dimension (ROOM12), and a
 * mistyped past date would do so at once and for good. A stored deadline that has passed stays, and
 * may be sent back unchanged.
 */
function refusePastDeadline(deadline: number | null | undefined, now: number): void {
  if (deadline !== undefined && deadline !== null && deadline <= now) {
    throw badRequest(
      `settings.ratingDeadline: ${new Date(deadline).toISOString()} has passed. Choose a later time; to reveal now, use Reveal all.`,
    );
  }
}
