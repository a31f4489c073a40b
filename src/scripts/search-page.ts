// The search page in the browser: reads the query and filters from the URL, searches as the
// reader types (updating the URL), shows the result count in a live region, and renders each
// matching project with its matching lines, from their original text, with the query marked.
// Nothing is downloaded until the first search; a filter's index only when a reader turns to it.
import { excerpt, hasLineFilter, tooShortMessage, hitLines, keepHitsWithLines, LINE_FILTER_LIMIT, lineTexts, loadFilter, searchPages, type HitLine, type Pagefind, type SearchHit, type SelectedFilters, type ShownHit } from '../lib/search/search.ts';
import { LINE_FILTERS, LINE_KINDS, type SearchFilter } from '../lib/search/search-fields.ts';
import { searchAsTyped } from './search-as-typed.ts';

const PAGE_SIZE = 10;
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The text with every occurrence of the query marked (case and width as written). */
function marked(text: string, query: string): string {
  const q = query.trim();
  if (!q) return escapeHtml(text);
  return text
    .split(q)
    .map(escapeHtml)
    .join(`<mark>${escapeHtml(q)}</mark>`);
}

/**
 * One matching line: a link to its row on the page (with its kind, where LINE_KINDS names it), its
 * level, what the page prints of it, and a link to the project's 绩效目标 page when it names one.
 */
function lineHtml(l: HitLine, query: string): string {
  const line = l.line!;
  const [title, ...texts] = lineTexts(line);
  const shown = LINE_KINDS[line.k];
  const levels = [line.f?.一级指标, line.f?.二级指标].filter(Boolean).join(' › ');
  const kind = shown?.named ? `（${line.k}）` : '';
  const details = (line.d ?? []).map(([label], n) => {
    const text = marked(shown?.excerpt ? excerpt(texts[n] ?? '', query) : (texts[n] ?? ''), query);
    return label ? `${escapeHtml(label)}：${text}` : text;
  });
  // Relative to the line's page (SearchLine.p), which the result's URL names.
  const project = line.p ? ` <a href="${escapeHtml(new URL(line.p, new URL(l.url, location.href)).pathname)}">绩效目标</a>` : '';
  return `<li><a href="${escapeHtml(l.url)}">${marked(title ?? '', query)}${kind}</a>${project}${levels ? `<span class="levels">${escapeHtml(levels)}</span>` : ''}<p>${details.join('　')}</p></li>`;
}

