import { describe, expect, it } from 'vitest';
import { checkA11y, withAppAndBrowser } from './helpers';
import { roomUrl, setupWorkshop } from './roomSetup';

/** axe-core (WCAG 2.1 A/AA) on the room before and after reveal, and on projector mode. */

// Generous: two shared cores, a lazy chunk, HTTP and two websocket syncs before anything shows.
const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

describe('room accessibility', () => {
  it('has no axe violations before and after reveal, and in projector mode', async () => {
    const { workshopId, facilitator, participants, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [{ name: 'Ari Participant' }]);
    const ari = participants[0]!;
    const dim = rubric.firstDimensionId;
    const developing = rubric.stages[1]!;

    await ari.page.goto(roomUrl(workshopId, dim));
    await facilitator.page.goto(roomUrl(workshopId, dim));
    await expect.poll(() => ari.page.getByText('Connected — all changes saved').count(), POLL).toBe(1);
    await ari.page.getByRole('radio', { name: developing.label }).check();
    await ari.page.getByRole('textbox', { name: 'Rationale' }).fill('Some policies exist.');
    await expect.poll(() => facilitator.page.getByText('Ari Participant: rated').count(), POLL).toBe(1);

    expect(await checkA11y(ari.page)).toEqual([]);
    expect(await checkA11y(facilitator.page)).toEqual([]);

    await facilitator.page.getByRole('button', { name: 'Reveal this dimension' }).click();
    await facilitator.page.getByRole('button', { name: 'Spotlight this dimension' }).click();
    await expect.poll(() => ari.page.getByRole('heading', { name: 'Spread of ratings' }).count(), POLL).toBe(1);
    await expect.poll(() => ari.page.locator('.room-status__spotlight').count(), POLL).toBe(1);
    expect(await checkA11y(ari.page)).toEqual([]);
    expect(await checkA11y(facilitator.page)).toEqual([]);

    await facilitator.page.goto(`/workshops/${workshopId}/projector`);
    await expect.poll(() => facilitator.page.getByRole('heading', { level: 1, name: rubric.firstDimensionTitle }).count(), POLL).toBe(1);
    await expect.poll(() => facilitator.page.getByRole('heading', { name: 'Spread of ratings' }).count(), POLL).toBe(1);
    // Projector shows no private information: not the facilitator's own rating controls or drafts.
    expect(await facilitator.page.getByRole('radio').count()).toBe(0);
    expect(await facilitator.page.getByRole('textbox').count()).toBe(0);
    expect(await checkA11y(facilitator.page)).toEqual([]);
  });
});
