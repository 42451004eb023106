import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemberDoc } from '../../shared/docs/memberDoc';
import { memberDocName } from '../../shared/docNames';
import { connectProvider } from '../helpers/wsClient';
import { withAppAndBrowser } from './helpers';
import { type Person, roomUrl, setupWorkshop } from './roomSetup';

/**
 * SYNC64 in the browser: the server re-based the workshop doc while a page was away (here: signed
 * out, the room still on screen). The page's old copy is refused (4409); it must swap in a fresh doc
 * and keep rendering live updates — which only works if every component reads the doc through
 * useWorkshopDoc — and keep what was typed.
 */

const POLL = { timeout: 30_000 };
// A low threshold, so a few dozen rating changes are worth a re-base; debug logs say when the
// workshop unloaded and was re-based (the test waits on them, never on time).
const e2e = withAppAndBrowser({ logLevel: 'debug', env: { WS_REBASE_AFTER_TOMBSTONES: '20' } });

async function spreadCount(page: Page, stageLabel: string): Promise<string> {
  const row = page
    .getByRole('table')
    .filter({ hasText: 'per stage' })
    .getByRole('row', { name: new RegExp(`^${stageLabel}`) });
  return (await row.getByRole('cell').first().textContent())?.trim() ?? '';
}

describe('workshop room across a re-base of the workshop doc', () => {
  it('SYNC64 swaps in the fresh doc once synced and stays live', async () => {
    const { server, browser } = e2e;
    const { workshopId, facilitator, participants, rubric } = await setupWorkshop(browser, server.url, [
      { name: 'Pat Participant', perspective: 'Faculty' },
    ]);
    const pat = participants[0] as Person;
    const [first, second] = [rubric.firstDimensionId, rubric.secondDimensionId];
    const [newEmerging, developing, effective] = rubric.stages as [
      { id: string; label: string },
      { id: string; label: string },
      { id: string; label: string },
    ];
    const reveal = await facilitator.context.request.fetch(
      `${server.url}/api/workshops/${workshopId}/reveal`,
      {
        method: 'POST',
        data: { dimensionIds: [first, second] },
        headers: { Origin: server.url },
      },
    );
    expect(reveal.status()).toBe(200);

    // Pat rates from a script with Pat's own session: many changes, quickly.
    const cookie = (await pat.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const patDoc = new Y.Doc();
    const patOwn = connectProvider(
      server.url.replace(/^http/, 'ws'),
      memberDocName(workshopId, pat.memberId),
      {
        cookie,
        origin: server.url,
        doc: patDoc,
      },
    );
    try {
      await expect.poll(() => patOwn.synced, POLL).toBe(true);
      await facilitator.page.goto(roomUrl(workshopId, first));
      await facilitator.page.getByText('Connected — all changes saved').waitFor(POLL);

      const stages = [newEmerging, developing, effective];
      for (let i = 0; i < 45; i++) {
        for (const dimensionId of [first, second]) {
          new MemberDoc(patDoc).setRating(dimensionId, {
            stage: stages[i % 3]!.id,
            rationale: `take ${i}`,
            updatedAt: i,
          });
        }
      }
      // The last take (i = 44) is Effective.
      await expect.poll(() => spreadCount(facilitator.page, effective.label), POLL).toBe('1');

      // Half-typed when the facilitator's session ends (sockets close with 4411, the page stays).
      const page = facilitator.page;
      await page.getByRole('textbox', { name: 'Comment' }).fill('A comment I have not posted yet.');
      const out = await facilitator.context.request.post(`${server.url}/api/auth/logout`, {
        headers: { Origin: server.url, Connection: 'close' },
      });
      expect(out.ok()).toBe(true);
      const banner = page.getByRole('alert').filter({ hasText: 'Your session ended.' });
      await expect.poll(() => banner.count(), POLL).toBe(1);

      // Everyone away: the workshop unloads; Pat's return loads it, and the load re-bases it.
      patOwn.disconnect();
      await expect
        .poll(
          () => new RegExp(`workshop unloaded \\{\\s*workshopId: '${workshopId}'`).test(server.output()),
          POLL,
        )
        .toBe(true);
      patOwn.connect();
      await expect
        .poll(
          () => new RegExp(`re-based a doc \\{\\s*docName: 'workshop:${workshopId}'`).test(server.output()),
          POLL,
        )
        .toBe(true);

      // The facilitator signs in again: the page's old copy is refused, replaced, still right, live.
      await banner.getByRole('button', { name: 'Sign in again' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Your session expired — sign in again' });
      await dialog.getByLabel('Password').fill('correct horse battery');
      await dialog.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByText('Connected — all changes saved').count(), POLL).toBe(1);
      await expect.poll(() => spreadCount(page, effective.label), POLL).toBe('1');
      new MemberDoc(patDoc).setRating(first, {
        stage: developing.id,
        rationale: 'after the re-base',
        updatedAt: 99,
      });
      await expect.poll(() => spreadCount(page, developing.label), POLL).toBe('1');
      expect(await spreadCount(page, effective.label)).toBe('0');
      expect(await page.getByRole('textbox', { name: 'Comment' }).inputValue()).toBe(
        'A comment I have not posted yet.',
      );
      expect(facilitator.errors).toEqual([]);
    } finally {
      patOwn.destroy();
    }
  });
});
