import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './helpers';
import { enterRoom, type Person, setupWorkshop } from './roomSetup';

/**
 * Facilitator features as the others see them (issue 4): presence (who, where, observers as
 * observers with no writing controls), the countdown timer, the rating deadline, spotlight with a
 * "Go to spotlight" link, anonymity removing names, and removal through the confirm dialog.
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

describe('room facilitator features and presence', () => {
  it('shows presence, timer, deadline, spotlight and anonymity to the others; observers cannot write', async () => {
    const { workshopId, facilitator: fran, participants, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [
      { name: 'Pat Participant', perspective: 'Faculty' },
      { name: 'Olive Observer', perspective: 'IT', role: 'observer' },
    ]);
    const [pat, olive] = participants as [Person, Person];
    const dim1 = rubric.firstDimensionId;
    for (const p of [fran, pat, olive]) await enterRoom(p, workshopId, dim1);

    // Presence: Pat sees the facilitator and the observer, labelled; then where Fran goes.
    const here = pat.page.getByRole('region', { name: /^Here now/ });
    await expect.poll(() => here.getByRole('listitem').filter({ hasText: 'Olive Observer' }).textContent(), POLL).toContain('observer');
    await expect.poll(() => here.getByRole('listitem').filter({ hasText: 'Fran Facilitator' }).textContent(), POLL).toContain('facilitator');
    await fran.page.getByRole('navigation', { name: 'Dimensions' }).getByRole('link', { name: rubric.secondDimensionTitle, exact: true }).click();
    await expect
      .poll(() => here.getByRole('listitem').filter({ hasText: 'Fran Facilitator' }).textContent(), POLL)
      .toContain(`on ${rubric.secondDimensionTitle}`);

    // The observer has no control that writes.
    expect(await olive.page.getByRole('radio').count()).toBe(0);
    expect(await olive.page.getByRole('textbox', { name: 'Rationale' }).count()).toBe(0);
    expect(await olive.page.getByRole('textbox', { name: 'Comment' }).count()).toBe(0);
    expect(await olive.page.getByRole('button', { name: 'Post comment' }).count()).toBe(0);
    expect(await olive.page.getByRole('form', { name: 'Add evidence' }).count()).toBe(0);
    expect(await olive.page.getByText('You are observing: observers do not rate.').count()).toBe(1);

    // Countdown timer, for everyone.
    await fran.page.getByLabel('Timer minutes').fill('3');
    await fran.page.getByRole('button', { name: 'Start timer' }).click();
    for (const p of [pat, olive]) await expect.poll(() => p.page.getByRole('timer').textContent(), POLL).toMatch(/[23]:\d\d left/);

    // Rating deadline set by the facilitator, shown to participants.
    await fran.page.getByLabel('Rating deadline').fill('2031-05-04T17:30');
    await fran.page.getByRole('button', { name: 'Set deadline' }).click();
    const deadline = pat.page.locator('.room-status__deadline');
    await expect.poll(() => deadline.count(), POLL).toBe(1);
    expect(await deadline.textContent()).toContain('Rating deadline:');
    expect(await deadline.locator('time').getAttribute('datetime')).toMatch(/^2031-05-0[45]T/);

    // Spotlight from dimension 2: Pat (on dimension 1) gets a link there, and can still browse.
    await fran.page.getByRole('button', { name: 'Spotlight this dimension' }).click();
    const go = pat.page.getByRole('link', { name: 'Go to spotlight' });
    await expect.poll(() => go.count(), POLL).toBe(1);
    await go.click();
    await expect.poll(() => pat.page.getByRole('heading', { level: 2, name: rubric.secondDimensionTitle }).count(), POLL).toBe(1);
    expect(await go.count()).toBe(0); // already there
    await pat.page.getByRole('navigation', { name: 'Dimensions' }).getByRole('link', { name: rubric.firstDimensionTitle, exact: true }).click();
    await expect.poll(() => pat.page.getByRole('heading', { level: 2, name: rubric.firstDimensionTitle }).count(), POLL).toBe(1);
    await expect.poll(() => go.count(), POLL).toBe(1);

    // Remove, through the accessible confirm dialog (not window.confirm). Before the anonymity switch,
    // which shows pseudonyms in the facilitator's list too.
    // By keyboard: the ticking timer re-lays the header out every second, so a click's "stable
    // element" wait can time out on two busy cores; a key press has no such wait (and proves keyboard use).
    await fran.page.getByRole('button', { name: 'Remove Olive Observer' }).press('Enter');
    const confirm = fran.page.getByRole('alertdialog', { name: 'Remove Olive Observer?' });
    await confirm.getByRole('button', { name: 'Remove Olive Observer' }).press('Enter');
    await expect.poll(() => olive.page.getByRole('heading', { name: 'You were removed from this workshop' }).count(), POLL).toBe(1);

    // Anonymity: a named comment first, then the switch — no other member's real name stays on Pat's page.
    await fran.page.getByRole('navigation', { name: 'Dimensions' }).getByRole('link', { name: rubric.firstDimensionTitle, exact: true }).click();
    await fran.page.getByRole('textbox', { name: 'Comment' }).fill('Fran says hello.');
    await fran.page.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => pat.page.getByText('Fran says hello.').count(), POLL).toBe(1);
    expect(await pat.page.locator('body').textContent()).toContain('Fran Facilitator');
    await fran.page.getByLabel('Anonymity').selectOption('anonymous');
    for (const p of [pat]) {
      await expect.poll(async () => {
        const text = (await p.page.locator('body').textContent()) ?? '';
        return ['Fran Facilitator', 'Olive Observer'].filter((n) => text.includes(n));
      }, POLL).toEqual([]);
    }

    for (const p of [fran, pat]) expect(p.errors).toEqual([]);
  });
});
