import { describe, expect, it } from 'vitest';
import { newPerson, withAppAndBrowser } from './helpers';
import { enterRoom, setupWorkshop } from './roomSetup';

/** Words on screen and in announcements: said once, and in the right grammatical number. */

const e2e = withAppAndBrowser();

describe('wording', () => {
  it('an invalid invite link says what is wrong once, not the headline twice', async () => {
    const { page } = await newPerson(e2e.browser, e2e.server.url);
    await page.goto('/join/not-a-real-token');
    await page.getByRole('heading', { level: 1, name: 'This invite link is not valid' }).waitFor();
    expect(await page.getByText('This invite link is not valid', { exact: true }).count()).toBe(1);
    await page.getByText('Check that you copied the whole link').waitFor();
  });

  it('the facilitator hears a sentence when a setting is saved, not "<name> done."', async () => {
    const { workshopId, facilitator, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, []);
    await enterRoom(facilitator, workshopId, rubric.firstDimensionId);
    await facilitator.page.getByLabel('Anonymity').selectOption('anonymous');
    await facilitator.page.getByText('Anonymity setting saved.').waitFor({ state: 'attached' });
    expect(await facilitator.page.getByText('Anonymity setting done.').count()).toBe(0);
  });
});
