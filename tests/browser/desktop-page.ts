// One headless Chromium with one desktop-sized page for the tests of a file: opened before its
// first test, closed after its last.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';

export function openDesktopPage(receive: (page: Page, browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(inject('chromiumPath'));
    receive(await browser.newPage({ viewport: { width: 1280, height: 900 } }), browser);
  });
  afterAll(async () => browser?.close());
}
