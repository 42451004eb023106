import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRubrics } from '../../rubric/loader';
import { allDimensions } from '../../rubric/schema';
import { type AppServer, checkA11y, launchBrowser, newPerson, startAppServer } from './helpers';

const ARTIFACTS = path.resolve('test-results');

/**
 * The report page of a finalized workshop, in Chromium against the real server. The workshop is
 * built over the HTTP API in the browser's own cookie jar (sign up, create, consensus + lock for
 * every dimension, an action item, finalize): what a facilitator does in the room, minus the clicks
 * that other e2e tests already cover.
 */
describe('report page (finalized workshop)', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page;
  let workshopId = '';
  const rubric = loadRubrics().get('ler-engagement')!;
  const dims = allDimensions(rubric);

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    const person = await newPerson(browser, server.url);
    page = person.page;
    const http = person.context.request;
    const call = async (request: APIRequestContext, method: 'post' | 'put', url: string, data: unknown) => {
      const res = await request[method](url, { data, headers: { Origin: server.url } });
      if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
      return res.json().catch(() => null);
    };
    await call(http, 'post', '/api/auth/signup', {
      email: `report-${Date.now()}@example.edu`,
      name: 'Rae Reporter',
      password: 'correct horse battery',
    });
    const created = await call(http, 'post', '/api/workshops', { title: 'Spring LER self-assessment', institution: 'Riverbend Community College' });
    workshopId = created.workshop.id;
    // A lock needs a reveal (LOCK10).
    await call(http, 'post', `/api/workshops/${workshopId}/reveal`, { all: true });
    for (const [i, d] of dims.entries()) {
      const stage = rubric.stages[i % rubric.stages.length]!.id;
      await call(http, 'put', `/api/workshops/${workshopId}/dimensions/${d.id}/consensus`, {
        stage,
        rationale: `Agreed after discussion of ${d.title}.`,
        nextSteps: 'Name an owner and a date.',
      });
      await call(http, 'post', `/api/workshops/${workshopId}/dimensions/${d.id}/lock`, {});
    }
    await call(http, 'post', `/api/workshops/${workshopId}/action-items`, {
      dimensionId: dims[0]!.id,
      targetStage: 'effective-practice',
      actions: 'Adopt a shared skills framework',
      owner: 'Provost office',
      dueDate: '2026-06-30',
    });
    await call(http, 'post', `/api/workshops/${workshopId}/finalize`, {});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders every dimension with its consensus, has no axe violations, and keeps a screenshot', async () => {
    await page.goto(`/workshops/${workshopId}/report`);
    await page.getByRole('heading', { level: 1, name: 'Report: Riverbend Community College' }).waitFor();
    await page.getByText('Final — finalized').waitFor();
    for (const d of dims) await page.getByRole('heading', { level: 3, name: new RegExp(d.title) }).waitFor();
    // The radar is one image with a text alternative, and its table carries the same facts.
    const radar = page.getByRole('img', { name: /Consensus stage per dimension/ });
    expect(await radar.getAttribute('aria-label')).toContain(`1. ${dims[0]!.title}: ${rubric.stages[0]!.label}`);
    const table = page.getByRole('table', { name: /radar's data/ });
    await table.getByRole('row', { name: new RegExp(`${dims[1]!.title}.*${rubric.stages[1]!.label}`) }).waitFor();
    await page.getByText('Adopt a shared skills framework').waitFor();
    // A facilitator sees the follow-up button and the downloads.
    await page.getByRole('button', { name: 'Start a follow-up assessment' }).waitFor();
    for (const name of ['Download PDF', 'Download CSV (spreadsheet)', 'Download JSON (data)']) {
      await page.getByRole('link', { name }).waitFor();
    }

    expect(await checkA11y(page)).toEqual([]);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'report-finalized.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });

  it('a facilitator adds an action in the page, starts a follow-up, and its report compares (axe clean)', async () => {
    await page.getByRole('button', { name: `Add an action for ${dims[1]!.title}` }).click();
    await page.getByRole('textbox', { name: 'Actions' }).fill('Publish a microcredential catalogue');
    await page.getByLabel('Owner (optional)').fill('Continuing education');
    expect(await checkA11y(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByText('Publish a microcredential catalogue').waitFor();

    await page.getByRole('button', { name: 'Start a follow-up assessment' }).click();
    const created = page.getByRole('status').getByRole('link');
    await created.waitFor();
    const nextPath = (await created.getAttribute('href'))!;
    expect(nextPath).toMatch(/^\/workshops\/[^/]+$/);
    expect(nextPath).not.toBe(`/workshops/${workshopId}`);

    await page.goto(`${nextPath}/report`);
    await page.getByRole('heading', { level: 2, name: 'Compared with the previous assessment' }).waitFor();
    const comparison = page.getByRole('table', { name: 'Consensus stage, previous and current' });
    await comparison.getByRole('row', { name: new RegExp(`${dims[0]!.title}.*${rubric.stages[0]!.label}.*Not assessed yet`) }).waitFor();
    const outcomes = page.getByRole('table', { name: 'Previous action plan: outcomes' });
    await outcomes.getByRole('row', { name: /Publish a microcredential catalogue/ }).waitFor();
    // The plan was copied into the follow-up as its starting point.
    await page.getByRole('heading', { level: 3, name: new RegExp(dims[1]!.title) }).waitFor();
    expect(await page.getByText('Publish a microcredential catalogue').count()).toBeGreaterThanOrEqual(2);
    expect(await checkA11y(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-follow-up.png'), fullPage: true });
  });

  it('deleting an action asks in the accessible dialog (not window.confirm); Cancel keeps it', async () => {
    const native: string[] = [];
    page.on('dialog', (d) => {
      native.push(d.message());
      void d.dismiss();
    });
    await page.goto(`/workshops/${workshopId}/report`);
    const item = page.getByRole('listitem').filter({ hasText: 'Adopt a shared skills framework' });
    await item.waitFor();
    const opener = page.getByRole('button', { name: 'Delete action: Adopt a shared skills framework' });

    await opener.click();
    const dialog = page.getByRole('alertdialog', { name: /^Delete the action “Adopt a shared skills framework”\?$/ });
    await dialog.waitFor();
    expect(await checkA11y(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Cancel changes nothing and gives focus back to the button that opened the dialog.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Delete action: Adopt a shared skills framework',
    );
    expect(await item.count()).toBe(1);

    await opener.press('Enter');
    await dialog.getByRole('button', { name: 'Delete action' }).click();
    await item.waitFor({ state: 'detached' });
    // Focus lands on the plan's heading, not lost to the top of the page with the removed button.
    await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('H4 Action plan');
    const res = await page.request.get(`/api/workshops/${workshopId}/action-items`);
    expect(res.status()).toBe(200);
    expect(await res.text()).not.toContain('Adopt a shared skills framework');
    expect(native).toEqual([]);
  });

  it('the PDF download link serves a PDF', async () => {
    const res = await page.request.get(`/api/workshops/${workshopId}/report.pdf`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
