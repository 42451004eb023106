import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withAppAndBrowser } from './helpers';
import { enterRoom, type Person, setupWorkshop } from './roomSetup';

/**
 * The projector at 1024×768, the smallest common beamer resolution: nothing runs off the page, the
 * spread's chart and table never overlap, the table is whole (the "Who" column included), and the
 * page tells the truth about the spotlighted dimension — locked stage, not assessed, finalized.
 */

const POLL = { timeout: 30_000 };
const e2e = withAppAndBrowser();

async function api(person: Person, method: string, path: string, data?: unknown): Promise<unknown> {
  const res = await person.context.request.fetch(`${e2e.server.url}${path}`, {
    method,
    data,
    // A fresh connection: Playwright's request context does not retry a POST on a reused socket.
    headers: { Origin: e2e.server.url, Connection: 'close' },
  });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()}: ${await res.text()}`);
  return res.json();
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function measure(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const table = document.querySelector('.spread__table')!;
    return {
      pageWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      chart: box('.spread-chart'),
      table: box('.spread__table'),
      // The table is whole when its own container does not have to scroll it either.
      tableClipped: (table.parentElement?.scrollWidth ?? 0) > (table.parentElement?.clientWidth ?? 0),
    };
  });
}

describe('projector layout and state', () => {
  it('at 1024×768: no overflow, chart and table apart; shows the locked stage, "not assessed" and "finalized"', async () => {
    const { workshopId, facilitator, participants, rubric } = await setupWorkshop(
      e2e.browser,
      e2e.server.url,
      [
        { name: 'Alexandria Montgomery-Whitfield', perspective: 'Faculty' },
        { name: 'Bartholomew Okonkwo-Richardson', perspective: 'Registrar' },
        { name: 'Christabel Vasquez-Lindqvist', perspective: 'IT' },
      ],
    );
    const dim = rubric.firstDimensionId;
    const [first, second] = rubric.stages as [{ id: string; label: string }, { id: string; label: string }];
    for (const [i, p] of participants.entries()) {
      await enterRoom(p, workshopId, dim);
      await p.page.getByRole('radio', { name: (i === 0 ? second : first).label }).check();
    }
    const projector = facilitator.page;
    await projector.setViewportSize({ width: 1024, height: 768 });
    await api(facilitator, 'POST', `/api/workshops/${workshopId}/focus`, { spotlight: dim });
    await projector.goto(`/workshops/${workshopId}/projector`);
    // Every rating has reached the server before the reveal snapshots them.
    await expect
      .poll(() => projector.getByText('3 people have rated', { exact: false }).count(), POLL)
      .toBe(1);
    await api(facilitator, 'POST', `/api/workshops/${workshopId}/reveal`, { dimensionIds: [dim] });
    await expect
      .poll(() => projector.getByRole('heading', { name: 'Spread of ratings' }).count(), POLL)
      .toBe(1);
    await expect
      .poll(() => projector.getByRole('cell', { name: /Alexandria Montgomery-Whitfield/ }).count(), POLL)
      .toBe(1);

    const m = await measure(projector);
    expect(m.pageWidth).toBeLessThanOrEqual(m.viewport);
    expect(overlaps(m.chart, m.table)).toBe(false);
    expect(m.table.right).toBeLessThanOrEqual(m.viewport);
    expect(m.tableClipped).toBe(false);
    // The outline goes h1 (the dimension) → h2 (its spread): no level skipped (axe heading-order).
    expect(await projector.getByRole('heading', { level: 2, name: 'Spread of ratings' }).count()).toBe(1);

    // Locked: the consensus stage is on the screen.
    await api(facilitator, 'PUT', `/api/workshops/${workshopId}/dimensions/${dim}/consensus`, {
      stage: second.id,
      rationale: 'Agreed.',
    });
    await api(facilitator, 'POST', `/api/workshops/${workshopId}/dimensions/${dim}/lock`);
    await expect.poll(() => projector.getByText(`Consensus (locked): ${second.label}`).count(), POLL).toBe(1);

    // Not assessed: never "Rating in progress".
    await api(facilitator, 'POST', `/api/workshops/${workshopId}/timer`, { durationSeconds: 1 });
    await api(facilitator, 'POST', `/api/workshops/${workshopId}/focus`, {
      spotlight: rubric.secondDimensionId,
    });
    await expect
      .poll(
        () => projector.getByRole('heading', { level: 1, name: rubric.secondDimensionTitle }).count(),
        POLL,
      )
      .toBe(1);
    await expect.poll(() => projector.getByText("Time's up").count(), POLL).toBe(1);
    const { dimensions } = (await api(facilitator, 'GET', `/api/workshops/${workshopId}/consensus`)) as {
      dimensions: Array<{ dimensionId: string }>;
    };
    for (const d of dimensions.filter((x) => x.dimensionId !== dim)) {
      await api(
        facilitator,
        'POST',
        `/api/workshops/${workshopId}/dimensions/${d.dimensionId}/not-assessed`,
        {
          reason: 'No data this year',
        },
      );
    }
    await expect.poll(() => projector.getByText('Not assessed: No data this year').count(), POLL).toBe(1);
    expect(await projector.getByText('Rating in progress', { exact: false }).count()).toBe(0);

    // Finalized: said so, and no countdown left over.
    await api(facilitator, 'POST', `/api/workshops/${workshopId}/finalize`);
    await expect.poll(() => projector.getByText('Workshop finalized').count(), POLL).toBe(1);
    expect(await projector.getByText("Time's up").count()).toBe(0);
    expect(facilitator.errors).toEqual([]);
  });
});
