import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './helpers';
import { enterRoom, type Person, setupWorkshop } from './roomSetup';

/**
 * The facilitator's consensus text is never lost: text the server does not have yet (no stage chosen,
 * a save still waiting for its debounce, a save that failed offline) is kept in their member doc,
 * shown again after a reload, and sent as soon as it can be.
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

const panel = (page: Page) => page.getByRole('region', { name: /^Consensus/ });
const rationale = (page: Page) => panel(page).getByRole('textbox', { name: /^Consensus rationale/ });
const dissent = (page: Page) => panel(page).getByRole('textbox', { name: /^Dissent/ });

async function reload(person: Person): Promise<void> {
  await person.page.reload();
  await person.page.getByText('Connected — all changes saved').waitFor({ timeout: 30_000 });
}

describe('consensus drafts', () => {
  it('keeps text typed before a stage is chosen across a reload', async () => {
    const { workshopId, facilitator: fran, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, []);
    await enterRoom(fran, workshopId, rubric.firstDimensionId);
    // No stage yet: the rubric's first dimension has no ratings, so nothing is suggested.
    expect(await panel(fran.page).getByLabel('Consensus stage').inputValue()).toBe('');
    await rationale(fran.page).fill('Typed before choosing a stage.');
    await dissent(fran.page).fill('Kim thinks it is earlier.');
    await reload(fran);
    await expect.poll(() => rationale(fran.page).inputValue(), POLL).toBe('Typed before choosing a stage.');
    expect(await dissent(fran.page).inputValue()).toBe('Kim thinks it is earlier.');
    expect(fran.errors).toEqual([]);
  });

  it('keeps and then sends text typed just before a reload, before its save went out', async () => {
    const {
      workshopId,
      facilitator: fran,
      participants,
      rubric,
    } = await setupWorkshop(e2e.browser, e2e.server.url, [{ name: 'Pat Participant' }]);
    const pat = participants[0] as Person;
    await enterRoom(fran, workshopId, rubric.firstDimensionId);
    await enterRoom(pat, workshopId, rubric.firstDimensionId);
    await panel(fran.page).getByLabel('Consensus stage').selectOption(rubric.stages[1]!.id);
    await rationale(fran.page).fill('First words.');
    await expect.poll(() => panel(fran.page).getByText('Draft saved').count(), POLL).toBe(1);

    await rationale(fran.page).fill('First words, and the last ones typed.');
    await reload(fran); // at once: the debounced save has not gone out
    await expect
      .poll(() => rationale(fran.page).inputValue(), POLL)
      .toBe('First words, and the last ones typed.');
    // …and it reaches the server, so everyone sees it.
    await expect.poll(() => panel(pat.page).getByText('and the last ones typed').count(), POLL).toBe(1);
    expect(fran.errors).toEqual([]);
  });

  it('resends a draft that failed to save offline when the connection returns', async () => {
    const {
      workshopId,
      facilitator: fran,
      participants,
      rubric,
    } = await setupWorkshop(e2e.browser, e2e.server.url, [{ name: 'Pat Participant' }]);
    const pat = participants[0] as Person;
    await enterRoom(fran, workshopId, rubric.firstDimensionId);
    await enterRoom(pat, workshopId, rubric.firstDimensionId);
    await panel(fran.page).getByLabel('Consensus stage').selectOption(rubric.stages[1]!.id);
    await rationale(fran.page).fill('Saved while online.');
    await expect.poll(() => panel(pat.page).getByText('Saved while online.').count(), POLL).toBe(1);

    await fran.context.setOffline(true);
    await rationale(fran.page).fill('Typed while offline.');
    await expect.poll(() => panel(fran.page).getByText('Not saved.').count(), POLL).toBe(1);
    await fran.context.setOffline(false);
    // No further typing: coming back online alone sends it.
    await expect.poll(() => panel(pat.page).getByText('Typed while offline.').count(), POLL).toBe(1);
    await expect.poll(() => panel(fran.page).getByText('Draft saved').count(), POLL).toBe(1);
  });
});
