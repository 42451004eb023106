import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches the system Chromium (Debian's package) headless. playwright-core never downloads a
 * browser, so this works offline and in CI after `apt-get install chromium`.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface NewPageOptions {
  /** Grant clipboard access (the "Copy link" buttons). */
  clipboard?: boolean;
  viewport?: { width: number; height: number };
}

/**
 * A fresh browser context (its own cookies: one per simulated person) and a page in it, with
 * `baseURL` so tests write `page.goto('/signup')`. Page errors are collected: a test can assert
 * none happened with `expect(errors).toEqual([])`.
 */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  options: NewPageOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    permissions: options.clipboard ? ['clipboard-read', 'clipboard-write'] : [],
  });
  // Auto-waiting actions time out in 10 s rather than 30: a failing step should fail quickly.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}
