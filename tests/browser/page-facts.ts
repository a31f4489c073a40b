// Functions that run inside a page (page.evaluate serialises them, so each is self-contained)
// and return plain facts for the tests to assert on.

export interface TableFacts {
  /** Short description of the table: its caption, or `table #n`. */
  label: string;
  /** Trimmed caption text; null when the table has no `<caption>`. */
  caption: string | null;
  /** Header cells with neither a valid `scope` nor an id that a `headers` attribute refers to. */
  unscopedHeaders: string[];
  /** What is wrong with the scroll region around the table; null when it is right. */
  regionProblem: string | null;
  /** The table is wider than its region (it scrolls inside it). */
  scrolls: boolean;
}

export function tableFactsInPage(): TableFacts[] {
  const describe = (el: Element) =>
    el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + Array.from(el.classList).map((c) => `.${c}`).join('');
  const accessibleName = (el: Element) => {
    const labelledBy = (el.getAttribute('aria-labelledby') ?? '').trim();
    if (labelledBy) {
      const text = labelledBy
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
      if (text) return text;
    }
    return (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '').trim();
  };
  return Array.from(document.querySelectorAll('table')).map((table, index) => {
    const caption = table.caption ? (table.caption.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
    const own = (el: Element) => el.closest('table') === table;
    const referenced = new Set<string>();
    for (const cell of Array.from(table.querySelectorAll('[headers]')).filter(own)) {
      for (const id of (cell.getAttribute('headers') ?? '').split(/\s+/)) if (id) referenced.add(id);
    }
    const unscopedHeaders = Array.from(table.querySelectorAll('th'))
      .filter(own)
      .filter((th) => {
        const scope = (th.getAttribute('scope') ?? '').trim().toLowerCase();
        if (['row', 'col', 'rowgroup', 'colgroup'].includes(scope)) return false;
        return !(th.id && referenced.has(th.id));
      })
      .map((th) => {
        const text = (th.textContent ?? '').replace(/\s+/g, ' ').trim();
        const scope = th.getAttribute('scope');
        return `<th${scope === null ? '' : ` scope="${scope}"`}>${text.slice(0, 30) || '(empty)'}`;
      });
    const region = table.parentElement?.closest('[role="region"]') ?? null;
    let regionProblem: string | null = null;
    if (!region) {
      regionProblem = 'is not inside an element with role="region"';
    } else {
      const issues: string[] = [];
      const tabindex = region.getAttribute('tabindex');
      if (tabindex !== '0') issues.push(`tabindex ${tabindex === null ? 'missing' : `"${tabindex}"`} (needs tabindex="0")`);
      if (!accessibleName(region)) issues.push('no accessible name (aria-label or aria-labelledby)');
      const overflowX = getComputedStyle(region).overflowX;
      if (overflowX !== 'auto' && overflowX !== 'scroll') issues.push(`overflow-x: ${overflowX} (needs auto or scroll)`);
      if (issues.length > 0) regionProblem = `its region <${describe(region)}> has ${issues.join('; ')}`;
    }
    return {
      label: caption ? `table “${caption.slice(0, 40)}”` : `table #${index + 1}`,
      caption,
      unscopedHeaders,
      regionProblem,
      scrolls: region ? region.scrollWidth > region.clientWidth : false,
    };
  });
}

export interface OverflowFacts {
  width: number;
  scrollWidth: number;
  innerWidth: number;
  /** The outermost elements that stick out to the right, not clipped by a scrolling ancestor. */
  offenders: string[];
}

export function overflowFactsInPage(): OverflowFacts {
  const describe = (el: Element) =>
    el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + Array.from(el.classList).map((c) => `.${c}`).join('');
  const width = window.innerWidth;
  const offenders: Element[] = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const rect = el.getBoundingClientRect();
    if (rect.right <= width + 0.5 || rect.width === 0) continue;
    let clipped = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') {
        clipped = true;
        break;
      }
    }
    if (clipped || offenders.some((o) => o.contains(el))) continue;
    offenders.push(el);
  }
  return {
    width,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    offenders: offenders.slice(0, 8).map((el) => `<${describe(el)}> right edge at ${Math.round(el.getBoundingClientRect().right)} px`),
  };
}

export interface FocusFacts {
  /** The focused element, e.g. `a.skip-link`; null when nothing (or the body) has focus. */
  focused: string | null;
  tag: string;
  href: string | null;
  text: string;
  /** The link points into this same page. */
  samePage: boolean;
  /** The decoded fragment, without `#`. */
  target: string;
  targetExists: boolean;
  /** The focused element has a size and lies at least partly within the viewport. */
  visible: boolean;
}