function resultHtml(hit: ShownHit, query: string): string {
  const m = hit.page.meta;
  // A project's page names its code; a department's, 部门预算's or 部门决算's has none (its title says what it is).
  const what = [m['unit'] ?? '', `${m['year'] ?? ''}年`, ...(m['code'] ? [`项目编码 ${m['code']}`] : [])].map(escapeHtml).join('，');
  const lines = hit.lines.filter((l) => l.line);
  const named = hit.lines.length > lines.length ? '<p class="meta">名称中含有搜索词</p>' : '';
  return (
    `<a href="${escapeHtml(hit.page.url)}">${marked(m['title'] ?? hit.page.url, query)}</a><p class="meta">${what}</p>${named}` +
    (lines.length ? `<ul class="lines" aria-label="匹配的内容">${lines.map((l) => lineHtml(l, query)).join('')}</ul>` : '')
  );
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const fieldset = form.querySelector<HTMLFieldSetElement>('[data-search-filters]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const scopeNote = document.querySelector<HTMLElement>('[data-search-scope]')!;
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const results = document.querySelector<HTMLElement>('[data-search-results]')!;
  let pagefind: Promise<Pagefind> | undefined;
  let sequence = 0;
  /** “Search in this project” from a project page: 年度/单位编码/项目编码, kept in the URL as 项目. */
  let scope = '';
  const loadedFilters = new Set<string>();

  const load = () =>
    (pagefind ??= (async () => {
      const pf = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind & { options(o: object): Promise<void>; init(): Promise<void> };
      await pf.options({ baseUrl: BASE });
      await pf.init();
      return pf;
    })());

  const selected = (): SelectedFilters => Object.fromEntries(selects.map((s) => [s.dataset['filter'], s.value]).filter(([, v]) => v));

  function fromUrl() {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    for (const s of selects) {
      const wanted = params.get(s.dataset['filter']!) ?? '';
      s.value = [...s.options].some((o) => o.value === wanted) ? wanted : '';
    }
    scope = params.get('项目') ?? '';
    scopeNote.hidden = !scope;
  }

  function toUrl() {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (scope) params.set('项目', scope);
    for (const [k, v] of Object.entries(selected())) if (v) params.set(k, v);
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  }

  /** Counts of the pages each value would give, for the filters whose index is loaded (not line filters: they count pages, not lines). */
  function showCounts(counts: Record<string, Record<string, number>>) {
    for (const s of selects) {
      const name = s.dataset['filter']! as SearchFilter;
      if (LINE_FILTERS.includes(name) || !counts[name]) continue;
      for (const option of s.options) if (option.value) option.textContent = `${option.value}（${counts[name][option.value] ?? 0}）`;
    }
  }

  async function renderGroup(title: string, hits: SearchHit[] | ShownHit[], query: string, into: HTMLElement) {
    if (hits.length === 0) return;
    const section = document.createElement('section');
    const heading = document.createElement('h2');
    heading.textContent = `${title}（${hits.length} 个）`;
    const list = document.createElement('ol');
    list.className = 'results';
    section.append(heading, list);
    into.append(section);
    let shown = 0;
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'more';
    const showMore = async () => {
      const page = hits.slice(shown, shown + PAGE_SIZE);
      const ready = await Promise.all(
        page.map(async (h): Promise<ShownHit> => {
          if ('page' in h) return h as ShownHit;
          const data = await h.data();
          return { ...h, page: data, lines: hitLines(data, h, query) };
        }),
      );
      for (const hit of ready) {
        const item = document.createElement('li');
        item.innerHTML = resultHtml(hit, query);
        list.append(item);
      }
      const first = list.children[shown]?.querySelector('a');
      shown += page.length;
      more.hidden = shown >= hits.length;
      more.textContent = `再显示 ${Math.min(PAGE_SIZE, hits.length - shown)} 个`;
      return first;
    };
    more.addEventListener('click', async () => (await showMore())?.focus());
    section.append(more);
    await showMore();
  }

  async function run() {
    const mine = ++sequence;
    const query = input.value.trim();
    toUrl();
    if (!query) {
      status.textContent = '';
      results.replaceChildren();
      return;
    }
    status.textContent = '正在搜索…';
    const pf = await load();
    const filters = selected();
    const outcome = await searchPages(pf, query, filters, scope ? { scope } : {});
    if (mine !== sequence) return; // a newer search has started
    if (outcome.tooShort) {
      results.replaceChildren();
      status.textContent = tooShortMessage(query);
      return;
    }
    showCounts(outcome.counts);
    let exact: (SearchHit | ShownHit)[] = outcome.hits.slice(0, outcome.exactCount);
    let loose: (SearchHit | ShownHit)[] = outcome.hits.slice(outcome.exactCount);
    let unchecked = 0;
    if (hasLineFilter(filters)) {
      const kept = await keepHitsWithLines(outcome.hits, query, filters);
      unchecked = outcome.hits.length - kept.checked;
      exact = kept.hits.filter((h) => h.exact);
      loose = kept.hits.filter((h) => !h.exact);
      if (mine !== sequence) return;
    }
    const container = document.createElement('div');
    await renderGroup('完全匹配', exact as ShownHit[], query, container);
    await renderGroup('部分匹配（包含搜索词中的部分字词）', loose as ShownHit[], query, container);
    if (mine !== sequence) return;
    results.replaceChildren(container);
    const filtered = Object.keys(filters).length || scope ? '（已筛选）' : '';
    const more = unchecked > 0 ? `只查看了排在前面的 ${LINE_FILTER_LIMIT} 个项目，还有 ${unchecked} 个没有查看，请加上年度或单位筛选。` : '';
    if (exact.length + loose.length === 0) {
      const shorter = [...query].length > 2 ? `请试试更短的词，例如“${[...query].slice(0, 2).join('')}”` : '请换一个词试试';
      status.textContent = `没有找到包含“${query}”的项目或指标${filtered}。${shorter}${filtered ? '，或取消筛选' : ''}。${more}`;
    } else {
      status.textContent = `“${query}”：找到 ${exact.length} 个完全匹配${loose.length ? `、${loose.length} 个部分匹配` : ''}的项目${filtered}。${more}`;
    }
  }

  // A filter's index is downloaded when the reader turns to it, and counts its values from then on.
  for (const s of selects) {
    const name = s.dataset['filter']! as SearchFilter;
    const loadCounts = async () => {
      if (loadedFilters.has(name) || !input.value.trim() || LINE_FILTERS.includes(name)) return;
      loadedFilters.add(name);
      const value = [...s.options].find((o) => o.value)?.value;
      if (value === undefined) return;
      await loadFilter(await load(), input.value.trim(), name, value);
      const outcome = await searchPages(await load(), input.value.trim(), selected(), scope ? { scope } : {});
      showCounts(outcome.counts);
    };
    s.addEventListener('focus', () => void loadCounts());
    s.addEventListener('change', () => void run());
  }
  scopeNote.querySelector('button')?.addEventListener('click', () => {
    scope = '';
    scopeNote.hidden = true;
    void run();
  });
  fieldset.hidden = false;

  searchAsTyped(form, input, run);

  // Arrow keys move between the search box and the result links.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...results.querySelectorAll<HTMLAnchorElement>('.results a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (document.activeElement === input && event.key === 'ArrowDown' && links[0]) links[0].focus();
    else if (at >= 0) (event.key === 'ArrowDown' ? links[at + 1] : (links[at - 1] ?? input))?.focus();
    else return;
    event.preventDefault();
  });

  fromUrl();
  if (input.value.trim()) void run();
}
