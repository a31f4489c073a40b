import { describe, expect, it } from 'vitest';
import { formatScoreTable, pagesToAudit, parseLighthouseArgs, scoresOf, shortfalls } from '../src/lib/commands/lighthouse-report.ts';

describe('npm run lighthouse: arguments, pages and the score table', () => {
  it('defaults to dist/ and does not require 100', () => {
    expect(parseLighthouseArgs([])).toEqual({ dir: 'dist', require100: false, pages: [] });
    expect(parseLighthouseArgs(['--dir', '.test-dist/sub', '--base', '/yusuan/', '--require-100', '--page', '/about/', '--page', 'search/'])).toEqual({
      dir: '.test-dist/sub', base: '/yusuan/', require100: true, pages: ['about/', 'search/'],
    });
  });

  it('refuses unknown options and a malformed base path, showing the usage', () => {
    expect(() => parseLighthouseArgs(['--fast'])).toThrow(/用法：npm run lighthouse/);
    expect(() => parseLighthouseArgs(['--base', 'yusuan'])).toThrow(/--base/);
  });

  it('picks the home page, a unit overview, a project page and the search page', () => {
    const files = ['search/index.html', 'index.html', '2023/483001/projects/B/index.html', '2023/483001/index.html', '2023/483001/projects/A/index.html', '2023/index.html', 'about/index.html'];
    expect(pagesToAudit(files)).toEqual([
      { label: '首页', path: '' },
      { label: '单位概览', path: '2023/483001/' },
      { label: '项目页', path: '2023/483001/projects/A/' },
      { label: '搜索页', path: 'search/' },
    ]);
  });

  it('prints whole-number scores in a table and lists what is below 100', () => {
    const scores = scoresOf({ performance: { score: 0.874 }, accessibility: { score: 1 }, 'best-practices': { score: 1 }, seo: { score: null } });
    expect(scores).toEqual({ performance: 87, accessibility: 100, 'best-practices': 100, seo: null });
    const rows = [{ page: { label: '首页', path: '' }, scores }];
    expect(formatScoreTable(rows)).toBe(['| 页面 | 网址 | 性能 | 无障碍 | 最佳做法 | SEO |', '|---|---|---:|---:|---:|---:|', '| 首页 | / | 87 | 100 | 100 | — |'].join('\n'));
    expect(shortfalls(rows)).toEqual(['首页 性能 87', '首页 SEO 无分数']);
  });
});
