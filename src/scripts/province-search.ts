// The province portal's search page (bundled by npm run province with esbuild into
// search/province-search.js): searches every county's index at once through Pagefind's
// mergeIndex, with the same query tokens and ranking as a county's own search page
// (src/lib/search/search.ts), and lists each result as its title, county, unit and year. The query is in
// the URL (?q=…), so a search can be shared; the count is announced in a live region.
import { countyOfUrl, loadProvinceIndex, type PagefindModule, type PortalCounty } from '../lib/search/province-search.ts';
import { searchPages, tooShortMessage, type PagefindData } from '../lib/search/search.ts';
import { searchAsTyped } from './search-as-typed.ts';

/** Results shown at once; a query that finds more is better narrowed than scrolled. */
const SHOWN = 50;

const counties = JSON.parse(document.getElementById('province-counties')!.textContent!) as PortalCounty[];
const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const results = document.querySelector<HTMLOListElement>('[data-search-results]')!;

let index: Promise<PagefindModule> | undefined;
const load = () => (index ??= loadProvinceIndex(counties, (url) => import(/* @vite-ignore */ url) as Promise<PagefindModule>));

function resultItem(data: PagefindData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  const where = document.createElement('p');
  where.className = 'meta';
  const year = data.meta['year'];
  where.textContent = [countyOfUrl(counties, data.url)?.name, data.meta['unit'], year ? `${year}年` : undefined].filter(Boolean).join(' · ');
  item.append(link, where);
  return item;
}

let sequence = 0;
async function run() {
  const mine = ++sequence;
  const query = input.value.trim();
  history.replaceState(null, '', `${location.pathname}${query ? `?q=${encodeURIComponent(query)}` : ''}`);
  if (!query) {
    results.replaceChildren();
    status.textContent = '请输入要搜索的词语。';
    return;
  }
  status.textContent = '正在搜索…';
  try {
    const pagefind = await load();
    const outcome = await searchPages(pagefind, query);
    if (outcome.tooShort) {
      if (mine !== sequence) return;
      results.replaceChildren();
      status.textContent = tooShortMessage(query);
      return;
    }
    const data = await Promise.all(outcome.hits.slice(0, SHOWN).map((h) => h.data()));
    if (mine !== sequence) return; // a later query has started; its results win
    results.replaceChildren(...data.map(resultItem));
    const total = outcome.hits.length;
    const found = new Set(data.map((d) => countyOfUrl(counties, d.url)?.code)).size;
    status.textContent =
      total === 0
        ? `在 ${counties.length} 个县中没有找到“${query}”。可以换用更短的词。`
        : `在 ${counties.length} 个县中找到 ${total} 个项目（完全匹配 ${outcome.exactCount} 个）${total > SHOWN ? `，显示前 ${SHOWN} 个` : ''}，来自 ${found} 个县。`;
  } catch (error) {
    if (mine !== sequence) return;
    console.error(error);
    status.textContent = '搜索索引没有载入，请稍后重试，或直接打开各县网站搜索。';
  }
}

searchAsTyped(form, input, run);
input.value = new URLSearchParams(location.search).get('q') ?? '';
if (input.value.trim()) void run();
