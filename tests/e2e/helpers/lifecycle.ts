import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type AppServer, type AppServerOptions, startAppServer } from './appServer';
import { launchBrowser } from './browser';

export interface E2eEnvironment {
  server: AppServer;
  browser: Browser;
}

/**
 * One real app server and one Chromium for a test file: started before its tests, closed after
 * them (browser first, so no page is talking to a server that is going away). Call at module level;
 * read `server` and `browser` inside tests, once beforeAll has filled them in.
 */
export function withAppAndBrowser(options: AppServerOptions = {}): E2eEnvironment {
  const env = {} as E2eEnvironment;
  beforeAll(async () => {
    env.server = await startAppServer(options);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
