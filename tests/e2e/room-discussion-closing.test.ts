import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, focusedElement, withAppAndBrowser } from './helpers';
import { enterRoom, type Person, setupWorkshop } from './roomSetup';

/**
 * The discussion closing under someone typing (the facilitator locks the dimension): the half-typed
 * comment and reply stay on screen read-only, with Copy and Discard, focus stays in the discussion,
 * and after a reload the kept reply is still reachable though its form was never opened again.
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

const discussion = (page: Page) => page.getByRole('region', { name: /^Discussion/ });
async function lockDimension(
  facilitator: Person,
  baseURL: string,
  workshopId: string,
  dimensionId: string,
  stage: string,
): Promise<void> {
  const headers = { Origin: baseURL, Connection: 'close' };
  const api = (method: 'POST' | 'PUT', path: string, data: unknown) =>
    facilitator.context.request
      .fetch(`${baseURL}/api/workshops/${workshopId}${path}`, { method, data, headers })
      .then(async (res) => {
        if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${await res.text()}`);
      });
  // A lock needs a reveal (LOCK10) and a consensus stage.
  await api('POST', '/reveal', { dimensionIds: [dimensionId] });
  await api('PUT', `/dimensions/${dimensionId}/consensus`, {
    stage,
    rationale: 'Agreed.',
    nextSteps: '',
  });
  await api('POST', `/dimensions/${dimensionId}/lock`, {});
}

describe('room discussion closing', () => {
  it('keeps my half-typed comment and reply read-only when the dimension is locked, with focus kept in the discussion', async () => {
    const { workshopId, facilitator, participants, rubric } = await setupWorkshop(
      e2e.browser,
      e2e.server.url,
      [{ name: 'Pat Participant' }],
    );
    const pat = participants[0] as Person;
    const dim = rubric.firstDimensionId;
    await enterRoom(pat, workshopId, dim);
    const page = pat.page;
    await page.getByRole('textbox', { name: 'Comment', exact: true }).fill('Posted first.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    // An edit opened and left unchanged is nothing to keep; the half-typed comment and reply are.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('textbox', { name: 'Comment', exact: true }).fill('Half a comment about');
    await page.getByRole('button', { name: 'Reply' }).click();
    const reply = page.getByRole('textbox', { name: 'Reply', exact: true });
    await reply.click();
    await page.keyboard.type('Half a reply');

    await lockDimension(facilitator, e2e.server.url, workshopId, dim, rubric.stages[0]!.id);
    const keptReply = discussion(page).getByRole('textbox', { name: 'Your unposted reply' });
    await expect.poll(() => keptReply.count(), POLL).toBe(1);
    expect(await keptReply.inputValue()).toBe('Half a reply');
    expect(await keptReply.getAttribute('readonly')).not.toBeNull();
    expect(
      await discussion(page)
        .getByRole('textbox', { name: /Edit comment|Your unsaved edit/ })
        .count(),
    ).toBe(0);
    expect(await discussion(page).getByText('Posted first.').count()).toBe(1);
    expect(await discussion(page).getByRole('textbox', { name: 'Your unposted comment' }).inputValue()).toBe(
      'Half a comment about',
    );
    expect(
      await discussion(page)
        .getByRole('status')
        .filter({ hasText: 'The discussion closed before this was posted' })
        .count(),
    ).toBe(2);
    expect(await focusedElement(page)).toBe('discussion: textarea Your unposted reply');
    expect(await checkA11y(page)).toEqual([]);
    // Keys typed now change nothing, and Tab goes on to the kept draft's buttons.
    await page.keyboard.type(' more');
    expect(await keptReply.inputValue()).toBe('Half a reply');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('discussion: button Copy text');

    // After a reload the reply form is not open, yet the kept reply is shown: it can still be copied.
    await page.reload();
    await page.getByText('Connected — all changes saved').waitFor(POLL);
    await expect
      .poll(() => discussion(page).getByRole('textbox', { name: 'Your unposted reply' }).inputValue(), POLL)
      .toBe('Half a reply');

    // Discard (confirmed) removes the comment draft; focus lands in the discussion, not on <body>.
    const keptComment = discussion(page)
      .locator('.comment-form')
      .filter({ hasText: 'Your unposted comment' });
    await keptComment.getByRole('button', { name: 'Discard' }).click();
    await page
      .getByRole('alertdialog', { name: 'Discard your unposted comment?' })
      .getByRole('button', { name: 'Discard text' })
      .click();
    await expect
      .poll(() => discussion(page).getByRole('textbox', { name: 'Your unposted comment' }).count(), POLL)
      .toBe(0);
    await expect.poll(() => focusedElement(page), POLL).toMatch(/^discussion: /);
    expect(pat.errors).toEqual([]);
  });

  it('moves focus into the discussion when the lock removes the focused button of an empty form', async () => {
    const { workshopId, facilitator, participants, rubric } = await setupWorkshop(
      e2e.browser,
      e2e.server.url,
      [{ name: 'Pat Participant' }],
    );
    const pat = participants[0] as Person;
    const dim = rubric.firstDimensionId;
    await enterRoom(pat, workshopId, dim);
    await pat.page.getByRole('button', { name: 'Add an evidence link' }).focus();
    await lockDimension(facilitator, e2e.server.url, workshopId, dim, rubric.stages[0]!.id);
    await expect.poll(() => discussion(pat.page).getByRole('textbox').count(), POLL).toBe(0);
    await expect.poll(() => focusedElement(pat.page), POLL).toMatch(/^discussion: h3 Discussion/);
    expect(pat.errors).toEqual([]);
  });
});