export function focusFactsInPage(): FocusFacts {
  const el = document.activeElement;
  const none: FocusFacts = { focused: null, tag: '', href: null, text: '', samePage: false, target: '', targetExists: false, visible: false };
  if (!el || el === document.body || el === document.documentElement) return none;
  const describe = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + Array.from(el.classList).map((c) => `.${c}`).join('');
  const href = el.getAttribute('href');
  let samePage = false;
  let target = '';
  if (href !== null) {
    try {
      const url = new URL(href, document.baseURI);
      samePage = url.href.replace(/#.*$/s, '') === location.href.replace(/#.*$/s, '');
      // Decoded as browsers do (see decodeFragment in crawl.ts): invalid escapes stay as they are.
      const bytes = new TextEncoder().encode(url.hash.slice(1));
      const out: number[] = [];
      for (let i = 0; i < bytes.length; i++) {
        const escape = bytes[i] === 0x25 ? String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0) : '';
        if (/^[0-9a-fA-F]{2}$/.test(escape)) {
          out.push(parseInt(escape, 16));
          i += 2;
        } else out.push(bytes[i]!);
      }
      target = new TextDecoder().decode(new Uint8Array(out));
    } catch {
      // an invalid href: no target
    }
  }
  const rect = el.getBoundingClientRect();
  return {
    focused: describe,
    tag: el.tagName.toLowerCase(),
    href,
    text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    samePage,
    target,
    targetExists: target !== '' && document.getElementById(target) !== null,
    visible: rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0 && rect.left < window.innerWidth && rect.top < window.innerHeight,
  };
}

export interface DocumentFacts {
  lang: string | null;
  title: string;
  mains: number;
  mainTextLength: number;
  h1: number;
  captions: string[];
  tables: number;
}

export function documentFactsInPage(): DocumentFacts {
  const mains = document.querySelectorAll('main, [role="main"]');
  const main = mains[0];
  return {
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    mains: mains.length,
    mainTextLength: main ? (main.textContent ?? '').replace(/\s+/g, '').length : 0,
    h1: document.querySelectorAll('h1').length,
    captions: Array.from(document.querySelectorAll('table')).map((t) => (t.caption?.textContent ?? '').replace(/\s+/g, ' ').trim()),
    tables: document.querySelectorAll('table').length,
  };
}

export interface PhoneFacts {
  width: number;
  /**
   * The outermost elements whose box passes the viewport's right edge, measured on every element
   * (not only the page's scroll width): also those inside a region that scrolls sideways. An
   * element is allowed only where an ancestor that fits the viewport clips it without scrolling
   * (overflow hidden or clip: a visually hidden header row, the chart canvas).
   */
  offenders: string[];
  /** Elements that scroll sideways (their content is wider than their box). */
  scrolling: string[];
  /** Cells of an 指标值 column (指标值, 年度指标值 …), found by their column label. */
  valueCells: number;
  /** Those of them not entirely within the viewport's width, or cut off by a scrolling ancestor. */
  hiddenValues: string[];
  /** Body cells of a table with a header row that have no column label (data-label). */
  unlabelled: string[];
  tables: number;
  /** Rendered results of the search page (0 elsewhere). */
  searchResults: number;
}

export function phoneFactsInPage(): PhoneFacts {
  const describe = (el: Element) =>
    el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + Array.from(el.classList).map((c) => `.${c}`).join('');
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
  const width = window.innerWidth;
  const fits = (r: DOMRect) => r.left >= -0.5 && r.right <= width + 0.5;
  const clippedByFittingAncestor = (el: Element) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const overflowX = getComputedStyle(a).overflowX;
      if ((overflowX === 'hidden' || overflowX === 'clip') && fits(a.getBoundingClientRect())) return true;
    }
    return false;
  };
  const offenders: Element[] = [];
  const scrolling: string[] = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const style = getComputedStyle(el);
    if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
      scrolling.push(`<${describe(el)}${el.getAttribute('aria-label') ? ` aria-label="${el.getAttribute('aria-label')}"` : ''}> scrolls: ${el.scrollWidth} px of content in ${el.clientWidth} px`);
    }
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || rect.right <= width + 0.5) continue;
    if (offenders.some((o) => o.contains(el)) || clippedByFittingAncestor(el)) continue;
    offenders.push(el);
  }
  const tables = Array.from(document.querySelectorAll('table'));
  const unlabelled: string[] = [];
  for (const table of tables) {
    if (!table.tHead) continue;
    for (const td of Array.from(table.querySelectorAll(':scope > tbody > tr > td, :scope > tfoot > tr > td'))) {
      if (!td.getAttribute('data-label')) unlabelled.push(`“${(table.caption?.textContent ?? '').trim().slice(0, 30)}”: <td> “${text(td)}”`);
    }
  }
  const values = Array.from(document.querySelectorAll('td[data-label]')).filter((td) => /指标值$/.test(td.getAttribute('data-label') ?? ''));
  const hiddenValues: string[] = [];
  for (const td of values) {
    const r = td.getBoundingClientRect();
    let cut = !fits(r);
    for (let a = td.parentElement; a && !cut && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === 'visible') continue;
      const box = a.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) cut = true;
    }
    if (cut) hiddenValues.push(`<td data-label="${td.getAttribute('data-label')}"> “${text(td)}” spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
  }
  return {
    width,
    offenders: offenders.slice(0, 8).map((el) => `<${describe(el)}> “${text(el)}” right edge at ${Math.round(el.getBoundingClientRect().right)} px`),
    scrolling: scrolling.slice(0, 8),
    valueCells: values.length,
    hiddenValues: hiddenValues.slice(0, 8),
    unlabelled: unlabelled.slice(0, 8),
    tables: tables.length,
    searchResults: document.querySelectorAll('[data-search-results] li').length,
  };
}
