import { afterEach, describe, expect, it } from 'vitest';
import { api, createWorkshop, joinWorkshop, signUp } from '../helpers/fixtures';
import { makeTestApp } from '../helpers/testApp';

/**
 * ANON4 (docs/SPEC.md): the audit entries of joins and member changes record ids, roles and
 * perspectives — never a name — so the stored log cannot undo anonymity later, whatever the mode.
 * Checked on the stored rows (what any future reader of the log gets), not on one rendering of them.
 */
let t: ReturnType<typeof makeTestApp>;
afterEach(() => t.close());

const NAMES = ['Fran Unique-Facilitator', 'Zed Unique-Joiner', 'Yan Unique-Colleague'];

describe('audit entries of member changes carry no names (ANON4)', () => {
  for (const anonymity of ['named', 'anonymous'] as const) {
    it(`ANON4: join, role/perspective change, handoff and removal store ids, roles and perspectives only (${anonymity})`, async () => {
      t = makeTestApp();
      const fac = await signUp(t.app, { name: NAMES[0] });
      const w = await createWorkshop(t.app, fac.cookie, { settings: { anonymity } });
      const base = `/api/workshops/${w.id}`;
      const zed = await joinWorkshop(t.app, fac.cookie, w.id, { role: 'participant', name: NAMES[1], perspective: 'Faculty' });
      const yan = await joinWorkshop(t.app, fac.cookie, w.id, { role: 'observer', name: NAMES[2] });
      const f = (method: string, path: string, body?: unknown) =>
        api(t.app, method, `${base}${path}`, { cookie: fac.cookie, ...(body === undefined ? {} : { body }) });
      expect((await f('PATCH', `/members/${zed.memberId}`, { role: 'facilitator', perspective: 'IT' })).status).toBe(200);
      expect((await f('DELETE', `/members/${yan.memberId}`)).status).toBe(204);
      expect(
        (await api(t.app, 'POST', `${base}/handoff`, { cookie: zed.cookie, body: { memberId: (await f('GET', '')).json.me.memberId } }))
          .status,
      ).toBe(200);

      const rows = t.database.sqlite
        .prepare("select action, target, before, after from audit_log where workshop_id = ? and action like 'member.%'")
        .all(w.id) as Array<{ action: string; target: string; before: string | null; after: string | null }>;
      expect(rows.map((r) => r.action).sort()).toEqual(
        ['member.handoff', 'member.join', 'member.join', 'member.remove', 'member.update'].sort(),
      );
      const stored = JSON.stringify(rows);
      for (const name of NAMES) expect(stored).not.toContain(name);
      // …and they do say what changed, by id, role and perspective.
      const update = rows.find((r) => r.action === 'member.update')!;
      expect(update.target).toBe(zed.memberId);
      expect(JSON.parse(update.before!)).toEqual({ role: 'participant', perspective: 'Faculty' });
      expect(JSON.parse(update.after!)).toEqual({ role: 'facilitator', perspective: 'IT' });
      const joinOfZed = rows.find((r) => r.action === 'member.join' && r.target === zed.memberId)!;
      expect(JSON.parse(joinOfZed.after!)).toMatchObject({ role: 'participant', perspective: 'Faculty' });
    });
  }
});
