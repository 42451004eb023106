import { describe, expect, it } from 'vitest';
import { Limits } from '../../shared/domain';
import { withAppAndBrowser } from './helpers';
import { enterRoom, type Person, setupWorkshop } from './roomSetup';

/**
 * An over-long rationale is not saved to the rating, but the message promises "your text is kept
 * here": it is kept as a draft in my member doc, so a reload shows it again (as over-long comments
 * are), and shortening it saves it and drops the draft.
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

describe('over-long rationale', () => {
  it('is kept across a reload, and saved once shortened', async () => {
    const { workshopId, participants, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [
      { name: 'Pat Participant' },
    ]);
    const pat = participants[0] as Person;
    const page = pat.page;
    await enterRoom(pat, workshopId, rubric.firstDimensionId);
    const rationale = page.getByRole('textbox', { name: 'Rationale', exact: true });
    const long = 'y'.repeat(Limits.rationaleMax + 100);
    await rationale.fill(long);
    await expect.poll(() => page.getByText(/Too long to save: 5,100 of 5,000/).count(), POLL).toBe(1);
    await rationale.blur();

    await page.reload();
    await page.getByText('Connected — all changes saved').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await rationale.inputValue()).length, POLL).toBe(long.length);
    expect(await page.getByText(/Too long to save: 5,100 of 5,000/).count()).toBe(1);

    // Shortened, it fits: saved as the rating's rationale, and a reload shows the short text.
    await rationale.fill('Short enough now.');
    await rationale.blur();
    await page.reload();
    await page.getByText('Connected — all changes saved').waitFor({ timeout: 30_000 });
    await expect.poll(() => rationale.inputValue(), POLL).toBe('Short enough now.');
    expect(pat.errors).toEqual([]);
  });
});
