// The search page in the browser: reads the query and filters from the URL, searches as the
// reader types (updating the URL), shows the result count in a live region, and renders results
// from the records' original text with the query marked.
import { searchIndicators, type Pagefind, type PagefindData, type SearchHit, type SelectedFilters } from '../lib/search.ts';

const PAGE_SIZE = 20;
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

function describe(data: PagefindData, query: string): string {
  const m = data.meta;
  if (m['kind'] === '指标') {
    const parts = [
      `${m['level1']} › ${m['level2']}`,
      m['description'] && m['description'] !== m['title'] ? `描述：${marked(m['description'], query)}` : '',
      `指标值：${marked(m['value'] ?? '', query)}`,
      m['basis'] ? `依据：${marked(m['basis'], query)}` : '',
    ].filter(Boolean);
    return `<p class="meta">项目：${marked(m['project'] ?? '', query)}（${escapeHtml(m['unit'] ?? '')}，${escapeHtml(m['year'] ?? '')}年）</p><p>${parts.join('　')}</p>`;
  }
  const extra = m['kind'] === '项目信息' ? `<p>资金用途：${marked(m['purpose'] ?? '', query)}　绩效目标：${marked(m['goals'] ?? '', query)}</p>` : '';
  return `<p class="meta">项目（${escapeHtml(m['unit'] ?? '')}，${escapeHtml(m['year'] ?? '')}年，项目编码 ${escapeHtml(m['code'] ?? '')}）</p>${extra}`;
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const fieldset = form.querySelector<HTMLFieldSetElement>('[data-search-filters]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const results = document.querySelector<HTMLElement>('[data-search-results]')!;
  let pagefind: Promise<Pagefind> | undefined;
  let sequence = 0;
  let allValues: Record<string, Record<string, number>> = {};

  const load = () =>
    (pagefind ??= (async () => {
      const pf = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind & { options(o: object): Promise<void>; init(): Promise<void> };
      await pf.options({ baseUrl: BASE });
      await pf.init();
      allValues = await pf.filters(); // loads every filter, so that counts come with each search
      return pf;
    })());

  // A filter from the link counts before its select has options to show it: the first search of a
  // shared link is filtered, not only labelled so.
  const selected = (): SelectedFilters =>
    Object.fromEntries(selects.map((s) => [s.dataset['filter'], s.value || s.dataset['wanted'] || '']).filter(([, v]) => v));

  function fromUrl() {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    for (const s of selects) s.dataset['wanted'] = params.get(s.dataset['filter']!) ?? '';
  }

  function toUrl() {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const [k, v] of Object.entries(selected())) params.set(k, v);
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  }

  function fillFilters(counts: Record<string, Record<string, number>>) {
    for (const s of selects) {
      const name = s.dataset['filter']!;
      const wanted = s.dataset['wanted'] ?? s.value;
      const values = Object.keys(allValues[name] ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'));
      s.replaceChildren(new Option('全部', ''), ...values.map((v) => new Option(`${v}（${counts[name]?.[v] ?? 0}）`, v)));
      s.value = values.includes(wanted) ? wanted : '';
      delete s.dataset['wanted'];
    }
    fieldset.hidden = false;
  }

  async function renderGroup(title: string, hits: SearchHit[], query: string, into: HTMLElement) {
    if (hits.length === 0) return;
    const section = document.createElement('section');
    const heading = document.createElement('h2');
    heading.textContent = `${title}（${hits.length} 条）`;
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
      const data = await Promise.all(page.map((h) => h.data()));
      for (const d of data) {
        const item = document.createElement('li');
        item.innerHTML = `<a href="${escapeHtml(d.url)}">${marked(d.meta['title'] ?? d.url, query)}</a>${describe(d, query)}`;
        list.append(item);
      }
      const first = list.children[shown]?.querySelector('a');
      shown += page.length;
      more.hidden = shown >= hits.length;
      more.textContent = `再显示 ${Math.min(PAGE_SIZE, hits.length - shown)} 条`;
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
    const outcome = await searchIndicators(pf, query, selected());
    if (mine !== sequence) return; // a newer search has started
    fillFilters(outcome.counts);
    const exact = outcome.hits.slice(0, outcome.exactCount);
    const loose = outcome.hits.slice(outcome.exactCount);
    const container = document.createElement('div');
    await renderGroup('完全匹配', exact, query, container);
    await renderGroup('部分匹配（包含搜索词中的部分字词）', loose, query, container);
    if (mine !== sequence) return;
    results.replaceChildren(container);
    const filtered = Object.keys(selected()).length ? '（已筛选）' : '';
    if (outcome.hits.length === 0) {
      const shorter = [...query].length > 2 ? `请试试更短的词，例如“${[...query].slice(0, 2).join('')}”` : '请换一个词试试';
      status.textContent = `没有找到包含“${query}”的项目或指标${filtered}。${shorter}${filtered ? '，或取消筛选' : ''}。`;
    } else {
      status.textContent = `“${query}”：找到 ${exact.length} 条完全匹配${loose.length ? `、${loose.length} 条部分匹配` : ''}的结果${filtered}。`;
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  for (const s of selects) s.addEventListener('change', () => void run());

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
  else void load().then(() => fillFilters(allValues));
}
