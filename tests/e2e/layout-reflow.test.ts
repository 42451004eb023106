import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './helpers';
import { enterRoom, type Person, roomUrl, setupWorkshop } from './roomSetup';

/**
 * Reflow (WCAG 1.4.10): at 320 CSS px the room, the workshop home and the report never scroll
 * sideways, even when a member typed a 600-character "word" or a long URL (the report's tables
 * scroll in their own boxes instead, labels whole); at 1280×720 every stage card shows its whole
 * label, and dialogs are centred.
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

const LONG_WORD = 'x'.repeat(600);
const LONG_URL = `https://example.edu/evidence/${'very-long-path-segment-'.repeat(20)}end`;

async function api(person: Person, method: string, path: string, data?: unknown): Promise<void> {
  const res = await person.context.request.fetch(`${e2e.server.url}${path}`, {
    method,
    data,
    // A fresh connection: Playwright's request context does not retry a POST on a reused socket.
    headers: { Origin: e2e.server.url, Connection: 'close' },
  });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${await res.text()}`);
}

/**
 * Labels drawn past their box, or with a word split across two lines ("New/Emergin" + "g"). A line
 * may end after a space or a slash only: every other pair of neighbouring characters shares a line.
 */
const clippedOrSplit = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const box = el.getBoundingClientRect();
      const chars: Array<{ ch: string; top: number }> = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.textContent!.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          if (r.right > box.right + 1) bad.push(`${el.textContent} (clipped)`);
          chars.push({ ch: node.textContent![i]!, top: Math.round(r.top) });
        }
      }
      for (let i = 1; i < chars.length; i++) {
        const prev = chars[i - 1]!;
        if (chars[i]!.top !== prev.top && !/[\s/]/.test(prev.ch) && chars[i]!.ch.trim())
          bad.push(`${el.textContent} (split)`);
      }
    }
    return [...new Set(bad)];
  }, selector);

/** How far the page reaches past the window, in CSS px (0 when it reflows). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('layout reflow', () => {
  it('room, workshop home and report fit 320 px with long unbroken user text; stage labels whole at 1280×720', async () => {
    const { workshopId, facilitator, participants, rubric } = await setupWorkshop(
      e2e.browser,
      e2e.server.url,
      [{ name: 'Ari Participant', perspective: 'Faculty' }],
    );
    const ari = participants[0]!;
    const dim = rubric.firstDimensionId;

    // At 1280×720 the stage cards' labels are whole (not clipped to "New/Emergin").
    await ari.page.setViewportSize({ width: 1280, height: 720 });
    await enterRoom(ari, workshopId, dim);
    await ari.page.getByRole('radio', { name: rubric.stages[0]!.label }).check();
    expect(await clippedOrSplit(ari.page, '.stage-card__label')).toEqual([]);

    await ari.page.getByRole('textbox', { name: 'Rationale' }).fill(`Because ${LONG_WORD}`);
    await api(facilitator, 'POST', `/api/workshops/${workshopId}/reveal`, { dimensionIds: [dim] });
    await ari.page.getByRole('textbox', { name: 'Comment' }).fill(`See ${LONG_WORD} and ${LONG_URL}`);
    await ari.page.getByRole('button', { name: 'Add an evidence link' }).click();
    await ari.page.getByRole('textbox', { name: 'Link URL' }).fill(LONG_URL);
    await ari.page.getByRole('button', { name: 'Post comment' }).click();

    // Wide screen first: a long word must not widen the page even when there is room for columns.
    await facilitator.page.goto(roomUrl(workshopId, dim));
    await expect
      .poll(() => facilitator.page.getByText(LONG_URL, { exact: false }).count(), POLL)
      .toBeGreaterThan(0);
    await expect
      .poll(() => facilitator.page.getByRole('heading', { name: 'Spread of ratings' }).count(), POLL)
      .toBe(1);
    expect(await overflow(facilitator.page)).toBeLessThanOrEqual(0);

    await facilitator.page.setViewportSize({ width: 320, height: 640 });
    expect(await overflow(facilitator.page)).toBeLessThanOrEqual(0);
    await ari.page.setViewportSize({ width: 320, height: 640 });
    await expect.poll(() => ari.page.getByText(LONG_URL, { exact: false }).count(), POLL).toBeGreaterThan(0);
    expect(await overflow(ari.page)).toBeLessThanOrEqual(0);
    // The chart's stage names and the cards' labels stay whole words on a phone too.
    expect(await clippedOrSplit(ari.page, '.stage-card__label')).toEqual([]);
    expect(await clippedOrSplit(ari.page, '.spread-chart__stage')).toEqual([]);

    await facilitator.page.goto(`/workshops/${workshopId}`);
    await facilitator.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await overflow(facilitator.page)).toBeLessThanOrEqual(0);

    // Dialogs sit in the middle of the screen, not at its left edge.
    await facilitator.page.setViewportSize({ width: 1280, height: 800 });
    await facilitator.page.getByRole('button', { name: 'Finalize workshop…' }).click();
    const dialog = facilitator.page.getByRole('alertdialog');
    const box = (await dialog.boundingBox())!;
    expect(Math.abs(box.x + box.width / 2 - 640)).toBeLessThanOrEqual(2);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await facilitator.page.goto(`/workshops/${workshopId}/report`);
    await expect
      .poll(() => facilitator.page.getByText(LONG_WORD, { exact: false }).count(), POLL)
      .toBeGreaterThan(0);
    expect(await overflow(facilitator.page)).toBeLessThanOrEqual(0);
    await facilitator.page.setViewportSize({ width: 320, height: 640 });
    expect(await overflow(facilitator.page)).toBeLessThanOrEqual(0);
    // The report's tables keep stage labels whole on a phone: a table wider than the screen scrolls
    // in its own box, which a keyboard user can focus (it is named by the table's caption).
    expect(await clippedOrSplit(facilitator.page, '.report-table thead th')).toEqual([]);
    const heatmapBox = facilitator.page.getByRole('region', { name: /share of each perspective's ratings per stage/ });
    await heatmapBox.first().focus();
    expect(
      await heatmapBox.first().evaluate((el) => ({
        focused: document.activeElement === el,
        scrolls: el.scrollWidth > el.clientWidth,
      })),
    ).toEqual({ focused: true, scrolls: true });
    expect([...facilitator.errors, ...ari.errors]).toEqual([]);
  });
});
