// The only chart script a page loads at first: it watches each chart's figure and imports the
// drawing code (Chart.js, its own chunk through import()) when a figure comes within
// NEAR_SCREEN of the screen. A reader who never scrolls to a chart never downloads Chart.js;
// the summary and the data table are in the HTML from the start, so nothing waits for it.
//
// Why only on view and not also when the page is idle: on a phone most chart pages show the
// charts below the fold, and requestIdleCallback would fetch Chart.js (most of the page's bytes)
// for readers who only read the tables. The margin starts the download shortly before the chart
// is on screen, so it is usually drawn by the time it is seen.

/** How far outside the screen a chart starts loading (CSS margin of the observer's root). */
const NEAR_SCREEN = '0px 0px 200px 0px';

/**
 * Loading Chart.js and drawing are two tasks, not one: each stays short enough (under 50 ms on a
 * slow phone) not to block a tap, where together they did (Lighthouse's total blocking time).
 */
function draw(figure: HTMLElement): void {
  void import('./draw-chart.ts').then(({ drawChart }) => setTimeout(() => drawChart(figure), 0));
}

export function watchCharts(): void {
  const figures = document.querySelectorAll<HTMLElement>('figure[data-chart]');
  if (figures.length === 0) return;
  if (!('IntersectionObserver' in window)) {
    // A browser too old to tell what is on screen gets every chart at once, as before.
    figures.forEach(draw);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        draw(entry.target as HTMLElement);
      }
    },
    { rootMargin: NEAR_SCREEN },
  );
  figures.forEach((figure) => observer.observe(figure));
}
