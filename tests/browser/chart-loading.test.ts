// Chart.js is fetched only when a chart comes into view (src/scripts/charts.ts): on a phone, a
// chart page whose chart is below the fold makes no request for the Chart.js chunk until the
// reader scrolls to the chart; then the chunk is fetched and the canvas drawn.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { sitesUnderTest } from './sites.ts';

const PHONE = { width: 375, height: 667 };
/** An error message of Chart.js that minifying keeps: it marks the chunk that holds Chart.js. */
const CHART_JS_MARK = 'Canvas is already in use';

const root = sitesUnderTest().find((s) => s.name === 'root')!;

/** File names of the built JS chunks that contain Chart.js. */
function chartJsChunks(): string[] {
  const dir = join(root.distDir, '_astro');
  return readdirSync(dir).filter((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes(CHART_JS_MARK));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser(inject('chromiumPath'));
});
afterAll(async () => browser?.close());

describe('loading charts', () => {
  it('fetches Chart.js on a phone only when the chart is scrolled into view, then draws it', async () => {
    const chunks = chartJsChunks();
    expect(chunks.length, 'Chart.js is in a chunk of its own in _astro/').toBeGreaterThan(0);
    const projectPage = root.crawl.pages.find((url) => /\/projects\/[^/]+\/$/.test(url));
    expect(projectPage).toBeDefined();

    const page = await browser.newPage({ viewport: PHONE });
    try {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      const isChartJs = (url: string) => chunks.some((chunk) => new URL(url).pathname.endsWith(`/_astro/${chunk}`));

      await page.goto(projectPage!, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      const figure = page.locator('figure[data-chart]').first();
      // The test means something only if the chart starts well below the screen (beyond the
      // observer's 200px margin).
      const top = await figure.evaluate((f) => f.getBoundingClientRect().top - window.innerHeight);
      expect(top, 'the first chart starts more than 200px below the phone screen').toBeGreaterThan(200);
      expect(requested.filter(isChartJs), 'Chart.js requested before the chart is in view').toEqual([]);
      expect(await figure.locator('.chart-canvas').evaluate((h) => (h as HTMLElement).hidden)).toBe(true);
      // The summary and the data table are there without Chart.js.
      expect(await figure.locator('.chart__summary').innerText()).not.toBe('');
      expect(await figure.locator('tbody tr').count()).toBeGreaterThan(0);

      await figure.scrollIntoViewIfNeeded();
      await page.waitForFunction((holder) => !(holder as HTMLElement).hidden, await figure.locator('.chart-canvas').elementHandle());
      expect(requested.filter(isChartJs).length, 'Chart.js requested once the chart is in view').toBeGreaterThan(0);
      await page.waitForTimeout(1200); // the drawing animation
      const painted = await figure.locator('canvas').evaluate((canvas) => {
        const c = canvas as HTMLCanvasElement;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      });
      expect(painted).toBeGreaterThan(1000);
    } finally {
      await page.close();
    }
  });
});
