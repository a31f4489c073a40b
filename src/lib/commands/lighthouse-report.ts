// The pure parts of `npm run lighthouse` (src/cli/lighthouse.ts): its arguments, which pages of a
// built site it audits, and the table of scores it prints.
import { parseArgs } from 'node:util';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = { performance: '性能', accessibility: '无障碍', 'best-practices': '最佳做法', seo: 'SEO' };

export interface LighthouseOptions {
  /** The built site (default dist/). */
  dir: string;
  /** The base path the site was built for (default: 基础路径 of site.yaml). */
  base?: string;
  /** Fail (exit 1) when any score is below 100. */
  require100: boolean;
  /** Audit these site paths instead of the default four. */
  pages: string[];
}

export const USAGE = '用法：npm run lighthouse -- [--dir dist] [--base /yusuan/] [--page 路径 …] [--require-100]';

/** Reads the command line; throws with the usage on anything unknown. */
export function parseLighthouseArgs(argv: string[]): LighthouseOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        dir: { type: 'string', default: 'dist' },
        base: { type: 'string' },
        page: { type: 'string', multiple: true },
        'require-100': { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const base = values.base;
  if (base !== undefined && !/^\/([\w.-]+\/)*$/.test(base)) throw new Error(`--base 以 / 开头并以 / 结尾，例如 /yusuan/\n${USAGE}`);
  return { dir: values.dir!, ...(base !== undefined ? { base } : {}), require100: values['require-100'] ?? false, pages: (values.page ?? []).map((p) => p.replace(/^\/+/, '')) };
}

export interface AuditedPage {
  label: string;
  /** Site path under the base, e.g. `2023/483001/`. */
  path: string;
}

/**
 * The four pages the issue names, from the list of HTML files of a built site (paths relative to
 * its folder): the home page, the first unit overview, the first project page and the search page.
 */
export function pagesToAudit(htmlFiles: readonly string[]): AuditedPage[] {
  const sorted = [...htmlFiles].map((f) => f.split('\\').join('/')).sort();
  const dirOf = (file: string) => file.replace(/index\.html$/, '');
  const unit = sorted.find((f) => /^\d{4}\/[^/]+\/index\.html$/.test(f));
  const project = sorted.find((f) => /^\d{4}\/[^/]+\/projects\/[^/]+\/index\.html$/.test(f));
  const pages: AuditedPage[] = [{ label: '首页', path: '' }];
  if (unit) pages.push({ label: '单位概览', path: dirOf(unit) });
  if (project) pages.push({ label: '项目页', path: dirOf(project) });
  if (sorted.includes('search/index.html')) pages.push({ label: '搜索页', path: 'search/' });
  return pages;
}

export interface PageScores {
  page: AuditedPage;
  /** 0–100 per category; null when Lighthouse gave no score. */
  scores: Record<Category, number | null>;
}

/** Lighthouse's 0–1 category scores as whole numbers 0–100. */
export function scoresOf(categories: Record<string, { score: number | null } | undefined>): Record<Category, number | null> {
  return Object.fromEntries(CATEGORIES.map((c) => {
    const score = categories[c]?.score;
    return [c, score === null || score === undefined ? null : Math.round(score * 100)];
  })) as Record<Category, number | null>;
}

/** A Markdown table: one row per page, one column per category (as docs/性能.md, “Lighthouse 分数” shows it). */
export function formatScoreTable(rows: readonly PageScores[]): string {
  const header = `| 页面 | 网址 | ${CATEGORIES.map((c) => CATEGORY_LABELS[c]).join(' | ')} |`;
  const rule = `|---|---|${CATEGORIES.map(() => '---:').join('|')}|`;
  const lines = rows.map((r) => `| ${r.page.label} | /${r.page.path} | ${CATEGORIES.map((c) => r.scores[c] ?? '—').join(' | ')} |`);
  return [header, rule, ...lines].join('\n');
}

/** Every score below 100 (or missing), as `项目页 性能 87`. */
export function shortfalls(rows: readonly PageScores[]): string[] {
  return rows.flatMap((r) => CATEGORIES.filter((c) => r.scores[c] !== 100).map((c) => `${r.page.label} ${CATEGORY_LABELS[c]} ${r.scores[c] ?? '无分数'}`));
}
