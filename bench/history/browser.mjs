// Browser-side timings for bench/history/run.py, with Debian's Chromium driven by playwright-core.
//
//   node browser.mjs page BASE_URL PATH API_PATH MIN_CHARTS ITERATIONS USER PASSWORD OUT.json
//       Opens BASE_URL+PATH ITERATIONS times in a signed-in tab and times, from navigation start, when the
//       response of the first request whose path starts with API_PATH arrived and when every chart on the page
//       (at least MIN_CHARTS, `data-chart` with `data-points` > 0) had drawn: the first animation frame after
//       the charts' data was in place, painted. "draw" = charts drawn − data arrived.
//   node browser.mjs file REPORT.html ITERATIONS OUT.json
//       Opens a saved HTML report from a file:// URL (no network: any other request fails the measurement)
//       ITERATIONS times; times navigation start → load event and → every <svg> chart laid out.
//
// 127.0.0.1 and file:// only. The browser is closed on exit, errors included.
import { writeFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const repo = process.env.REPO ?? new URL('../..', import.meta.url).pathname;
const { chromium } = await import(`${repo}/e2e/node_modules/playwright-core/index.mjs`);
const args = process.argv.slice(2);
const mode = args[0];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };

try {
  if (mode === 'page') {
    const [, base, path, apiPath, minChartsArg, iterationsArg, user, password, out] = args;
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) throw new Error(`refusing a base URL other than http://127.0.0.1:PORT: ${base}`);
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.request.get(base + '/api/v1/auth/state');
    const xsrf = (await context.cookies(base)).find((c) => c.name === 'XSRF-TOKEN').value;
    const signed = await context.request.post(base + '/api/v1/auth/sign-in', { headers: { 'X-XSRF-TOKEN': xsrf }, data: { username: user, password } });
    if (signed.status() !== 200) throw new Error(`sign-in: ${signed.status()} ${await signed.text()}`);
    const results = [];
    for (let i = 0; i < Number(iterationsArg); i++) {
      const page = await context.newPage();
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      // each frame, in the page: the first frame after which every chart has its data and a painted canvas
      await page.addInitScript((min) => {
        const check = () => {
          const charts = [...document.querySelectorAll('[data-chart]')];
          const ready = charts.length >= min && charts.every((c) => Number(c.getAttribute('data-points')) > 0
            && c.querySelector('canvas') && c.querySelector('canvas').width > 0);
          if (ready) requestAnimationFrame(() => { window.__chartsDrawnAt = performance.now(); });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }, Number(minChartsArg));
      await page.goto(base + path);
      await page.waitForFunction(() => window.__chartsDrawnAt !== undefined, null, { timeout: 60_000 });
      const drawnAt = await page.evaluate(() => window.__chartsDrawnAt);
      // when the data's response ended, on the page's clock (resource timing)
      const dataAt = await page.evaluate((api) => {
        const entry = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.startsWith(api));
        return entry ? entry.responseEnd : null;
      }, apiPath);
      const charts = await page.locator('[data-chart]').evaluateAll((cs) => cs.map((c) => ({ chart: c.getAttribute('data-chart'), points: Number(c.getAttribute('data-points')) })));
      if (errors.length) throw new Error(`console errors on ${path}: ${errors.join(' | ')}`);
      results.push({ data_arrived_ms: dataAt, charts_drawn_ms: drawnAt, draw_ms: dataAt == null ? null : drawnAt - dataAt, charts });
      await page.close();
    }
    const summary = { path, iterations: results.length, median_charts_drawn_ms: median(results.map((r) => r.charts_drawn_ms)),
      median_draw_ms: median(results.map((r) => r.draw_ms)), runs: results };
    writeFileSync(out, JSON.stringify(summary, null, 2));
    console.log(JSON.stringify({ path, median_charts_drawn_ms: summary.median_charts_drawn_ms, median_draw_ms: summary.median_draw_ms }));
  } else if (mode === 'file') {
    const [, file, iterationsArg, out] = args;
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const results = [];
    for (let i = 0; i < Number(iterationsArg); i++) {
      const page = await context.newPage();
      const outside = [];
      page.on('request', (r) => { if (r.url() !== url) outside.push(r.url()); });
      // the first frame after the load event: the report laid out and painted, charts included
      await page.addInitScript(() => addEventListener('load', () => requestAnimationFrame(() => { window.__drawnAt = performance.now(); })));
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => window.__drawnAt !== undefined);
      const t = await page.evaluate(() => ({
        load_ms: performance.getEntriesByType('navigation')[0].loadEventEnd, drawn_ms: window.__drawnAt,
        charts: document.querySelectorAll('svg').length, polylines: document.querySelectorAll('svg polyline').length }));
      if (outside.length) throw new Error(`the report requested ${outside.join(', ')}`);
      if (t.polylines === 0) throw new Error('the report drew no chart lines');
      results.push(t);
      await page.close();
    }
    const summary = { file, bytes: statSync(file).size, iterations: results.length, median_load_ms: median(results.map((r) => r.load_ms)),
      median_drawn_ms: median(results.map((r) => r.drawn_ms)), runs: results };
    writeFileSync(out, JSON.stringify(summary, null, 2));
    console.log(JSON.stringify({ bytes: summary.bytes, median_load_ms: summary.median_load_ms, median_drawn_ms: summary.median_drawn_ms }));
  } else {
    console.error('usage: browser.mjs page BASE PATH API_PATH MIN_CHARTS N USER PASSWORD OUT.json | file REPORT.html N OUT.json');
    process.exitCode = 2;
  }
} finally {
  await browser.close();
}
