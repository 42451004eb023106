import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { lineText } from '../http/textSchemas';
import { allDimensions } from '../../rubric/schema';
import type { AuditAction } from '../../shared/auditActions';
import { Limits } from '../../shared/domain';
import { recordAudit } from '../audit/record';
import type { Db } from '../db/client';
import type { AppDeps } from '../deps';
import { newId } from '../db/ids';
import { actionItems } from '../db/schema';
import type { AppEnv } from '../http/env';
import { badRequest, notFound } from '../http/errors';
import { describeRoute } from '../http/openapi';
import { readJson } from '../http/validate';
import { type MemberAccess, requireMember } from '../workshops/access';
import { listActionItems, readActionItem, toActionItem } from './actionItems';
import { workshopRubric } from './load';
import { actionStatuses } from './types';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real date');
const fields = {
  targetStage: z.string().max(64),
  actions: z.string().trim().min(1).max(Limits.consensusTextMax),
  owner: lineText(Limits.nameMax * 2),
  dueDate: isoDate.nullable(),
  status: z.enum(actionStatuses),
};
export const createActionItemSchema = z.strictObject({
  dimensionId: z.string().max(64),
  ...fields,
  owner: fields.owner.default(''),
  dueDate: fields.dueDate.default(null),
  status: fields.status.default('not-started'),
});
export const updateActionItemSchema = z
  .strictObject(fields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change');

const base = '/api/workshops/{id}/action-items';
const errors = { 400: { description: 'Invalid field' }, 403: { description: 'Not a facilitator' }, 404: { description: 'No such workshop or item' } };
describeRoute({ method: 'get', path: base, summary: 'The action plan', tag: 'report', auth: 'any member', responses: { 200: { description: '{items}' }, ...errors } });
describeRoute({ method: 'post', path: base, summary: 'Add an action item (also after finalize)', tag: 'report', auth: 'facilitator', body: createActionItemSchema, responses: { 201: { description: '{item}' }, ...errors } });
describeRoute({ method: 'patch', path: `${base}/{itemId}`, summary: 'Change an action item', tag: 'report', auth: 'facilitator', body: updateActionItemSchema, responses: { 200: { description: '{item}' }, ...errors } });
describeRoute({ method: 'delete', path: `${base}/{itemId}`, summary: 'Delete an action item', tag: 'report', auth: 'facilitator', responses: { 204: { description: 'Deleted' }, ...errors } });

/**
 * The action plan: a living plan, so facilitators may edit it after finalize (unlike consensus).
 * Each change is one transaction with its audit entry (before/after), so the log shows how the plan
 * evolved. Rubric checks: the dimension and target stage must exist in the workshop's rubric.
 */
export function actionPlanRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { db } = deps.database;

  const checkStage = (access: MemberAccess, stage: string | undefined) => {
    if (stage !== undefined && !workshopRubric(deps, access.workshop).stages.some((s) => s.id === stage)) {
      throw badRequest(`targetStage: "${stage}" is not a stage of this workshop's rubric.`);
    }
  };
  const audit = (tx: Db, access: MemberAccess, action: AuditAction, target: string, before: unknown, after: unknown) =>
    recordAudit(tx, {
      workshopId: access.workshop.id,
      at: deps.now(),
      actorMemberId: access.member.id,
      actorUserId: access.user.id,
      actorRole: access.member.role,
      action,
      target,
      before,
      after,
    });

  app.get('/workshops/:id/action-items', (c) => {
    const { workshop } = requireMember(deps, c, c.req.param('id'));
    return c.json({ items: listActionItems(db, workshop.id) });
  });

  app.post('/workshops/:id/action-items', async (c) => {
    const access = requireMember(deps, c, c.req.param('id'), ['facilitator']);
    const body = await readJson(c, createActionItemSchema);
    if (!allDimensions(workshopRubric(deps, access.workshop)).some((d) => d.id === body.dimensionId)) {
      throw badRequest(`dimensionId: "${body.dimensionId}" is not a dimension of this workshop's rubric.`);
    }
    checkStage(access, body.targetStage);
    const now = deps.now();
    const row = { id: newId(), workshopId: access.workshop.id, ...body, copiedFromId: null, createdBy: access.member.id, createdAt: now, updatedAt: now };
    db.transaction((tx) => {
      tx.insert(actionItems).values(row).run();
      audit(tx, access, 'action_item.create', row.id, null, toActionItem(row));
    });
    return c.json({ item: toActionItem(row) }, 201);
  });

  app.patch('/workshops/:id/action-items/:itemId', async (c) => {
    const access = requireMember(deps, c, c.req.param('id'), ['facilitator']);
    const before = readActionItem(db, access.workshop.id, c.req.param('itemId'));
    if (!before) throw notFound('Action item');
    const patch = await readJson(c, updateActionItemSchema);
    checkStage(access, patch.targetStage);
    const after = db.transaction((tx) => {
      const row = tx
        .update(actionItems)
        .set({ ...patch, updatedAt: deps.now() })
        .where(and(eq(actionItems.id, before.id), eq(actionItems.workshopId, access.workshop.id)))
        .returning()
        .get()!;
      audit(tx, access, 'action_item.update', before.id, toActionItem(before), toActionItem(row));
      return row;
    });
    return c.json({ item: toActionItem(after) });
  });

  app.delete('/workshops/:id/action-items/:itemId', (c) => {
    const access = requireMember(deps, c, c.req.param('id'), ['facilitator']);
    const before = readActionItem(db, access.workshop.id, c.req.param('itemId'));
    if (!before) throw notFound('Action item');
    db.transaction((tx) => {
      tx.delete(actionItems).where(eq(actionItems.id, before.id)).run();
      audit(tx, access, 'action_item.delete', before.id, toActionItem(before), null);
    });
    return c.body(null, 204);
  });

  return app;
}
