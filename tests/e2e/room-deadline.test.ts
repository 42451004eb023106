import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './helpers';
import { enterRoom, type Person, setupWorkshop } from './roomSetup';

/**
 * ROOM12 in the browser: when the rating deadline passes, the server reveals the ratings — a
 * participant's room shows the spread and says the rating is closed, with nobody pressing Reveal.
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

describe('rating deadline in the room', () => {
  it('reveals the ratings on everyone’s screen when the deadline passes', async () => {
    const { workshopId, facilitator: fran, participants, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [
      { name: 'Pat Participant', perspective: 'Faculty' },
    ]);
    const [pat] = participants as [Person];
    const developing = rubric.stages[1]!;
    await enterRoom(pat, workshopId, rubric.firstDimensionId);
    await pat.page.getByRole('radio', { name: developing.label }).check();
    await expect.poll(() => pat.page.getByText('Connected — all changes saved').count(), POLL).toBe(1);

    // Blind so far; then a deadline a few seconds ahead, set through the API (the panel's field has
    // minute precision). Nothing is asserted between the two: a slow machine may reach the deadline first.
    expect(await pat.page.getByRole('heading', { name: 'Spread of ratings' }).count()).toBe(0);
    const res = await fran.context.request.fetch(`${e2e.server.url}/api/workshops/${workshopId}`, {
      method: 'PATCH',
      data: { settings: { ratingDeadline: Date.now() + 3_000 } },
      headers: { Origin: e2e.server.url, Connection: 'close' },
    });
    expect(res.status()).toBe(200);
    const status = pat.page.locator('.room-status__deadline');
    await expect.poll(() => pat.page.getByRole('heading', { name: 'Spread of ratings' }).count(), POLL).toBe(1);
    await expect.poll(() => status.textContent(), POLL).toMatch(/^Rating closed .* — ratings are revealed$/);
    const row = pat.page.getByRole('table').filter({ hasText: 'per stage' }).getByRole('row', { name: new RegExp(`^${developing.label}`) });
    await expect.poll(async () => (await row.getByRole('cell').first().textContent())?.trim(), POLL).toBe('1');
    for (const p of [fran, pat]) expect(p.errors).toEqual([]);
  });
});
