import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './helpers';
import { type Person, roomUrl, setupWorkshop } from './roomSetup';

/** Issue 5 "Done when": a facilitator sets the consensus and locks it; other browsers show it locked; unlock with a reason shows in the history. */

const POLL = { timeout: 15_000 };
const e2e = withAppAndBrowser();

const panel = (page: Page) => page.getByRole('region', { name: /^Consensus/ });

describe('consensus in the room', () => {
  it('LOCK1/LOCK4/LOCK5: set, lock (seen locked by a participant), unlock with a reason (seen in the history)', async () => {
    const { workshopId, facilitator, participants, rubric } = await setupWorkshop(e2e.browser, e2e.server.url, [
      { name: 'Pat Participant' },
    ]);
    const p1 = participants[0] as Person;
    const dim = rubric.firstDimensionId;
    const developing = rubric.stages[1]!;
    for (const person of [facilitator, p1]) {
      await person.page.goto(roomUrl(workshopId, dim));
      await expect.poll(() => person.page.getByText('Connected — all changes saved').count(), POLL).toBe(1);
    }

    const f = panel(facilitator.page);
    await f.getByLabel('Consensus stage').selectOption(developing.id);
    await f
      .getByRole('textbox', { name: /^Consensus rationale/ })
      .fill('Pilots in two departments, not yet campus-wide.');
    await expect.poll(() => f.getByText('Draft saved').count(), POLL).toBe(1);
    // The draft is live for everyone before the lock.
    await expect.poll(() => panel(p1.page).getByText('Pilots in two departments').count(), POLL).toBe(1);

    // A lock needs a reveal (LOCK10); revealed through the API so this test does not depend on the
    // reveal control's wording.
    const revealed = await facilitator.context.request.fetch(`${e2e.server.url}/api/workshops/${workshopId}/reveal`, {
      method: 'POST',
      data: { dimensionIds: [dim] },
      // A fresh connection: Playwright's request context does not retry a POST on a reused socket.
      headers: { Origin: e2e.server.url, Connection: 'close' },
    });
    expect(revealed.status()).toBe(200);
    await f.getByRole('button', { name: /Lock consensus/ }).click();
    await facilitator.page.getByRole('alertdialog').getByRole('button', { name: 'Lock consensus' }).click();
    await expect.poll(() => panel(p1.page).getByText('Locked', { exact: true }).count(), POLL).toBe(1);
    expect(await panel(p1.page).getByRole('textbox').count()).toBe(0);

    const reason = 'The registrar brought new completion data.';
    await f.getByRole('button', { name: 'Unlock…' }).click();
    const dialog = facilitator.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Reason/ }).fill(reason);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => panel(p1.page).getByText('Locked', { exact: true }).count(), POLL).toBe(0);
    const history = panel(p1.page).getByText(/^History/);
    await expect.poll(() => history.count(), POLL).toBe(1);
    await history.click();
    await expect.poll(() => panel(p1.page).getByText(reason, { exact: false }).count(), POLL).toBe(1);
  });
});
