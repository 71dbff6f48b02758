import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../electron/main/content-security-policy';
import type { AppDriver } from '../e2e/harness/app-driver';
import { rendererRoot } from '../e2e/harness/project-paths';

/**
 * `cold-start`: a fresh page navigating to the app until the sign-in form has been painted, in
 * Chromium with the CPU throttled 4x (an old office computer), on a home that is set up and signed
 * out. The floor is the same page (the same index.html, stylesheet and Content-Security-Policy,
 * served with the same headers) whose script is empty, painted after that script has run: what any
 * start costs before our code. Both are read from the page's own clock, which starts at the
 * navigation. Nothing is cached between runs (the app is served with `no-store`). Target: under 1 s.
 */
export type ColdStartResult = { name: string; n: number; median_ms: number; floor_ms: number; ratio: number };

const repetitions = 7;
const cpuSlowdown = 4;

/*
 * Runs in the page before its own scripts. Reports, on the page's clock, the frame after the one
 * in which the sign-in form (or, on the floor page, the empty script's DOMContentLoaded) first
 * appeared: the first animation frame is before that paint, the second after it. It reports by a
 * console message, which the page sends of itself: waiting with a page function instead would
 * have Playwright put its own script into the page and poll it while the app is still starting
 * (about 50 ms of a throttled start, paid by the app and rarely by the floor, which is done first).
 */
const paintedMessage = '[cold-start] painted at ';
const paintedProbe = `(() => {
  const record = () =>
    requestAnimationFrame(() => requestAnimationFrame(() => console.debug('${paintedMessage}' + performance.now())));
  if (location.pathname.endsWith('/floor.html')) {
    document.addEventListener('DOMContentLoaded', record, { once: true });
    return;
  }
  const observer = new MutationObserver(() => {
    if (document.querySelector('form[aria-label="Sign in"]')) {
      observer.disconnect();
      record();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/** The app's own index.html with its script emptied and its preloads removed, and its stylesheet. */
async function startFloorServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const html = await readFile(resolve(rendererRoot, 'index.html'), 'utf8');
  const floorHtml = html
    .replace(/<link rel="modulepreload"[^>]*>\s*/g, '')
    .replace(
      /<script type="module" crossorigin src="[^"]+"><\/script>/,
      '<script type="module" crossorigin src="./empty.js"></script>',
    );
  if (!floorHtml.includes('./empty.js'))
    throw new Error('The built index.html has no module script to empty');
  const stylesheet = /href="\.\/(assets\/[^"]+\.css)"/.exec(html)?.[1];
  const css = stylesheet ? await readFile(resolve(rendererRoot, stylesheet)) : undefined;
  const headers = { 'Content-Security-Policy': contentSecurityPolicy(), 'Cache-Control': 'no-store' };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/floor.html')
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(floorHtml);
    else if (path === '/empty.js')
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end('');
    else if (css && path === `/${stylesheet}`)
      response.writeHead(200, { ...headers, 'Content-Type': 'text/css; charset=utf-8' }).end(css);
    else response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/floor.html`,
    // Every connection is ended first: a socket the browser opened ahead and never used holds
    // close() open for good, and the whole run with it.
    close: () =>
      new Promise<void>((done, reject) => {
        server.close((error) => (error ? reject(error) : done()));
        server.closeAllConnections();
      }),
  };
}

/** One navigation in a fresh, throttled page: milliseconds from its start to the paint. */
async function timeOneStart(app: AppDriver, url: string): Promise<number> {
  const context = app.page.context();
  const page: Page = await context.newPage();
  try {
    await page.addInitScript({ content: paintedProbe });
    // A start that never paints the form should say why, not only time out.
    page.on('pageerror', (error) => console.error(`[bench] cold-start: the page failed: ${error.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const painted = page.waitForEvent('console', {
      predicate: (message) => message.text().startsWith(paintedMessage),
      timeout: 120_000,
    });
    // Awaited below; marked handled now so a failed navigation is reported as itself.
    painted.catch(() => undefined);
    await page.goto(url);
    const message = await painted.catch(async (error: unknown) => {
      const shown = await page.locator('body').innerText();
      throw new Error(`The sign-in form was not painted; the page showed: ${shown.slice(0, 500)}`, {
        cause: error,
      });
    });
    const ms = Number(message.text().slice(paintedMessage.length));
    if (!Number.isFinite(ms)) throw new Error(`The page reported its paint oddly: ${message.text()}`);
    return ms;
  } finally {
    await page.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Expects `app` on a seeded home, signed out; leaves it as it was. */
export async function coldStart(
  app: AppDriver,
  rows: number,
  progress: (line: string) => void,
): Promise<ColdStartResult> {
  const appUrl = new URL('/', app.page.url()).href;
  const floor = await startFloorServer();
  try {
    const runs: number[] = [];
    const floors: number[] = [];
    // Alternating, so a change in the machine's load falls on both alike.
    for (let repetition = 0; repetition < repetitions; repetition += 1) {
      floors.push(await timeOneStart(app, floor.url));
      runs.push(await timeOneStart(app, appUrl));
      progress(
        `[bench] cold-start: ${repetition + 1}/${repetitions} sign-in form painted at ${runs.at(-1)?.toFixed(1)} ms, empty page ${floors.at(-1)?.toFixed(1)} ms (CPU ${cpuSlowdown}x slower)`,
      );
    }
    const medianMs = median(runs);
    const floorMs = median(floors);
    return {
      name: 'cold-start',
      n: rows,
      median_ms: round(medianMs),
      floor_ms: round(floorMs),
      ratio: round(medianMs / floorMs),
    };
  } finally {
    await floor.close();
  }
}
