import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './harness.ts';

export interface AppSession {
  readonly url: string;
  /** A fresh browser profile (empty IndexedDB), English UI. */
  newPage(options?: { locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * One real sync-server and one Chromium per test file; one fresh context per page, so every
 * test starts from an empty device.
 */
export function useApp(): AppSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get url() {
      if (!server) throw new Error('server not started');
      return server.url;
    },
    async newPage(options = {}) {
      if (!browser || !server) throw new Error('useApp() used outside a test');
      const context = await browser.newContext({
        locale: options.locale ?? 'en-GB',
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(server.url);
      return { context, page };
    },
  };
}
