import { Hono } from 'hono';
import type { ConsensusState } from '../../shared/docs/workshopDoc';
import { consensusForWorkshopDoc } from '../consensus/forWorkshopDoc';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { describeRoute } from '../http/openapi';
import { readJson } from '../http/validate';
import { requireUser } from '../workshops/access';
import { institutionHistory, institutionsOf } from './history';
import { updateInstitutionBody } from './schemas';
import { institutionForFacilitator, updateInstitution } from './update';

describeRoute({
  method: 'get',
  path: '/api/institutions',
  summary: 'Institutions in which I am a member of some workshop',
  tag: 'institutions',
  auth: 'any signed-in user',
  responses: { 200: { description: '{institutions:[{id,name,system,state,workshopCount,lastWorkshopAt}]}' }, 401: { description: 'Not signed in' } },
});
describeRoute({
  method: 'get',
  path: '/api/institutions/{id}',
  summary: "An institution's workshops over time (only those I am a member of), with consensus per dimension",
  tag: 'institutions',
  auth: 'a member of at least one of its workshops',
  responses: {
    200: { description: '{institution, workshops}' },
    401: { description: 'Not signed in' },
    404: { description: 'No such institution, or none of its workshops is mine' },
  },
});
describeRoute({
  method: 'patch',
  path: '/api/institutions/{id}',
  summary: 'Change the name, system or state (null clears); audited in every workshop of the institution',
  tag: 'institutions',
  auth: 'a facilitator of at least one of its workshops',
  body: updateInstitutionBody,
  responses: {
    200: { description: '{institution:{id,name,system,state}}' },
    400: { description: 'Invalid body' },
    401: { description: 'Not signed in' },
    403: { description: 'A member of its workshops, but facilitator of none' },
    404: { description: 'No such institution, or none of its workshops is mine' },
  },
});

export function institutionRoutes(
  deps: AppDeps,
  consensusOf: (workshopId: string) => Map<string, ConsensusState> = (id) => consensusForWorkshopDoc(deps.database.db, id),
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/institutions', (c) => {
    const user = requireUser(c);
    return c.json({ institutions: institutionsOf(deps.database.db, user.id) });
  });
  app.get('/institutions/:id', (c) => {
    const user = requireUser(c);
    const history = institutionHistory(deps.database.db, user.id, c.req.param('id'), consensusOf);
    // 404 also when it exists but is not mine: its existence is nobody else's business.
    if (!history) throw notFound('Institution');
    return c.json(history);
  });
  app.patch('/institutions/:id', async (c) => {
    const user = requireUser(c);
    const institutionId = c.req.param('id');
    // Authorise before reading the body (401 → 404 → 403 → 400, as everywhere); checked again
    // inside the update's transaction.
    institutionForFacilitator(deps.database, institutionId, user.id);
    const changes = await readJson(c, updateInstitutionBody);
    const result = updateInstitution(deps.database, { institutionId, userId: user.id, now: deps.now(), changes });
    // Every workshop of the institution shows its name: let their docs and rooms pick it up.
    for (const id of result.workshopIds) await deps.realtime.workshopChanged(id);
    return c.json({ institution: result.institution });
  });
  return app;
}
