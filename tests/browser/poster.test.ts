// The notice-board posters (公示海报) of every built site: each prints from Chromium on exactly one
// A4 page, has no JavaScript and no axe violations, and its QR code, read back from a screenshot,
// is the absolute address of the page it stands for; a site without 网站地址 gets no QR code.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatViolations, runAxe } from './checks.ts';
import { launchBrowser } from '../../src/lib/commands/chromium.ts';
import { blockOtherOrigins } from './crawl.ts';
import { SUB_SITE_URL } from './global-setup.ts';
import { pagePath, sitesUnderTest } from './sites.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const sites = sitesUnderTest();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

/** Pages of a PDF: its `/Type /Page` objects (not the `/Pages` tree nodes). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

/** A PNG's RGBA pixels, decoded by the browser (a canvas) rather than a PNG library. */
async function pixelsOf(page: Page, png: Buffer): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { data, width, height } = await page.evaluate(async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    return { data: Array.from(ctx.getImageData(0, 0, canvas.width, canvas.height).data), width: canvas.width, height: canvas.height };
  }, `data:image/png;base64,${png.toString('base64')}`);
  return { data: Uint8ClampedArray.from(data), width, height };
}

for (const site of sites) {
  const posters = site.crawl.pages.filter((url) => /\/poster\/$/.test(url));
  // The page a poster stands for is the one its address names without `poster/`.
  const pageOf = (poster: string) => pagePath(site, poster).replace(/poster\/$/, '').slice(1);
  const expectedAddress = (poster: string) => (site.name === 'sub' ? `${SUB_SITE_URL}${site.basePath}${pageOf(poster)}` : undefined);

  describe(`${site.name} build (base ${site.basePath})`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
      await blockOtherOrigins(context, site.origin);
      await context.addInitScript({ path: AXE_SCRIPT });
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('has a poster for every unit with projects and for every project table, each linked from its page', () => {
      const projectPages = site.crawl.pages.filter((url) => /\/projects\/[^/]+\/$/.test(url));
      const projectPosters = posters.filter((url) => /\/projects\/[^/]+\/poster\/$/.test(url));
      expect(projectPosters.length).toBeGreaterThan(0);
      // Projects with only monitoring or a self-evaluation have a page but no target table to put up.
      expect(projectPosters.length).toBeLessThanOrEqual(projectPages.length);
      expect(posters.length).toBeGreaterThan(projectPosters.length);
      for (const poster of posters) {
        const html = readFileSync(join(site.distDir, pageOf(poster), 'index.html'), 'utf8');
        expect(html, `${pageOf(poster)} links to its poster`).toMatch(new RegExp(`href="${site.basePath}${pageOf(poster)}poster/"[^>]*>打印公示海报</a>`));
      }
    });

    for (const url of posters) {
      it(`${pagePath(site, url)} prints on one A4 page, without JavaScript, axe-clean, with ${expectedAddress(url) ? 'a QR code of its page' : 'no QR code (no 网站地址)'}`, async () => {
        const response = await page.goto(url, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        const html = await response!.text();
        expect(html).not.toMatch(/<script|\son[a-z]+=/i);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));

        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
        expect(pdfPages(pdf), 'pages when printed').toBe(1);

        const violations = await runAxe(page);
        expect(violations.length, `axe found ${violations.length} violation(s) on ${url}:\n${formatViolations(violations)}\n`).toBe(0);

        const address = expectedAddress(url);
        const qr = page.locator('.poster__qr');
        if (!address) {
          expect(await qr.count()).toBe(0);
          await expect(page.locator('footer').textContent()).resolves.toContain('未填写“网站地址”');
          return;
        }
        expect(await qr.getAttribute('role')).toBe('img');
        expect(await qr.getAttribute('aria-label')).toBe(`二维码：${address}`);
        await expect(page.locator('footer').textContent()).resolves.toContain(address);
        const { data, width, height } = await pixelsOf(page, await qr.screenshot());
        expect(jsQR(data, width, height)?.data).toBe(address);
      });
    }
  });
}
