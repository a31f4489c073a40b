// Searching the example county's 部门预算 and 部门决算 (examples/county, 示例数据) as a reader does, in
// Chromium: part of a 科目 name, a phrase of a 情况说明, a 项目支出's name; each result says what it is
// and whose, and its links land on the row, the section, the project's 绩效目标 page. And every line
// the index holds of a budget page has its anchor on that page.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/check/validate.ts';
import { searchDocuments } from '../../src/lib/search/search-index.ts';
import { ROOT } from '../helpers.ts';
import { formatViolations, runAxe } from './checks.ts';
import { openDesktopPage } from './desktop-page.ts';
import { sitesUnderTest } from './sites.ts';

const example = sitesUnderTest().find((s) => s.name === 'example')!;
let page: Page;
openDesktopPage((opened) => (page = opened));

const BUDGET = '示例县示例镇人民政府 2024年部门预算';
const FINAL = '示例县示例镇人民政府 2024年部门决算';

/** Searches and waits for the results; then each result: its title, its second line, its lines (link text, address, details). */
async function search(query: string) {
  await page.goto(`${example.baseUrl}search/?q=${encodeURIComponent(query)}`);
  await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 }).toContain('完全匹配');
  return page.$$eval('.results > li', (items) =>
    items.map((li) => ({
      title: li.querySelector(':scope > a')!.textContent!.trim(),
      meta: li.querySelector(':scope > p.meta')?.textContent?.trim() ?? '',
      lines: [...li.querySelectorAll('.lines > li')].map((l) => {
        const [row, ...others] = [...l.querySelectorAll('a')] as HTMLAnchorElement[];
        return { text: row!.textContent!.trim(), href: row!.href, others: others.map((a) => ({ text: a.textContent!.trim(), href: a.href })), details: l.querySelector('p')?.textContent ?? '' };
      }),
    })),
  );
}

/** The text of the element a link's fragment names, on the page it opens. */
async function landing(href: string): Promise<{ tag: string; text: string }> {
  await page.goto(href);
  const id = decodeURIComponent(new URL(href).hash.slice(1));
  return page.locator(`[id="${id}"]`).evaluate((el) => ({ tag: el.tagName, text: (el as HTMLElement).innerText }));
}

describe('search of the 部门预算 and 部门决算 (example county)', () => {
  it('finds a 科目 by two characters from the middle of its name, and each line lands on its row of the table', async () => {
    // 城乡社区公共设施 (款) and 其他城乡社区公共设施支出 (项).
    const results = await search('共设');
    const budget = results.find((r) => r.title === BUDGET)!;
    expect(budget.meta).toBe('示例县示例镇人民政府，2024年');
    const subjects = budget.lines.filter((l) => l.text.endsWith('（部门预算科目）'));
    expect(subjects.map((l) => l.text)).toContain('2120399 其他城乡社区公共设施支出（部门预算科目）');
    const spending = subjects.find((l) => l.text.startsWith('2120399') && l.details.includes('所在表：一般公共预算支出表'))!;
    expect(spending.details).toContain('项目支出：4.50');
    expect(new URL(spending.href).pathname).toBe('/2024/910001/budget/');
    const row = await landing(spending.href);
    expect(row.tag).toBe('TR');
    expect(row.text.replace(/\s+/g, ' ')).toMatch(/2120399 其他城乡社区公共设施支出 4\.50 4\.50/);
    // The 决算 is a result of its own, its lines named as the 决算's.
    expect(results.find((r) => r.title === FINAL)!.lines.some((l) => l.text.endsWith('（部门决算科目）'))).toBe(true);
  });

  it('finds a phrase of a 情况说明 and lands on its section’s heading', async () => {
    const results = await search('减少公务用车使用');
    const final = results.find((r) => r.title === FINAL)!;
    const line = final.lines.find((l) => l.text.endsWith('（情况说明）'))!;
    expect(line.text).toBe('七、“三公”经费财政拨款支出决算情况说明（情况说明）');
    expect(line.details).toContain('减少公务用车使用');
    const marked = await page.$$eval('.results .lines mark', (marks) => marks.map((m) => m.textContent));
    expect(marked).toContain('减少公务用车使用');
    const heading = await landing(line.href);
    expect(heading.tag).toMatch(/^H[2-6]$/);
    expect(heading.text).toBe('七、“三公”经费财政拨款支出决算情况说明');
    expect(await page.locator('article.prose').innerText()).toContain('减少公务用车使用和接待次数');
  });

  it('finds a 项目支出 by name: its row of the 项目支出表, and its 绩效目标 page', async () => {
    const results = await search('饮水设施维护');
    const budget = results.find((r) => r.title === BUDGET)!;
    const line = budget.lines.find((l) => l.text === '农村饮水设施维护（项目支出）')!;
    expect(line.details).toContain('项目编码：99000024P00EXAMPLE102');
    expect(line.others.map((a) => [a.text, new URL(a.href).pathname])).toEqual([['绩效目标', '/2024/910001/projects/99000024P00EXAMPLE102/']]);
    // The project's own page is a result too.
    expect(results.some((r) => r.title === '农村饮水设施维护' && r.meta.includes('项目编码 99000024P00EXAMPLE102'))).toBe(true);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    expect(formatViolations(await runAxe(page))).toBe('');
    const row = await landing(line.href);
    expect(row.tag).toBe('TR');
    expect(row.text).toContain('农村饮水设施维护');
    await page.goto(line.others[0]!.href);
    expect(await page.locator('h1').innerText()).toContain('农村饮水设施维护');
  });

  it('every budget line of the index has its anchor on its page', async () => {
    const content = await validateContent(join(ROOT, 'examples/county/content'));
    const budgets = content.budgets.map((b) => ({ year: b.data.年度, unit: b.unit, 种类: b.data.种类, data: b.data, noteText: b.noteText }));
    const documents = searchDocuments(content.projects.map((p) => p.data), content.departments.map((d) => d.data), undefined, budgets).filter((d) => d.kind === '部门预算' || d.kind === '部门决算');
    expect(documents.map((d) => d.url).sort()).toEqual(['/2023/910001/budget/', '/2024/910001/budget/', '/2024/910001/final-accounts/']);
    const missing: string[] = [];
    for (const d of documents) {
      await page.goto(new URL(d.url.slice(1), example.baseUrl).href);
      const ids = new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id)));
      for (const s of d.sections) if (!ids.has(s.anchor)) missing.push(`${d.url}#${s.anchor}`);
    }
    expect(missing).toEqual([]);
  });
});
