import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './helpers';
import { type Person, recordFrames, roomUrl, setupWorkshop } from './roomSetup';

/**
 * The workshop room end to end (issue 4, "Done when"): blind rating, reveal, spread in every browser,
 * a comment with an evidence link reaching the others, and an offline change that syncs on return.
 */

// Generous: two shared cores, a lazy chunk, HTTP and two websocket syncs before anything shows.
const POLL = { timeout: 30_000 };

const e2e = withAppAndBrowser();

/** The spread table's count for a stage (first data column: everyone, or the first group). */
async function spreadCount(page: Page, stageLabel: string, column = 0): Promise<string> {
  const row = page.getByRole('table').filter({ hasText: 'per stage' }).getByRole('row', { name: new RegExp(`^${escapeRegExp(stageLabel)}`) });
  return (await row.getByRole('cell').nth(column).textContent())?.trim() ?? '';
}
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

describe('workshop room', () => {
  it('rates blind, reveals, shows the spread everywhere, shares a comment, and syncs an offline change', async () => {
    const { workshopId, facilitator, participants, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [
      { name: 'Pat Participant', perspective: 'Faculty' },
      { name: 'Quinn Participant', perspective: 'IT' },
    ]);
    const [p1, p2] = participants as [Person, Person];
    const [newEmerging, developing, effective] = [rubric.stages[0]!, rubric.stages[1]!, rubric.stages[2]!];
    const dim = rubric.firstDimensionId;
    const p2Frames = recordFrames(p2.page);
    const fFrames = recordFrames(facilitator.page);

    for (const person of [facilitator, p1, p2]) await person.page.goto(roomUrl(workshopId, dim));
    for (const person of [facilitator, p1, p2]) {
      await expect.poll(() => person.page.getByRole('heading', { level: 2, name: rubric.firstDimensionTitle }).count(), POLL).toBe(1);
      await expect.poll(() => person.page.getByText('Connected — all changes saved').count(), POLL).toBe(1);
    }

    // Both participants rate, blind. The secret rationale must never reach anyone else before reveal.
    const secret = 'SECRET-RATIONALE-PAT-7f3a';
    await p1.page.getByRole('radio', { name: effective.label }).check();
    await p1.page.getByRole('textbox', { name: 'Rationale' }).fill(secret);
    await p2.page.getByRole('radio', { name: newEmerging.label }).check();
    await p2.page.getByRole('textbox', { name: 'Rationale' }).fill('We have only started.');

    // The others see "2 rated" (who has rated is public), never the value.
    const ratedText = p2.page.locator('.dimension__phase');
    await expect.poll(() => ratedText.textContent(), POLL).toContain('2 rated');
    await expect.poll(() => facilitator.page.locator('.dimension__phase').textContent(), POLL).toContain('2 rated');
    await expect.poll(() => facilitator.page.getByText(`${p1.name}: rated`).count(), POLL).toBe(1);
    const p2Body = (await p2.page.locator('body').textContent()) ?? '';
    expect(p2Body).not.toContain(secret);
    expect(await p2.page.getByRole('radio', { name: effective.label }).isChecked()).toBe(false);
    expect(await p2.page.getByRole('heading', { name: 'Spread of ratings' }).count()).toBe(0);
    // …and not in the bytes of the workshop doc either: no frame p2 or the facilitator received holds
    // p1's rationale or p1's stage id (p2 rated another stage; nothing else names that stage yet).
    expect(p2Frames.text()).not.toContain(secret);
    expect(p2Frames.text()).not.toContain(effective.id);
    expect(fFrames.text()).not.toContain(secret);
    expect(fFrames.text()).not.toContain(effective.id);

    // Reveal: the spread appears in all three browsers.
    await facilitator.page.getByRole('button', { name: 'Reveal this dimension' }).click();
    for (const person of [facilitator, p1, p2]) {
      await expect.poll(() => person.page.getByRole('heading', { name: 'Spread of ratings' }).count(), POLL).toBe(1);
      await expect.poll(() => spreadCount(person.page, effective.label), POLL).toBe('1');
      await expect.poll(() => spreadCount(person.page, newEmerging.label), POLL).toBe('1');
    }
    // One rating at each end of the scale: flagged as divergent, in text.
    await expect.poll(() => p2.page.locator('.spread__flag').textContent(), POLL).toContain('Divergent');

    // The perspective filter: Pat (Faculty) rated Effective, Quinn (IT) New/Emerging. Choosing a
    // perspective shows that perspective's counts, names and divergence only.
    const spread = p1.page.getByRole('region', { name: 'Spread of ratings' });
    const caption = () => spread.getByRole('table').locator('caption').textContent();
    const flag = () => spread.locator('.spread__flag').textContent();
    const counts = async (column = 0) => [await spreadCount(p1.page, effective.label, column), await spreadCount(p1.page, newEmerging.label, column)];
    await expect.poll(() => counts(), POLL).toEqual(['1', '1']);
    expect(await spread.getByLabel('Perspective', { exact: true }).locator('option').allTextContents()).toEqual(['All perspectives', 'Faculty', 'IT']);
    await spread.getByLabel('Perspective', { exact: true }).selectOption('Faculty');
    await expect.poll(caption).toContain('— Faculty');
    expect(await counts()).toEqual(['1', '0']);
    expect(await flag()).not.toContain('Divergent');
    expect(await spread.getByRole('row', { name: new RegExp(`^${escapeRegExp(effective.label)}`) }).textContent()).toContain(p1.name);
    expect(await spread.getByRole('table').textContent()).not.toContain(p2.name);
    await spread.getByLabel('Perspective', { exact: true }).selectOption('IT');
    await expect.poll(caption).toContain('— IT');
    expect(await counts()).toEqual(['0', '1']);
    // The first round of one perspective, too (not everyone's first round).
    await spread.getByRole('radio', { name: 'First round (at reveal)' }).check();
    await expect.poll(caption).toBe('First-round ratings per stage — IT');
    expect(await counts()).toEqual(['0', '1']);
    // A perspective with no first-round rating: Fran (Administration) answers only after the reveal.
    // Its first round is empty — "No ratings yet", never everyone's first-round numbers.
    await facilitator.page.getByRole('radio', { name: 'Not sure' }).check();
    await spread.getByLabel('Perspective', { exact: true }).selectOption('Administration', POLL);
    await expect.poll(caption).toBe('First-round ratings per stage — Administration');
    expect(await counts()).toEqual(['0', '0']);
    expect(await flag()).toContain('No ratings yet.');
    await spread.getByRole('radio', { name: 'Current' }).check();
    await expect.poll(caption).toBe('Current ratings per stage — Administration');
    expect(await spread.getByRole('row', { name: /^Not sure/ }).getByRole('cell').first().textContent()).toBe('1');
    expect(await flag()).toContain('Only “not sure” ratings so far.');
    await spread.getByLabel('Perspective', { exact: true }).selectOption({ label: 'All perspectives' });
    await expect.poll(caption).toBe('Current ratings per stage');
    expect(await counts()).toEqual(['1', '1']);
    expect(await flag()).toContain('Divergent');
    // Grouped: one column per perspective, each with its own counts.
    await spread.getByRole('checkbox', { name: 'Group by perspective' }).check();
    await expect.poll(() => spread.getByRole('columnheader').allTextContents()).toEqual(['Stage', 'Administration', 'Faculty', 'IT', 'Who']);
    expect([await counts(0), await counts(1), await counts(2)]).toEqual([['0', '0'], ['1', '0'], ['0', '1']]);
    await spread.getByRole('checkbox', { name: 'Group by perspective' }).uncheck();
    await expect.poll(() => spread.getByRole('columnheader').allTextContents()).toEqual(['Stage', 'Everyone', 'Who']);

    // A comment with an evidence link reaches the other browsers.
    await p1.page.getByRole('textbox', { name: 'Comment' }).fill('Our catalogue maps every program to outcomes.');
    await p1.page.getByRole('button', { name: 'Add an evidence link' }).click();
    await p1.page.getByRole('textbox', { name: 'Link URL' }).fill('https://example.edu/catalogue');
    await p1.page.getByRole('textbox', { name: 'Link title' }).fill('Program outcomes catalogue');
    await p1.page.getByRole('button', { name: 'Post comment' }).click();
    for (const person of [facilitator, p2]) {
      const link = person.page.getByRole('link', { name: 'Program outcomes catalogue' });
      await expect.poll(() => link.count(), POLL).toBe(1);
      expect(await link.getAttribute('href')).toBe('https://example.edu/catalogue');
      await expect.poll(() => person.page.getByText('Our catalogue maps every program to outcomes.').count(), POLL).toBe(1);
    }

    // Offline: p2 changes their rating without a connection; it arrives once they are back.
    await p2.context.setOffline(true);
    await expect.poll(() => p2.page.locator('.room-status__connection').textContent(), POLL).toContain('Offline');
    await p2.page.getByRole('radio', { name: developing.label }).check();
    await expect.poll(() => p2.page.locator('.room-status__connection').textContent(), POLL).toMatch(/Offline — \d+ changes? will sync/);
    expect(await spreadCount(facilitator.page, developing.label)).toBe('0');
    await p2.context.setOffline(false);
    await expect.poll(() => spreadCount(facilitator.page, developing.label), POLL).toBe('1');
    await expect.poll(() => spreadCount(facilitator.page, newEmerging.label), POLL).toBe('0');
    await expect.poll(() => p2.page.locator('.room-status__connection').textContent(), POLL).toContain('Connected');
    // First round is kept: p2 moved from New/Emerging.
    await expect.poll(() => facilitator.page.locator('.spread__rounds').textContent(), POLL).toContain('1 changed since the first round');

    for (const person of [facilitator, p1, p2]) expect(person.errors).toEqual([]);
  });
});
