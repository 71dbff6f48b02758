import type { Page } from '@playwright/test';
import { expect, type AppDriver } from '../harness/fixtures';
import { officeWindowSizes } from '../harness/page-actions';

/**
 * Measures the screen as the window shows it now. Three ways a person ends up scrolling sideways:
 * the document itself is wider than the window; an element reaches past the window's right edge
 * (unless an ancestor clips it, which is then measured itself); or a box scrolls sideways inside
 * the page (a table in a scrolling wrapper). The last is allowed only where the markup says it is
 * intended (`data-sideways-scroll="intended"`), so a table hidden in a scroller still counts.
 *
 * The bound is the document's client width (the window less its vertical scrollbar), stricter
 * than `innerWidth`: content under the scrollbar is as hidden as content past the edge. Only the
 * innermost elements that run off are named (each table once), since they push the frame wide.
 *
 * Written as text: the e2e project has no DOM types, and the page runs it as it stands.
 */
const measureInPage = `(() => {
  const root = document.documentElement;
  const limit = root.clientWidth;
  const found = [];
  if (root.scrollWidth > window.innerWidth || root.scrollWidth > limit + 1)
    found.push('the page is ' + root.scrollWidth + ' px wide in a window ' + limit + ' px wide');

  const describe = (element) => {
    const caption = element.querySelector(':scope > caption');
    const text = (element.getAttribute('aria-label') ?? caption?.textContent ?? element.innerText ?? '')
      .replace(/\\s+/g, ' ')
      .trim()
      .slice(0, 60);
    const classes = typeof element.className === 'string' && element.className.trim()
      ? '.' + element.className.trim().split(/\\s+/).join('.')
      : '';
    return '<' + element.tagName.toLowerCase() + classes + '>' + (text ? ' “' + text + '”' : '');
  };
  const clipsSideways = (element) => getComputedStyle(element).overflowX !== 'visible';
  const hidden = (element) => {
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') return true;
    // The visually-hidden pattern: a 1 px clipped box for screen readers only.
    const box = element.getBoundingClientRect();
    return box.width <= 1 && box.height <= 1;
  };

  const runningOff = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
  for (let element = walker.nextNode(); element; element = walker.nextNode()) {
    if (hidden(element)) continue;
    if (clipsSideways(element) && element.scrollWidth > element.clientWidth + 1) {
      const overflowX = getComputedStyle(element).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && element.dataset.sidewaysScroll !== 'intended')
        found.push(describe(element) + ' scrolls sideways: ' + element.scrollWidth + ' px of content in ' +
          element.clientWidth + ' px');
    }
    if (element.getBoundingClientRect().right <= limit + 1) continue;
    let clipped = false;
    for (let ancestor = element.parentElement; ancestor && ancestor !== root; ancestor = ancestor.parentElement)
      if (clipsSideways(ancestor)) clipped = true;
    if (!clipped) runningOff.push(element);
  }
  const outer = new Set();
  for (const element of runningOff)
    for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) outer.add(ancestor);
  const culprits = new Set();
  for (const element of runningOff) if (!outer.has(element)) culprits.add(element.closest('table') ?? element);
  for (const element of [...culprits].slice(0, 8))
    found.push(describe(element) + ' reaches ' + Math.round(element.getBoundingClientRect().right) +
      ' px, past the window’s ' + limit + ' px');
  return found;
})()`;

/** What runs off the right-hand side of the window on the screen on show, in words; empty when it fits. */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(measureInPage);
}

/**
 * At each office window size: `region` scrolled into view, nothing running off sideways, and a
 * screenshot named `<name>-<width>x<height>` to look at. Leaves the window at the first size.
 */
export async function expectFitsAtOfficeSizes(
  app: AppDriver,
  page: Page,
  region: { scrollIntoViewIfNeeded(): Promise<void> },
  name: string,
): Promise<void> {
  for (const size of officeWindowSizes) {
    await page.setViewportSize(size);
    await region.scrollIntoViewIfNeeded();
    expect(await sidewaysOverflow(page), `${name} at ${size.width}x${size.height}`).toEqual([]);
    await app.screenshot(`${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(officeWindowSizes[0]);
}
