import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './helpers';
import { enterRoom, setupWorkshop } from './roomSetup';

/**
 * Keyboard and screen-reader use of the consensus panel: the facilitator's two rationale boxes have
 * distinct names, and focus is never dropped to <body> when an action replaces the focused control
 * (WCAG 2.4.3).
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

const panel = (page: Page) => page.getByRole('region', { name: /^Consensus/ });
/** What has focus: its tag and accessible text, or "BODY" when focus was dropped. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return !el || el === document.body ? 'BODY' : `${el.tagName}:${el.textContent?.trim() ?? ''}`;
  });

describe('consensus panel accessibility', () => {
  it('names the two rationale boxes apart, and keeps focus after lock, unlock and "not assessed"', async () => {
    const { workshopId, facilitator: fran, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, []);
    const page = fran.page;
    const dim = rubric.firstDimensionId;
    await enterRoom(fran, workshopId, dim);

    expect(await page.getByRole('textbox', { name: 'Rationale', exact: true }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: /^Consensus rationale/ }).count()).toBe(1);

    const revealed = await fran.context.request.fetch(
      `${e2e.server.url}/api/workshops/${workshopId}/reveal`,
      {
        method: 'POST',
        data: { dimensionIds: [dim] },
        headers: { Origin: e2e.server.url, Connection: 'close' },
      },
    );
    expect(revealed.status()).toBe(200);
    const f = panel(page);
    await f.getByLabel('Consensus stage').selectOption(rubric.stages[1]!.id);
    await f.getByRole('textbox', { name: /^Consensus rationale/ }).fill('Pilots in two departments.');
    await expect.poll(() => f.getByText('Draft saved').count(), POLL).toBe(1);

    // Lock, by keyboard: focus lands on the heading that now says "Locked".
    await f.getByRole('button', { name: /Lock consensus/ }).press('Enter');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Lock consensus' }).press('Enter');
    await expect.poll(() => focused(page), POLL).toMatch(/^H3:Consensus.*Locked$/);

    // Unlock with a reason: the Unlock button goes away, focus goes to the heading ("Draft").
    await f.getByRole('button', { name: 'Unlock…' }).press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('New completion data arrived.');
    await dialog.getByRole('button', { name: 'Unlock' }).press('Enter');
    await expect.poll(() => focused(page), POLL).toMatch(/^H3:Consensus.*Draft$/);

    // Mark not assessed: the form goes away, focus goes to the heading ("Not assessed").
    await f.getByRole('button', { name: 'Mark not assessed…' }).press('Enter');
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('No data for this dimension this year.');
    await dialog.getByRole('button', { name: 'Mark not assessed' }).press('Enter');
    await expect.poll(() => focused(page), POLL).toMatch(/^H3:Consensus.*Not assessed$/);
    expect(fran.errors).toEqual([]);
  });
});
