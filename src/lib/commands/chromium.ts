// Finding and launching the system Chromium for the browser tests. Playwright cannot download its
// own browsers here, so the tests drive Debian's `chromium` through playwright-core.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags that work as root with no network (see shared TOOLCHAIN.md, "Browser tests"). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The Chromium executable (env CHROMIUM_PATH, else /usr/bin/chromium). Throws, saying how to
 * install it, when it is missing: the browser tests must fail, never skip.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = env['CHROMIUM_PATH'] || DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}${env['CHROMIUM_PATH'] ? ' (from CHROMIUM_PATH)' : ''}. ` +
        'The browser tests need it. Install it with:\n' +
        '  apt-get update && apt-get install -y chromium fonts-noto-cjk\n' +
        'or set CHROMIUM_PATH to a Chromium executable.',
    );
  }
  return path;
}

/** One headless Chromium; each test file launches one and closes it in afterAll. */
export function launchBrowser(executablePath = findChromium()): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}
